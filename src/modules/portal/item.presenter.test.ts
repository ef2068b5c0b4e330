// The item page's presenter: the issuing agencies joined (or the publishing agency when the stored
// list is empty or broken), attachment kinds and sizes written out, the history cut to the day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentItem, presentWithdrawn } from './item.presenter.ts';
import type { PublicItemRecord } from './public-item.ts';

function record(issuing: string): PublicItemRecord {
  return {
    item: { id: 3, title: '某办法', issuing_agencies: issuing, agency_name: '某局', is_normative: 0 },
    validity: [{ validity: 'in_force', effective_date: '2026-01-01', note: null }],
    attachments: [{ id: 5, filename: 'a.pdf', kind: 'pdf', size: 1536, mime: 'application/pdf', sha256: 'x' }],
    linked: [{ id: 4, title: '解读', catalog_category: 'policy_interpretation' }],
    events: [{ event: 'publish', created_at: '2026-01-02T03:04:05Z', reason: null }],
    corrections: [{ version_no: 2, change_note: null, created_at: '2026-02-03T00:00:00Z' }],
  } as unknown as PublicItemRecord;
}

test('the issuing agencies are joined, and a missing or broken list shows the publishing agency', () => {
  const href = (id: number) => `/f/${id}`;
  assert.equal(presentItem(record('["甲局","乙局"]'), href).item.issuers, '甲局、乙局');
  assert.equal(presentItem(record('[]'), href).item.issuers, '某局');
  assert.equal(presentItem(record('not json'), href).item.issuers, '某局');
});

test('attachments, history and corrections read as the page shows them', () => {
  const shown = presentItem(record('[]'), (id, name) => `/f/${id}/${name}`);
  assert.deepEqual(shown.attachments, [{ id: 5, filename: 'a.pdf', kind: 'PDF', size: '1.5 KiB' }]);
  assert.equal(shown.attachmentHref(5, 'a.pdf'), '/f/5/a.pdf');
  assert.deepEqual(shown.events, [{ event: 'publish', date: '2026-01-02' }]);
  assert.deepEqual(shown.corrections, [{ versionNo: 2, note: '', date: '2026-02-03' }]);
  assert.deepEqual(shown.linked, [{ id: 4, title: '解读', category: 'policy_interpretation' }]);
  assert.equal(shown.item.normative, false);
});

test('a withdrawn item shows the day it was withdrawn', () => {
  assert.deepEqual(
    presentWithdrawn({
      id: 3,
      title: '某办法',
      index_number: '001-2026-0003',
      agency_name: '某局',
      reason: '已废止',
      withdrawn_at: '2026-03-04T05:06:07Z',
    }),
    { title: '某办法', indexNumber: '001-2026-0003', agencyName: '某局', reason: '已废止', withdrawnOn: '2026-03-04' },
  );
});
