// The annual report computed from a fixture of records (both dialects), against tables written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { insertReportFixture, type ReportFixture } from './report-fixture.test-support.ts';
import { computeAnnualReport } from './report.service.ts';
import { checkReportArithmetic } from './report-arithmetic.ts';
import type { AnnualReport2008, AnnualReport2021, Applications2021 } from './report-types.ts';
import { validateAgainstSchema } from './report-schema.test-support.ts';
import { reportView } from './report-view.ts';
import { row } from './report-arithmetic.test-support.ts';

const Z = row(0, 0, 0, 0, 0, 0, 0);

// Agency A alone, 2025. New: apps 4, 9, 10 (自然人), 5 (科研), 6 (公益), 7 (法律), 8 (其他) — 11 is 2026.
// Carried over: 1 (自然人), 2 (商业); 3 was decided in 2024. Decided in 2025: 1 granted, 4 partial,
// 5 state secret, 6 not held, 7 duplicate, 8 fee not paid. Carried forward: 9, 10 (decided 2026), 2.
const TABLE3_AGENCY: Applications2021 = {
  newReceived: row(3, 0, 1, 1, 1, 1, 7),
  carriedOver: row(1, 1, 0, 0, 0, 0, 2),
  outcomes: {
    granted: row(1, 0, 0, 0, 0, 0, 1),
    partiallyGranted: row(1, 0, 0, 0, 0, 0, 1),
    withheld: {
      stateSecret: row(0, 0, 1, 0, 0, 0, 1),
      prohibitedByLaw: Z,
      endangersSecurityOrStability: Z,
      thirdPartyRights: Z,
      internalAffairs: Z,
      processInformation: Z,
      enforcementFiles: Z,
      administrativeQuery: Z,
    },
    unableToProvide: { notHeld: row(0, 0, 0, 1, 0, 0, 1), needsCreation: Z, unclearAfterCorrection: Z },
    notProcessed: {
      petitionOrComplaint: Z,
      duplicate: row(0, 0, 0, 0, 1, 0, 1),
      publication: Z,
      massRepeated: Z,
      confirmation: Z,
    },
    otherHandling: { noCorrection: Z, feeNotPaid: row(0, 0, 0, 0, 0, 1, 1), other: Z },
    total: row(2, 0, 1, 1, 1, 1, 6),
  },
  carriedForward: row(2, 1, 0, 0, 0, 0, 3),
};

// A and B: B adds 12 (new, 商业, third-party rights) and 13 (carried over, 自然人, no correction).
const TABLE3_ROLLUP: Applications2021 = {
  newReceived: row(3, 1, 1, 1, 1, 1, 8),
  carriedOver: row(2, 1, 0, 0, 0, 0, 3),
  outcomes: {
    granted: row(1, 0, 0, 0, 0, 0, 1),
    partiallyGranted: row(1, 0, 0, 0, 0, 0, 1),
    withheld: {
      stateSecret: row(0, 0, 1, 0, 0, 0, 1),
      prohibitedByLaw: Z,
      endangersSecurityOrStability: Z,
      thirdPartyRights: row(0, 1, 0, 0, 0, 0, 1),
      internalAffairs: Z,
      processInformation: Z,
      enforcementFiles: Z,
      administrativeQuery: Z,
    },
    unableToProvide: { notHeld: row(0, 0, 0, 1, 0, 0, 1), needsCreation: Z, unclearAfterCorrection: Z },
    notProcessed: {
      petitionOrComplaint: Z,
      duplicate: row(0, 0, 0, 0, 1, 0, 1),
      publication: Z,
      massRepeated: Z,
      confirmation: Z,
    },
    otherHandling: { noCorrection: row(1, 0, 0, 0, 0, 0, 1), feeNotPaid: row(0, 0, 0, 0, 0, 1, 1), other: Z },
    total: row(3, 1, 1, 1, 1, 1, 8),
  },
  carriedForward: row(2, 1, 0, 0, 0, 0, 3),
};

const GENERATED_AT = '2026-01-20T08:00:00.000Z';

