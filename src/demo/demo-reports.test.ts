// The demo publishes its annual reports through the report-document workflow (issue 15 item 5:
// the portal's 年报 column said none was published although the demo held the 2013 and 2025
// figures). Each agency's public section lists its reports; each published page carries the
// computed figures, the office's text and no template leftovers, in both languages; each report
// went up the whole review chain, each step by the account whose step it is. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../test/support/database.ts';
import { Client, DEMO_PASSWORD, testApp, testConfig } from '../../test/support/app.ts';
import { findTextProblems } from '../../test/support/page-texts.ts';
import { configureAudit } from '../platform/audit/audit.ts';
import { createVault, resolveDataKeys } from '../platform/crypto/personal-data.ts';
import { calendarService } from '../modules/calendar/calendar.service.ts';
import { computeAnnualReport, type AnnualReport2008, type AnnualReport2021 } from '../modules/reports/index.ts';
import { loadDemo } from './demo.ts';
import { countyReportSigners, demoUsers } from './demo-organisation.ts';

const PUBLISHED: Record<string, readonly number[]> = {
  'yueyang-hrss': [2013, 2025],
  'yueyang-county-hrss': [2025],
  'huarong-hrss': [2025],
};
const PREFIX: Record<string, string> = { 'yueyang-hrss': '', 'yueyang-county-hrss': 'yyx-', 'huarong-hrss': 'hr-' };

forEachDialect('the demo’s published annual reports', (t) => {
  let app: FastifyInstance;
  let visitor: Client;
  before(async () => {
    const config = testConfig();
    const vault = createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir));
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, { mustChange: false, vault, reports: true });
    app = await testApp(t.handle);
    visitor = new Client(app);
  });
  after(async () => app.close());

  test('each agency’s report column lists its published reports', async () => {
    for (const [code, years] of Object.entries(PUBLISHED)) {
      const page = await visitor.get(`/agencies/${code}?lang=zh-CN`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /暂无已发布的年度报告/);
      for (const year of years) assert.match(page.body, new RegExp(`href="/reports/${code}/${year}"`));
    }
    const archive = await visitor.get('/reports');
    for (const [code, years] of Object.entries(PUBLISHED))
      for (const year of years) assert.match(archive.body, new RegExp(`href="/reports/${code}/${year}"`));
  });

  test('the published pages carry the computed figures and the office’s text, with no leftovers', async () => {
    const names = new Set([...demoUsers, ...countyReportSigners].map((u) => u.username));
    for (const [code, years] of Object.entries(PUBLISHED))
      for (const year of years) {
        for (const lang of ['zh-CN', 'en'] as const) {
          const page = await visitor.get(`/reports/${code}/${year}?lang=${lang}`);
          assert.equal(page.statusCode, 200, `${code} ${year}`);
          assert.deepEqual(findTextProblems(page.body, lang, names), [], `${code} ${year} ${lang}`);
          assert.doesNotMatch(
            page.body,
            /本节由|撰写。）|\{[a-z]+\}|undefined|NaN/,
            `${code} ${year}: a template leftover`,
          );
        }
        const body = (await visitor.get(`/reports/${code}/${year}`)).body;
        const built = await computeAnnualReport(t.handle.db, { agencyCode: code, year });
        if (year === 2013) {
          const p = (built.report as AnnualReport2008).proactive;
          assert.match(body, new RegExp(`共发布信息${p.totalPublished}条`));
          assert.match(
            body,
            new RegExp(`政务信息${p.websitePublished}条，比${year - 1}年增加${p.websiteGrowthPercent!.toFixed(1)}%`),
          );
          assert.match(body, new RegExp(`${p.powerCatalogItems}项职权目录和${p.serviceWorkflows}个业务工作流程`));
          assert.match(body, /月督促、季通报、年评比/);
          assert.match(body, /湘北人才市场大楼705室/, 'the contact line of the agency record');
        } else {
          const a = (built.report as AnnualReport2021).applications;
          assert.match(
            body,
            new RegExp(`全年新收政府信息公开申请${a.newReceived.total}件，上年结转${a.carriedOver.total}件`),
          );
          assert.match(body, /存在以下问题/);
        }
      }
  });

  test('each report went up the whole chain, each step by its own account', async () => {
    const steps = await t.handle.db
      .selectFrom('report_document_status_history as h')
      .innerJoin('report_documents as d', 'd.id', 'h.document_id')
      .innerJoin('users as u', 'u.id', 'h.actor_user_id')
      .innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .select(['a.code', 'd.report_year', 'h.to_status', 'u.username'])
      .orderBy('d.report_year')
      .orderBy('h.id')
      .execute();
    for (const [code, years] of Object.entries(PUBLISHED))
      for (const year of years) {
        const p = PREFIX[code];
        assert.deepEqual(
          steps.filter((s) => s.code === code && s.report_year === year).map((s) => `${s.to_status}:${s.username}`),
          [
            `draft:${p}officer`,
            `submitted:${p}officer`,
            `unit_approved:${p}officehead`,
            `confidentiality_reviewed:${p}reviewer`,
            `leader_checked:${p}leader`,
            `approved:${p}chief`,
            `published:${p}officer`,
          ],
          `${code} ${year}`,
        );
      }
  });
});
