// The version comparison: each field as comparable text (the body as plain text, the agencies as a
// list, the files by name and hash), marked changed against the version before; the oldest version
// has nothing to differ from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentVersions, type VersionRows } from './item-versions.presenter.ts';
import type { ItemVersionRow } from './publishing.table.ts';

const v1: ItemVersionRow = {
  id: 1,
  item_id: 5,
  version_no: 1,
  title: '通知',
  document_number: null,
  issuing_agencies: JSON.stringify(['市人社局']),
  topic: null,
  genre: null,
  keywords: null,
  summary: null,
  body_html: '<p>正文</p>',
  change_note: null,
  created_by: 3,
  created_at: '2026-03-01T01:30:00.000Z',
};
const v2: ItemVersionRow = {
  ...v1,
  id: 2,
  version_no: 2,
  issuing_agencies: JSON.stringify(['市人社局', '市财政局']),
  body_html: '<p>正文</p>',
  change_note: '加了联合发文单位',
  created_at: '2026-03-02T01:30:00.000Z',
};
const file = { sha256: 'ab'.repeat(32), filename: '附件.pdf' } as VersionRows['attachments'][number];

test('newest first; only the fields that differ from the version before are marked', () => {
  const rows: VersionRows[] = [
    { version: v2, authorName: '刘洋', attachments: [file] },
    { version: v1, authorName: null, attachments: [] },
  ];
  const [newest, oldest] = presentVersions(rows, 2);
  assert.equal(newest!.isCurrent, true);
  assert.equal(oldest!.isCurrent, false);
  assert.equal(newest!.createdAt, '2026-03-02 09:30');
  assert.deepEqual(
    newest!.fields.filter((f) => f.changed).map((f) => [f.label, f.value]),
    [
      ['pub.field.issuing_agencies', '市人社局、市财政局'],
      ['pub.item.attachments', `附件.pdf (${'ab'.repeat(6)})`],
    ],
  );
  assert.equal(newest!.fields.find((f) => f.label === 'pub.field.body')!.value, '正文');
  assert.equal(newest!.fields.find((f) => f.label === 'pub.field.document_number')!.value, '');
  assert.ok(
    oldest!.fields.every((f) => !f.changed),
    'the first version differs from nothing',
  );
});
