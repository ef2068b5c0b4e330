// Every console and portal page a GET answers, for every demo role (and a visitor), in both
// languages, shows texts: never a message key (a key reaches a page when its message is missing),
// and on a Chinese page no English word but the names and terms allowed below (issue 15 item 8).
// The route table is walked, so a new page is scanned without a line here; a route with
// parameters is filled with a record of the demo (a route none of them fits is skipped and
// listed, so the list of skipped routes stays short and visible).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, DEMO_PASSWORD, testApp, testConfig } from '../support/app.ts';
import { loadDemo } from '../../src/demo/demo.ts';
import { configureAudit, systemContext } from '../../src/platform/audit/audit.ts';
import { createMailboxService } from '../../src/modules/mailbox/mailbox.service.ts';
import { calendarService } from '../../src/modules/calendar/calendar.service.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { demoUsers } from '../../src/demo/demo-organisation.ts';
import { findTextProblems, pageParams, type PageParams } from '../support/page-texts.ts';

forEachDialect('texts of every page, every role, both languages', (t) => {
  let app: FastifyInstance;
  let params: PageParams;
  before(async () => {
    // The whole demo, its applications too: encrypted with the keys the test app resolves.
    const config = testConfig();
    const vault = createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir));
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, { mustChange: false, vault });
    // Until the demo writes letters (issue 16 item 8), one letter so that its page is scanned.
    const hrss = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    await createMailboxService(vault).receiveLetter(t.handle.db, systemContext, {
      agencyId: hrss.id,
      category: 'complaint',
      subject: '社保补贴到账时间',
      request: '请问社保补贴何时到账？',
      name: '张三',
      phone: '13800000000',
    });
    app = await testApp(t.handle);
    params = await pageParams(t.handle.db);
  });
  after(async () => {
    await app.close();
  });

  // Sign-in names are data the administrator typed, shown as they are (admin, officehead …).
  const usernames = new Set(demoUsers.map((u) => u.username));

  test('no message key, and no stray English word on a Chinese page', async () => {
    const routes = app.routeTable.filter((r) => r.method === 'GET');
    const problems: string[] = [];
    const skipped = new Set<string>();
    let pages = 0;
    const scan = async (who: string, client: Client | undefined, isPublic: boolean) => {
      for (const route of routes) {
        if (route.public !== isPublic) continue;
        const url = params.fill(route.url);
        if (url === undefined) {
          skipped.add(route.url);
          continue;
        }
        for (const lang of ['zh-CN', 'en'] as const) {
          const target = `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
          const res = client ? await client.get(target) : await app.inject({ method: 'GET', url: target });
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode !== 200 || !type.startsWith('text/html')) continue;
          pages++;
          for (const p of findTextProblems(res.body, lang, usernames)) problems.push(`${who} ${target}: ${p}`);
        }
      }
    };
    await scan('visitor', undefined, true);
    const seen = new Set<string>();
    for (const user of demoUsers) {
      if (seen.has(user.role)) continue;
      seen.add(user.role);
      const client = new Client(app);
      assert.equal((await client.signIn(user.username)).statusCode, 303, `${user.username} signs in`);
      await scan(user.username, client, false);
    }
    assert.ok(pages > 200, `pages scanned: ${pages}`);
    const unique = [...new Set(problems)];
    assert.equal(unique.length, 0, `${unique.length} problems:\n${unique.join('\n')}`);
    // Routes no demo record fits: keep this list short (downloads and feeds are not pages; a
    // letter's rating link is only ever stored as a hash, and rating.routes.test.ts scans its page;
    // a published letter waits for the mailbox's demo letters, issue 16 item 8 — the browser test
    // test/browser/mailbox-letter.test.ts scans its page meanwhile).
    assert.ok(skipped.size < 17, `skipped: ${[...skipped].join(', ')}`);
  });
});
