// 2007-era cost fees and waivers (2007 Arts. 27–28): only for applications received before 2019-05-15,
// and reported in the 2008-format 收费及减免 section. Both engines; sums by hand.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { insertReportFixture, type ReportFixture } from '../reports/report-fixture.test-support.ts';
import { computeAnnualReport } from '../reports/report.service.ts';
import type { AnnualReport2008 } from '../reports/report-types.ts';
import { costFees2007, parseCostFee, yuanToFen } from './cost-fees-2007.ts';

describe('parseCostFee (pure)', () => {
  const citizen2013 = { received_on: '2013-05-06', applicant_kind: 'natural_person' };
  test('amounts in yuan to fen', () => {
    assert.equal(yuanToFen('12.5'), 1250);
    assert.equal(yuanToFen('0.05'), 5);
    assert.equal(yuanToFen(''), null);
    assert.ok(Number.isNaN(yuanToFen('1.234')!));
  });
  test('a cost fee: search 10 + copying 2.50 + postage 12 = 24.50 yuan', () => {
    const { input } = parseCostFee(
      { kind: 'collected', occurred_on: '2013-05-20', search_yuan: '10', copying_yuan: '2.50', postage_yuan: '12' },
      citizen2013,
      '2026-12-07',
    );
    assert.equal(input?.amountFen, 2450);
  });
  test('refused: received on or after 2019-05-15; a waiver for an organisation or without approver', () => {
    const fields = (body: object, app: { received_on: string; applicant_kind: string }) =>
      parseCostFee(body, app, '2026-12-07').issues.map((i) => i.field);
    const fee = { kind: 'collected', occurred_on: '2019-06-01', search_yuan: '5' };
    assert.deepEqual(fields(fee, { received_on: '2019-05-15', applicant_kind: 'natural_person' }), ['kind']);
    assert.deepEqual(
      fields({ ...fee, occurred_on: '2019-05-20' }, { received_on: '2019-05-14', applicant_kind: 'natural_person' }),
      [],
    );
    const waiver = {
      kind: 'waived',
      occurred_on: '2013-05-20',
      copying_yuan: '3',
      approver: '李科长',
      reason: '低保户',
    };
    assert.deepEqual(fields(waiver, { received_on: '2013-05-06', applicant_kind: 'business' }), ['kind']);
    assert.deepEqual(fields({ ...waiver, approver: '' }, citizen2013), ['approver']);
    assert.deepEqual(fields({ ...waiver, occurred_on: '2013-05-01' }, citizen2013), ['occurred_on']);
  });
});

forEachDialect('2007-era fees in the 2008-format report', (t) => {
  let fx: ReportFixture;
  let app2013 = 0;
  before(async () => {
    fx = await insertReportFixture(t.handle.db, 'c7');
    app2013 = (
      await t.handle.db
        .updateTable('applications')
        .set({ received_on: '2013-11-20', applicant_kind: 'natural_person', rules: '2008' })
        .where('id', '=', fx.app[1]!)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  test('recorded fees and waivers are reported in the year collected or waived', async () => {
    const db = t.handle.db;
    await assert.rejects(
      costFees2007.record(db, systemContext, fx.app[4]!, {
        kind: 'collected',
        occurred_on: '2025-03-05',
        search_yuan: '5',
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]?.field === 'kind',
      'an application of 2025 cannot carry a 2007 cost fee',
    );
    // 2013: collected 10 + 2.50 = 12.50; waived 3.00. 2014: postage 8.
    await costFees2007.record(db, systemContext, app2013, {
      kind: 'collected',
      occurred_on: '2013-12-02',
      search_yuan: '10',
      copying_yuan: '2.5',
    });
    await costFees2007.record(db, systemContext, app2013, {
      kind: 'waived',
      occurred_on: '2013-12-02',
      copying_yuan: '3',
      approver: '政策法规科科长',
      reason: '申请人为低保对象',
    });
    await costFees2007.record(db, systemContext, app2013, {
      kind: 'collected',
      occurred_on: '2014-01-06',
      postage_yuan: '8',
    });
    const report = async (year: number) =>
      (
        await computeAnnualReport(db, {
          agencyCode: 'c7-a',
          year,
          template: '2008',
          generatedAt: '2026-12-07T00:00:00Z',
        })
      ).report as AnnualReport2008;
    const r2013 = await report(2013);
    assert.deepEqual(r2013.fees, { collectedYuan: 12.5, waivedYuan: 3 });
    assert.deepEqual(r2013.provenance?.['fees.collectedYuan'], [app2013]);
    assert.match(r2013.narrative.fees ?? '', /收取费用12\.5元，减免3元/);
    assert.deepEqual((await report(2014)).fees, { collectedYuan: 8, waivedYuan: 0 });
  });
});
