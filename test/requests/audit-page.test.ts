// The audit log page as the auditor reads it when the chain has been tampered with: the Chinese
// page names what happened in Chinese (no code word such as "edited", no English detail); the
// English page adds the technical detail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { seedDemoOrganisation, testApp } from '../support/app.ts';
import { signedIn } from '../../src/modules/organisation/organisation.test-support.ts';

forEachDialect('audit page', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
  });
  after(async () => {
    await app.close();
  });

  test('an intact chain, then an edited event: named in Chinese on the Chinese page', async () => {
    const auditor = await signedIn(app, 'auditor');
    const intact = await auditor.get('/admin/audit');
    assert.equal(intact.statusCode, 200);
    assert.match(intact.body, /哈希链完整/);

    const db = t.handle.db;
    const row = await db
      .selectFrom('audit_events')
      .select(['seq'])
      .orderBy('seq')
      .limit(1)
      .offset(5)
      .executeTakeFirstOrThrow();
    await db.updateTable('audit_events').set({ after_json: '{"forged":true}' }).where('seq', '=', row.seq).execute();

    // A fresh server verifies the whole chain again (the page's check is incremental per process).
    await app.close();
    app = await testApp(t.handle);
    const zh = await (await signedIn(app, 'auditor')).get('/admin/audit');
    assert.equal(zh.statusCode, 200);
    const notice = /<div class="notice notice--warning"[^>]*>([\s\S]*?)<\/div>/.exec(zh.body)?.[1] ?? zh.body;
    assert.match(notice, new RegExp(`哈希链校验失败：第 ${row.seq} 条记录（记录内容被修改）。`));
    assert.doesNotMatch(notice, /edited|[A-Za-z]{4,}/, 'no English word in the Chinese notice');

    const en = await (await signedIn(app, 'auditor')).get('/admin/audit?lang=en');
    assert.match(en.body, new RegExp(`Hash chain broken at event ${row.seq} \\(an event was edited\\)\\.`));
    assert.match(en.body, /hash/i);
  });
});
