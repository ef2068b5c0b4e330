// Table 二 row (一) counted by what a document is and when it was made (docs/domain/readings.md#table-2):
// a normative document made in December and published in January counts in December's year; a 规章
// filed under the normative-document category counts as a 规章. Both dialects; figures by hand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { insertReportFixture, type ReportFixture } from './report-fixture.test-support.ts';
import { computeAnnualReport } from './report.service.ts';
import { classifyNormative } from './queries/normative-documents.ts';
import type { AnnualReport2021 } from './report-types.ts';

describe('classifyNormative (pure)', () => {
  test('by kind and formation date, whatever the publication date', () => {
    // 1: normative, made 2025-12-26 (published 2026-01-08: not an input here) -> issued 2025.
    // 2: regulation, made 2025-07-01 -> regulations issued 2025.
    // 3: normative, made 2024-05-01, repealed in 2025 (latest record 'repealed') -> repealed, not in force.
    // 4: no kind (a work news item) -> nowhere.
    const figures = classifyNormative(
      [
        { id: 1, document_kind: 'normative_document', formation_date: '2025-12-26', latest: null },
        { id: 2, document_kind: 'regulation', formation_date: '2025-07-01', latest: 'in_force' },
        { id: 3, document_kind: 'normative_document', formation_date: '2024-05-01', latest: 'repealed' },
        { id: 4, document_kind: null, formation_date: '2025-03-01', latest: null },
      ],
      new Set([3]),
      2025,
    );
    assert.deepEqual(figures.normativeDocuments.issued, { value: 1, ids: [1] });
    assert.deepEqual(figures.normativeDocuments.repealed, { value: 1, ids: [3] });
    assert.deepEqual(figures.normativeDocuments.inForce, { value: 1, ids: [1] });
    assert.deepEqual(figures.regulations.issued, { value: 1, ids: [2] });
    assert.deepEqual(figures.regulations.inForce, { value: 1, ids: [2] });
    // The next year: made in 2025, so not issued in 2026 (and still in force).
    const next = classifyNormative(
      [{ id: 1, document_kind: 'normative_document', formation_date: '2025-12-26', latest: null }],
      new Set(),
      2026,
    );
    assert.deepEqual(next.normativeDocuments.issued, { value: 0, ids: [] });
    assert.deepEqual(next.normativeDocuments.inForce, { value: 1, ids: [1] });
  });
});

forEachDialect('table 二: documents counted by kind and formation date', (t) => {
  let fx: ReportFixture;
  const extra: Record<string, number> = {};
  const compute = async (year: number) =>
    (
      await computeAnnualReport(t.handle.db, {
        agencyCode: 't2-a',
        year,
        template: '2021',
        generatedAt: '2027-02-01T00:00:00.000Z',
      })
    ).report as AnnualReport2021;

  test('the fixture, a December-made January-published document and a 规章 filed as a normative document', async () => {
    const db = t.handle.db;
    fx = await insertReportFixture(db, 't2');
    const unit = (
      await db.selectFrom('units').select('id').where('agency_id', '=', fx.parentId).executeTakeFirstOrThrow()
    ).id;
    const add = async (label: string, kind: string, category: string, formed: string, published: string) => {
      const id = (
        await db
          .insertInto('information_items')
          .values({
            agency_id: fx.parentId,
            index_number: `t2/extra/${label}`,
            current_version_id: null,
            status: 'published',
            disclosure_mode: 'proactive',
            non_disclosure_basis: null,
            art20_item: 1,
            catalog_category: category,
            responsible_unit_id: unit,
            formation_date: formed,
            disclosure_due_on: null,
            scheduled_on: null,
            publication_date: published,
            is_normative: category === 'normative_document' ? 1 : 0,
            document_kind: kind,
            interprets_item_id: null,
            created_by: null,
            created_at: '2026-01-15T00:00:00.000Z',
            updated_at: '2026-01-15T00:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      extra[label] = id;
    };
    await add('dec-made', 'normative_document', 'normative_document', '2025-12-26', '2026-01-08');
    // Filed under the normative-document category, but it is a 规章.
    await add('regulation-in-normative-category', 'regulation', 'normative_document', '2025-07-01', '2025-07-03');
  });

  test('2025: the December-made document is issued in 2025; the 规章 counts as a 规章', async () => {
    const r = await compute(2025);
    // Issued 2025 (normative): new-2025, new-2025-amended, new-2025-repealed-2026 (fixture) + dec-made = 4.
    // In force on 2025-12-31: old-in-force, new-2025, new-2025-amended (amended stays in force),
    // new-2025-repealed-2026 (repeal effective 2026) + dec-made = 5. Repealed 2025: old-repealed-2025.
    assert.deepEqual(r.proactive.normativeDocuments, { issued: 4, repealed: 1, inForce: 5 });
    // Regulations: regulation-2025 (fixture) + regulation-in-normative-category = 2 issued, 2 in force.
    assert.deepEqual(r.proactive.regulations, { issued: 2, repealed: 0, inForce: 2 });
    assert.ok(r.provenance!['proactive.normativeDocuments.issued']?.includes(extra['dec-made']!));
    assert.ok(
      !r.provenance!['proactive.normativeDocuments.issued']?.includes(extra['regulation-in-normative-category']!),
    );
    assert.ok(r.provenance!['proactive.regulations.issued']?.includes(extra['regulation-in-normative-category']!));
  });

  test('2026: the December-made document is not issued again, and is in force', async () => {
    const r = await compute(2026);
    // Nothing made in 2026. Repealed 2026: new-2025-repealed-2026 (2026-01-10). In force on 2026-12-31:
    // old-in-force, new-2025, new-2025-amended, dec-made = 4.
    assert.deepEqual(r.proactive.normativeDocuments, { issued: 0, repealed: 1, inForce: 4 });
    assert.deepEqual(r.proactive.regulations, { issued: 0, repealed: 0, inForce: 2 });
    assert.ok(r.provenance!['proactive.normativeDocuments.inForce']?.includes(extra['dec-made']!));
  });
});
