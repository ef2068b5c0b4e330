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

  test('actions and subjects read as words: no code on the Chinese page, the filter offers labels', async () => {
    const auditor = await signedIn(app, 'auditor');
    const zh = await auditor.get('/admin/audit');
    assert.equal(zh.statusCode, 200);
    const cells = [...zh.body.matchAll(/<td data-action="([^"]+)">([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g)];
    assert.ok(cells.length >= 20, `the demo's events are listed (${cells.length})`);
    for (const [, code, label, subject] of cells) {
      assert.doesNotMatch(label!, /[A-Za-z_]/, `${code} is shown as ${label}`);
      assert.doesNotMatch(subject!, /[A-Za-z_]/, `the subject of ${code} is shown as ${subject}`);
    }
    assert.doesNotMatch(zh.body, /其他操作|其他对象/, 'every demo action and subject has its own label');
    assert.match(zh.body, /<option value="publishing\.publish"[^>]*>发布政府信息<\/option>/);

    const filtered = await auditor.get('/admin/audit?action=role.grant');
    const codes = new Set([...filtered.body.matchAll(/<td data-action="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...codes], ['role.grant']);
    assert.match(filtered.body, /<option value="role\.grant" selected[^>]*>授予角色<\/option>/);

    const en = await auditor.get('/admin/audit?lang=en&action=role.grant');
    assert.match(en.body, /<td data-action="role\.grant">Granted a role<\/td>\s*<td>User account \d+<\/td>/);
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
