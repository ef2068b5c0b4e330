// The report document's presenter: "late" and the public link only once published; the auditors'
// note is the published version's override, counted over the findings it let through; the history
// in China time; a version compared with the one before it, the first with nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentDocumentPage, presentListEntry, presentVersions, type DocumentPageRows } from './document.presenter.ts';
import type { DocumentRow, OverrideRow, VersionRow } from './publication.store.ts';

const doc: DocumentRow = {
  id: 4,
  agency_id: 1,
  report_year: 2025,
  template: '2021',
  scope: 'agency',
  status: 'principal_approved',
  current_version_id: 9,
  published_version_id: null,
  published_on: null,
  is_late: 1,
  published_html: null,
  created_by: 2,
  created_at: '2026-01-05T01:00:00.000Z',
  updated_at: '2026-01-05T01:00:00.000Z',
  agency_code: 'yueyang-hrss',
  agency_name: '岳阳市人力资源和社会保障局',
  agency_kind: 'department',
  office_unit_id: 3,
};

const override = (version_id: number, reason: string): OverrideRow => ({
  id: version_id,
  document_id: 4,
  version_id,
  user_id: 5,
  user_name: '吴志刚',
  reason,
  findings_json: JSON.stringify([{ code: 'a' }, { code: 'b' }]),
  created_at: '2026-02-01T02:05:00.000Z',
});

const rows: DocumentPageRows = {
  doc,
  title: '2025年政府信息公开工作年度报告',
  versionId: 9,
  versionNo: 3,
  sections: [],
  tablesHtml: '',
  findings: [],
  blocking: 1,
  deadline: '2026-01-31',
  previous: null,
  overrides: [override(9, '先行公布')],
  history: [
    {
      id: 1,
      document_id: 4,
      version_id: 9,
      from_status: null,
      to_status: 'draft',
      event: 'create',
      actor_user_id: 2,
      actor_name: '刘洋',
      reason: null,
      created_at: '2026-01-05T01:00:00.000Z',
    },
  ],
  transitions: [],
  can: { edit: false, override: true },
};

test('not yet published: not late, no public link, no auditors’ note; the current override noted', () => {
  const page = presentDocumentPage(rows);
  assert.equal(page.doc.late, false);
  assert.equal(page.doc.publishedOn, null);
  assert.equal(page.publishedOverride, null);
  assert.deepEqual(page.override, { userName: '吴志刚', at: '2026-02-01 10:05', reason: '先行公布', findingCount: 2 });
  assert.deepEqual(page.history[0], {
    at: '2026-01-05 09:00',
    actorName: '刘洋',
    event: 'create',
    fromStatus: null,
    toStatus: 'draft',
    reason: null,
  });
});

test('published late: late, the public link, and the published version’s override for the auditors', () => {
  const published = { ...doc, status: 'published', published_on: '2026-02-02', published_version_id: 8 };
  const page = presentDocumentPage({ ...rows, doc: published, overrides: [override(8, '旧'), override(9, '新')] });
  assert.equal(page.doc.late, true);
  assert.equal(page.doc.publishedOn, '2026-02-02');
  assert.equal(page.publishedOverride!.reason, '旧');
  assert.equal(page.override!.reason, '新');
  assert.deepEqual(presentListEntry(published), {
    id: 4,
    agencyName: '岳阳市人力资源和社会保障局',
    scope: 'agency',
    reportYear: 2025,
    template: '2021',
    status: 'published',
    late: true,
  });
});

test('versions: each compared with the one before; the first has nothing to differ from', () => {
  const v = (id: number, overview: string, figures: string): VersionRow => ({
    id,
    document_id: 4,
    version_no: id,
    sections_json: JSON.stringify({ overview }),
    figures_json: figures,
    change_note: id === 1 ? null : '改写概述',
    created_by: 2,
    created_at: '2026-01-05T01:00:00.000Z',
    author_name: id === 1 ? null : '刘洋',
  });
  const [newest, first] = presentVersions([v(2, '新', '{"report":{}}'), v(1, '旧', '{"report":{}}')], '2021');
  assert.equal(newest!.createdAt, '2026-01-05 09:00');
  assert.deepEqual(
    newest!.sections!.map((c) => [c.key, c.before, c.after]),
    [['overview', '旧', '新']],
  );
  assert.deepEqual(newest!.figures, [], 'the same figures: nothing recomputed');
  assert.equal(first!.sections, null);
  assert.equal(first!.authorName, null);
});
