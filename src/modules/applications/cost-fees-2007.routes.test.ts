// The 2007-era fee page is reached from the case page of an application received under the 2007
// Regulation, and only from there (a later application has no cost fees to record).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, testApp } from '../../../test/support/app.ts';
import { configureAudit } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { loadDemo } from '../../demo/demo.ts';

const KEY = '7c'.repeat(32);

forEachDialect('2007-era fee page from the case page', (t) => {
  let app: FastifyInstance;
  before(async () => {
    // The demo's applications (2013 under the 2007 Regulation, recent ones under 2019's) need a vault.
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, { mustChange: false, vault: createVault('aes-256-gcm', [KEY]) });
    app = await testApp(t.handle, { personalDataKeys: [KEY] });
  });
  after(async () => {
    await app.close();
  });

  test('a case received before 2019-05-15 links its fee page; a later one does not', async () => {
    const [early, late] = await t.handle.db
      .selectFrom('applications')
      .select(['id', 'received_on'])
      .orderBy('id')
      .limit(2)
      .execute();
    assert.ok(early && late);
    // The demo's cases are recent; one is moved back to 2013, under the 2007 Regulation (as the
    // service test of these fees does).
    await t.handle.db
      .updateTable('applications')
      .set({ received_on: '2013-11-20', rules: '2008' })
      .where('id', '=', early.id)
      .execute();
    const officer = new Client(app);
    await officer.signIn('officer');
    const earlyPage = await officer.get(`/admin/applications/${early.id}`);
    assert.equal(earlyPage.statusCode, 200);
    assert.match(earlyPage.body, new RegExp(`href="/admin/applications/${early.id}/cost-fees-2007"`));
    assert.equal((await officer.get(`/admin/applications/${early.id}/cost-fees-2007`)).statusCode, 200);
    const latePage = await officer.get(`/admin/applications/${late.id}`);
    assert.equal(latePage.statusCode, 200);
    assert.doesNotMatch(latePage.body, /data-link="cost-fees-2007"/);
  });
});
