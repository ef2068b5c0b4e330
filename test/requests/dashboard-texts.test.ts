// The start page of every demo role, in both languages, shows texts and never a message key
// (issue 15 item 8: "nav.applications_hint" on every staff dashboard). A key reaches a page when
// its message is missing, so every navigation entry must have its label and its card hint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, seedDemo, testApp } from '../support/app.ts';
import { demoUsers } from '../../src/demo/demo-organisation.ts';
import { registeredNav } from '../../src/platform/views/navigation.ts';
import { hasMessage } from '../../src/platform/i18n/i18n.ts';

/** The text a reader sees: no tags, scripts, styles or attribute values. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

// A dotted lower-case identifier such as nav.reports_hint or applications.status.open.
const MESSAGE_KEY = /\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\b/g;

forEachDialect('start pages of every role', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
  });
  after(async () => {
    await app.close();
  });

  test('every navigation entry has its label and its card hint', () => {
    assert.ok(registeredNav().length > 10);
    for (const entry of registeredNav()) {
      assert.ok(hasMessage(entry.labelKey), `${entry.labelKey} has a message`);
      // The start page itself is not one of its cards.
      if (entry.href !== '/admin')
        assert.ok(hasMessage(`${entry.labelKey}_hint`), `${entry.labelKey}_hint has a message`);
    }
  });

  test('no message key on the start page of any role, in Chinese or English', async () => {
    const seen = new Set<string>();
    for (const user of demoUsers) {
      if (seen.has(user.role)) continue;
      seen.add(user.role);
      const c = new Client(app);
      const signedIn = await c.signIn(user.username);
      assert.equal(signedIn.statusCode, 303, `${user.username} signs in`);
      for (const lang of ['zh-CN', 'en']) {
        const page = await c.get(`/admin?lang=${lang}`);
        assert.equal(page.statusCode, 200, `${user.username} /admin ${lang}`);
        const keys = visibleText(page.body).match(MESSAGE_KEY) ?? [];
        assert.deepEqual(keys, [], `${user.username} (${user.role}) /admin in ${lang}`);
      }
    }
    assert.ok(seen.size >= 8, `roles seen: ${[...seen].join(', ')}`);
  });
});