forEachDialect('annual report from records', (t) => {
  let fx: ReportFixture;
  const compute = async (options: { rollup?: boolean; template?: '2008' | '2019' | '2021'; year?: number } = {}) =>
    computeAnnualReport(t.handle.db, {
      agencyCode: 'rpt-a',
      year: options.year ?? 2025,
      rollup: options.rollup,
      template: options.template,
      generatedAt: GENERATED_AT,
    });

  test('insert the fixture', async () => {
    fx = await insertReportFixture(t.handle.db);
  });

  test('table 三 of one agency equals the hand-computed table, every cell', async () => {
    const built = await compute();
    const report = built.report as AnnualReport2021;
    assert.equal(report.format, '2021');
    assert.equal(report.scope, 'agency');
    assert.deepEqual(report.applications, TABLE3_AGENCY);
    assert.deepEqual(checkReportArithmetic(report), []);
  });

  test('table 三 rolled up over the agency and the one beneath it', async () => {
    const report = (await compute({ rollup: true })).report as AnnualReport2021;
    assert.equal(report.scope, 'rollup');
    assert.deepEqual(report.applications, TABLE3_ROLLUP);
    assert.deepEqual(checkReportArithmetic(report), []);
  });

  test('provenance lists the applications counted in a cell', async () => {
    const report = (await compute({ rollup: true })).report as AnnualReport2021;
    const p = report.provenance!;
    assert.deepEqual(p['applications.carriedForward.naturalPerson'], [fx.app[9], fx.app[10]]);
    assert.deepEqual(p['applications.carriedOver.total'], [fx.app[1], fx.app[2], fx.app[13]]);
    assert.deepEqual(p['applications.outcomes.withheld.thirdPartyRights.business'], [fx.app[12]]);
    assert.equal(p['applications.newReceived.total']!.length, 8);
    assert.ok(!p['applications.newReceived.total']!.includes(fx.app[11]!));
    assert.equal(p['applications.outcomes.granted.business'], undefined);
  });

  test('table 二 normative documents from validity histories; processing fees', async () => {
    const report = (await compute()).report as AnnualReport2021;
    assert.deepEqual(report.proactive.normativeDocuments, { issued: 3, repealed: 1, inForce: 4 });
    assert.deepEqual(report.proactive.regulations, { issued: 1, repealed: 0, inForce: 1 });
    assert.deepEqual(report.provenance!['proactive.normativeDocuments.repealed'], [fx.item['old-repealed-2025']]);
    assert.deepEqual(
      [...report.provenance!['proactive.normativeDocuments.inForce']!].sort((a, b) => Number(a) - Number(b)),
      [
        fx.item['old-in-force'],
        fx.item['new-2025'],
        fx.item['new-2025-amended'],
        fx.item['new-2025-repealed-2026'],
      ].sort((a, b) => a! - b!),
    );
    assert.deepEqual(report.processingFees, { collectedYuan: 100, applicationsCharged: 1 });
  });

  test('the JSON of every template validates against the schema', async () => {
    for (const template of ['2021', '2019', '2008'] as const) {
      for (const rollup of [false, true]) {
        const built = await compute({ template, rollup });
        assert.deepEqual(
          validateAgainstSchema(JSON.parse(JSON.stringify(built.report))),
          [],
          `${template} rollup=${rollup}`,
        );
      }
    }
  });

  test('2019 template: the 2021 shape marked, table 三 with （六） as one row', async () => {
    const built = await compute({ template: '2019' });
    const report = built.report as AnnualReport2021;
    assert.equal((report.comparison as { template: string }).template, '2019');
    const view = reportView(report, '2019');
    const t3 = view.sections.flatMap((s) => s.tables).find((x) => x.id === '三')!;
    const sixth = t3.rows.find((r) => r.some((c) => c.text === '（六）其他处理'))!;
    // 自然人 0 (A alone has no no-correction case), 其他 1 (fee not paid), total 1.
    assert.deepEqual(
      sixth.filter((c) => c.path).map((c) => c.value),
      [0, 0, 0, 0, 0, 1, 1],
    );
    assert.equal(t3.rows.length, 3 + 2 + 20 + 1);
  });

  test('2008 template: statistics behind the narrative, with the year-over-year figures', async () => {
    const built = await compute({ template: '2008' });
    const report = built.report as AnnualReport2008;
    assert.equal(report.format, '2008');
    assert.equal(report.applications.received, 7);
    assert.equal(report.applications.answered, 5);
    assert.deepEqual(report.fees, { collectedYuan: 100, waivedYuan: 50 });
    for (const key of ['overview', 'proactive', 'onRequest', 'fees', 'reviewAndLitigation', 'problems'])
      assert.ok(report.narrative[key], key);
    assert.match(report.narrative.onRequest!, /共受理政府信息公开申请7件/);
  });
});
