// The forms' starting values: one per field by its name, the agencies joined with 、 as the form
// takes them; a correction starts with an empty note; an item is not offered as its own document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionFormValues, draftFormValues, presentLinkCandidates } from './item-form.presenter.ts';
import type { InformationItemRow, ItemVersionRow } from './publishing.table.ts';

const version = {
  title: '解读',
  document_number: '岳人社发〔2026〕1号',
  issuing_agencies: JSON.stringify(['市人社局', '市财政局']),
  topic: '就业',
  genre: null,
  keywords: null,
  summary: null,
  body_html: '<p>正文</p>',
} as ItemVersionRow;
const item = {
  responsible_unit_id: 2,
  formation_date: '2026-03-01',
  catalog_category: 'policy_interpretation',
  document_kind: null,
  art20_item: null,
  disclosure_mode: 'proactive',
  non_disclosure_basis: null,
  interprets_item_id: 7,
  publication_limit_days: 10,
  publication_limit_law: '《某法》',
  index_number: 'not a field',
} as InformationItemRow;

test('a draft: its item and version fields by name, agencies joined', () => {
  const values = draftFormValues(item, version);
  assert.equal(values.issuing_agencies, '市人社局、市财政局');
  assert.equal(values.interprets_item_id, 7);
  assert.equal(values.document_number, '岳人社发〔2026〕1号');
  assert.equal(values.publication_limit_days, 10);
  assert.equal(values.index_number, undefined, 'only the form’s fields');
});

test('a correction: the content and an empty change note', () => {
  const values = correctionFormValues(version);
  assert.equal(values.change_note, '');
  assert.equal(values.title, '解读');
  assert.equal(values.responsible_unit_id, undefined);
});

test('link candidates read "title（index number）" and leave the item itself out', () => {
  const rows = [
    { id: 7, title: '政策文件', index_number: 'A/2026-00001' },
    { id: 8, title: '本件', index_number: 'A/2026-00002' },
  ];
  assert.deepEqual(presentLinkCandidates(rows, 8), [{ id: 7, label: '政策文件（A/2026-00001）' }]);
  assert.equal(presentLinkCandidates(rows, undefined).length, 2);
});
