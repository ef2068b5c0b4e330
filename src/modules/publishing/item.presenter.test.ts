// The item page's presenter: the emergency review overdue only after its day, the date shown as
// "published" falling back to the scheduled day, the personal-data findings flattened without the
// values found, the override of the current version only, and a change late against today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentChange, presentItemPage, type ItemPageRows } from './item.presenter.ts';
import type { InformationItemRow, ItemChangeRow, ItemVersionRow } from './publishing.table.ts';

const item: InformationItemRow = {
  id: 5,
  agency_id: 1,
  index_number: '114306000000000000/2026-00005',
  current_version_id: 12,
  status: 'published_pending_approval',
  disclosure_mode: 'proactive',
  non_disclosure_basis: null,
  art20_item: 3,
  catalog_category: 'work_news',
  responsible_unit_id: 2,
  formation_date: '2026-03-01',
  disclosure_due_on: '2026-03-20',
  emergency_review_due_on: '2026-03-10',
  disclosure_due_provisional_years: null,
  scheduled_on: '2026-03-05',
  publication_date: null,
  is_normative: 0,
  document_kind: null,
  publication_limit_days: null,
  publication_limit_law: null,
  interprets_item_id: null,
  created_by: 3,
  created_at: '2026-03-01T01:00:00.000Z',
  updated_at: '2026-03-01T01:00:00.000Z',
};

const version: ItemVersionRow = {
  id: 12,
  item_id: 5,
  version_no: 2,
  title: '关于发放补贴的通知',
  document_number: null,
  issuing_agencies: JSON.stringify(['岳阳市人力资源和社会保障局', '岳阳市财政局']),
  topic: null,
  genre: null,
  keywords: null,
  summary: null,
  body_html: '<p>正文</p><script>alert(1)</script>',
  change_note: null,
  created_by: 3,
  created_at: '2026-03-02T01:30:00.000Z',
};

const override = { reason: '已征得本人同意', reviewer_name: '王审', findings_json: '[]', reviewer_user_id: 4 };

const rows: ItemPageRows = {
  item,
  version,
  versions: [version],
  history: [],
  reviews: [],
  validity: [],
  changes: [],
  overrides: [
    { id: 1, item_id: 5, version_id: 11, created_at: '2026-03-01T02:00:00.000Z', ...override, reason: '旧版本' },
    { id: 2, item_id: 5, version_id: 12, created_at: '2026-03-02T02:00:00.000Z', ...override },
  ],
  attachments: [],
  findings: [
    {
      field: 'body_html',
      findings: [
        { kind: 'resident_id', start: 0, end: 18, line: 2, value: '11010519491231002X', masked: '110105********002X' },
      ],
    },
    {
      field: 'attachment:9',
      filename: '名单.txt',
      findings: [{ kind: 'mobile', start: 0, end: 11, line: 1, value: '13800138000', masked: '138****8000' }],
    },
  ],
  interprets: undefined,
  interpretations: [],
  unitName: '就业促进科',
  late: false,
  transitions: [],
  nextSteps: [
    { from: 'leader_checked', event: 'principal_approve', to: 'approved', requires: 'principal_leader', needs: [] },
  ],
  uploadMaxBytes: 1024,
  can: { edit: false, mask: true, override: true, correct: false, validity: false },
};

test('the emergency review is pending on its day and overdue the day after', () => {
  assert.deepEqual(presentItemPage(rows, '2026-03-10').item.emergency, { dueOn: '2026-03-10', overdue: false });
  assert.deepEqual(presentItemPage(rows, '2026-03-11').item.emergency, { dueOn: '2026-03-10', overdue: true });
  const published = presentItemPage({ ...rows, item: { ...item, status: 'published' } }, '2026-03-11');
  assert.equal(published.item.emergency, null);
  // whose step comes next, for a reader who cannot take it
  assert.deepEqual(presentItemPage(rows, '2026-03-10').waitingFor, [
    { event: 'principal_approve', role: 'principal_leader' },
  ]);
});

test('the catalog data: agencies joined, the scheduled day shown until published and only while scheduled', () => {
  const page = presentItemPage(rows, '2026-03-10');
  assert.equal(page.item.issuingAgencies, '岳阳市人力资源和社会保障局、岳阳市财政局');
  assert.equal(page.item.publicationDate, '2026-03-05');
  assert.equal(page.item.scheduledOn, null);
  const scheduled = presentItemPage({ ...rows, item: { ...item, status: 'scheduled' } }, '2026-03-10');
  assert.equal(scheduled.item.scheduledOn, '2026-03-05');
  assert.equal(page.item.hasValidity, false);
  assert.equal(
    presentItemPage({ ...rows, item: { ...item, document_kind: 'policy' } }, '2026-03-10').item.hasValidity,
    true,
  );
});

test('the body is cleaned again; times are China time', () => {
  const page = presentItemPage(rows, '2026-03-10');
  assert.doesNotMatch(page.current.bodyHtml, /<script>/);
  assert.equal(page.versions[0]!.createdAt, '2026-03-02 09:30');
});

test('findings: one line each, a field or a file, the masked text and never the value found', () => {
  const { findings } = presentItemPage(rows, '2026-03-10');
  assert.deepEqual(findings, [
    { filename: null, field: 'body_html', line: 2, kind: 'resident_id', masked: '110105********002X' },
    { filename: '名单.txt', field: 'attachment:9', line: 1, kind: 'mobile', masked: '138****8000' },
  ]);
  assert.doesNotMatch(JSON.stringify(findings), /11010519491231002X|13800138000/);
});

test('the override shown is the current version’s', () => {
  assert.deepEqual(presentItemPage(rows, '2026-03-10').override, { reason: '已征得本人同意', reviewerName: '王审' });
  const none = presentItemPage({ ...rows, overrides: rows.overrides.slice(0, 1) }, '2026-03-10');
  assert.equal(none.override, null);
});

test('a change is late once past its day unpublished, or published after it', () => {
  const change: ItemChangeRow = {
    id: 1,
    item_id: 5,
    agency_id: 1,
    kind: 'correction',
    version_id: 12,
    validity_id: null,
    changed_on: '2026-03-01',
    due_on: '2026-03-20',
    limit_days: 20,
    limit_law: null,
    published_on: null,
    created_by: 3,
    created_at: '2026-03-01T01:00:00.000Z',
  };
  assert.equal(presentChange(change, '2026-03-20').late, false);
  assert.equal(presentChange(change, '2026-03-21').late, true);
  assert.equal(presentChange({ ...change, published_on: '2026-03-19' }, '2026-04-01').late, false);
  assert.deepEqual(presentChange({ ...change, published_on: '2026-03-21' }, '2026-03-21'), {
    kind: 'correction',
    changedOn: '2026-03-01',
    dueOn: '2026-03-20',
    late: true,
    publishedOn: '2026-03-21',
    limitLaw: null,
    limitDays: 20,
  });
});
