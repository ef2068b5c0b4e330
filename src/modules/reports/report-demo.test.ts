// The demo's reports: the 2013 report of the Yueyang bureau reproduces the fixture's figures
// (fixtures/yueyang-hrss-2013-annual-report.txt); 2025 passes the arithmetic with every section of
// tables 三 and 四 in use; the roll-up over the bureau and the county bureaus adds up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { DEMO_PASSWORD, testConfig } from '../../../test/support/app.ts';
import { configureAudit } from '../../platform/audit/audit.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { loadDemo } from '../../demo/demo.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { computeAnnualReport } from './report.service.ts';
import { checkReportArithmetic } from './report-arithmetic.ts';
import { validateAgainstSchema } from './report-schema.test-support.ts';
import { OUTCOME_GROUPS, REVIEW_GROUP_KEYS, type AnnualReport2008, type AnnualReport2021 } from './report-types.ts';

forEachDialect('annual report of the demo', (t) => {
  const report = (year: number, template?: '2008' | '2021', rollup = false) =>
    computeAnnualReport(t.handle.db, {
      agencyCode: 'yueyang-hrss',
      year,
      template,
      rollup,
      generatedAt: '2026-01-20T00:00:00.000Z',
    });

  test('load the demo', async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    const config = testConfig();
    await loadDemo(t.handle, DEMO_PASSWORD, {
      mustChange: false,
      vault: createVault(config.personalDataCipher, ['00'.repeat(32)]),
    });
  });

  test('2013, 2008 format: the fixture’s figures', async () => {
    const built = await report(2013);
    const r = built.report as AnnualReport2008;
    assert.equal(built.template, '2008');
    assert.equal(r.proactive.totalPublished, 702);
    assert.equal(r.proactive.websitePublished, 275);
    assert.equal(r.proactive.powerCatalogItems, 120);
    assert.equal(r.proactive.serviceWorkflows, 153);
    assert.equal(r.applications.received, 0);
    assert.deepEqual(r.fees, { collectedYuan: 0, waivedYuan: 0 });
    assert.deepEqual(r.reviewAndLitigation, { reconsiderations: 0, lawsuits: 0 });
    assert.match(
      r.narrative.proactive!,
      /在各类公开载体共发布信息702条。其中，在政府门户网站和本部门网站发布政府信息275条/,
    );
    assert.deepEqual(validateAgainstSchema(JSON.parse(JSON.stringify(r))), []);
  });

  test('2013: the mailbox and the hotline beside the carriers, the 702 untouched', async () => {
    const r = (await report(2013)).report as AnnualReport2008;
    // The ten letters answered with consent are the ten 市长信箱公开答复 of the channel records.
    assert.equal(r.proactive.byChannel.mailbox, 10);
    assert.equal(r.proactive.interaction?.publicAnswers, 10);
    const i = r.proactive.interaction!;
    assert.ok(i.lettersReceived >= 12 && i.ordersReceived >= 6);
    assert.ok(
      r.narrative.proactive!.includes(
        `通过市长信箱收到来信${i.lettersReceived}件，答复来信${i.lettersAnswered}件（其中经来信人同意公开答复10件）；收到12345公众服务热线工单${i.ordersReceived}件，办结${i.ordersAnswered}件。`,
      ),
    );
    assert.equal(r.proactive.totalPublished, 702);
  });

  test('2013 in the 2021 tables, for comparison: all application and review cells zero', async () => {
    const r = (await report(2013, '2021')).report as AnnualReport2021;
    assert.equal(r.applications.newReceived.total, 0);
    assert.equal(r.applications.outcomes.total.total, 0);
    assert.equal(
      REVIEW_GROUP_KEYS.reduce((n, g) => n + r.reviewAndLitigation[g].total, 0),
      0,
    );
    assert.deepEqual(checkReportArithmetic(r), []);
  });

  test('2025: passes the arithmetic; non-zero cells in every section of 三 and 四', async () => {
    const r = (await report(2025)).report as AnnualReport2021;
    assert.deepEqual(checkReportArithmetic(r), []);
    assert.deepEqual(validateAgainstSchema(JSON.parse(JSON.stringify(r))), []);
    const a = r.applications;
    assert.ok(a.newReceived.total > 0, 'new');
    assert.ok(a.carriedOver.total > 0, 'carried over');
    assert.ok(a.carriedForward.total > 0, 'carried forward');
    assert.ok(a.outcomes.granted.total > 0 && a.outcomes.partiallyGranted.total > 0);
    for (const group of Object.keys(OUTCOME_GROUPS) as (keyof typeof OUTCOME_GROUPS)[]) {
      const sum = Object.values(a.outcomes[group]).reduce((n, c) => n + c.total, 0);
      assert.ok(sum > 0, group);
    }
    for (const g of REVIEW_GROUP_KEYS) assert.ok(r.reviewAndLitigation[g].total > 0, g);
  });

  test('2025 roll-up over the bureau and the county bureaus: at least the bureau’s own figures', async () => {
    const own = (await report(2025)).report as AnnualReport2021;
    const all = (await report(2025, '2021', true)).report as AnnualReport2021;
    assert.equal(all.scope, 'rollup');
    assert.deepEqual(checkReportArithmetic(all), []);
    assert.ok(all.applications.newReceived.total >= own.applications.newReceived.total);
  });
});
