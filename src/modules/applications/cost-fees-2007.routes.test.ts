// The 2007-era fee page is reached from the case page of an application received under the 2007
// Regulation, and only from there (a later application has no cost fees to record).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import { useClock } from '../../../test/support/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { createApplicationsService } from './applications.service.ts';

const KEY = '7c'.repeat(32);

forEachDialect('2007-era fee page from the case page', (t) => {
  let app: FastifyInstance;
  useClock('2026-11-03T02:00:00.000Z');
  before(async () => {
    // Two cases of the demo bureau, registered at the counter under the 2019 Regulation.
    await seedDemoOrganisation(t.handle);
    const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));
    const hrss = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    for (const description of ['2026年就业补助资金管理办法', '2025年社会保险基金决算'])
      await service.registerAtCounter(t.handle.db, systemContext, hrss.id, {
        channel: 'in_person',
        submitted_on: '2026-11-02',
        applicant_kind: 'natural_person',
        applicant_name: '费用申请人',
        id_number: '11010519491231002X',
        phone: '13800000000',
        description,
        form_wanted: 'electronic',
        delivery_way: 'pickup',
      });
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
    // Both cases are recent; one is moved back to 2013, under the 2007 Regulation (as the service
    // test of these fees does).
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
