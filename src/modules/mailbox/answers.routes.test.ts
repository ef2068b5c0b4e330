// Consent decides what the public sees, on both engines. Three letters: A consented and answered,
// B answered without consent, C consented but not yet answered. Only A is on the 互动交流 column, its
// page, the feed, the sitemap, the search page and the static copy — with the writer's name and
// phone struck from the letter and the reply. B and C are reachable from none of these, not even
// by their ids, by searching their words or by searching A's struck phone number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp, testConfig } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { exportStatic } from '../portal/static-export.ts';
import { caseIdOf, markReplied, trackingCodeOf, writeLetter } from './letter.test-support.ts';

const KEY = 'ef'.repeat(32);

function allText(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out += allText(full);
    else if (/\.(html|xml|json|atom)$/.test(name)) out += readFileSync(full, 'utf8');
  }
  return out;
}

forEachDialect('the 互动交流 column and consent', (t) => {
  let app: FastifyInstance;
  let db: Db;
  const ids: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle, { personalDataKeys: [KEY], powDifficulty: 8 });
    db = t.handle.db;
    setClock(() => new Date('2026-03-02T02:00:00.000Z'));
    const agencyId = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    const write = async (ip: string, fields: Record<string, string>) =>
      caseIdOf(
        db,
        trackingCodeOf(
          (
            await writeLetter(new Client(app, { ip }), {
              agency_id: String(agencyId),
              category: 'suggestion',
              ...fields,
            })
          ).body,
        ),
      );
    ids.a = await write('10.1.0.1', {
      subject: '建议增设夜间社保窗口',
      request: '我是赵六，电话13712340000。建议社保大厅增设夜间窗口，方便上班族。',
      writer_name: '赵六',
      phone: '13712340000',
      consent_to_publish: '1',
    });
    ids.b = await write('10.1.0.2', {
      subject: '秘密来信关于琵琶湖补贴',
      request: '琵琶湖补贴的事情不要公开。',
      email: 'b@example.cn',
    });
    ids.c = await write('10.1.0.3', {
      subject: '尚未答复的芙蓉来信',
      request: '芙蓉路口的指示牌损坏。',
      phone: '13712340002',
      consent_to_publish: '1',
    });
    setClock(() => new Date('2026-03-10T02:00:00.000Z'));
    await markReplied(db, ids.a, '赵六您好：已研究，拟于下半年试行夜间窗口。', '2026-03-09');
    await markReplied(db, ids.b, '琵琶湖补贴已发放。', '2026-03-09', 'closed');
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  test('the column lists the consented answer only, with the figures of the agency', async () => {
    const page = await new Client(app).get('/mailbox/answers?agency=yueyang-hrss');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`/mailbox/answers/${ids.a}`));
    assert.ok(!page.body.includes(`/mailbox/answers/${ids.b}`));
    assert.ok(!page.body.includes(`/mailbox/answers/${ids.c}`));
    assert.ok(!page.body.includes('琵琶湖'));
    // Three letters received, two answered (each 5 working days: 03-03…03-06, 03-09).
    const figures = /data-indicators="true">([\s\S]*?)<\/dl>/.exec(page.body)?.[1] ?? '';
    const numbers = [...figures.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1]);
    assert.deepEqual(numbers, ['3', '2', '5个工作日', '0']);
  });

  test('the published letter has no personal data; the others are not found', async () => {
    const client = new Client(app);
    const a = await client.get(`/mailbox/answers/${ids.a}`);
    assert.equal(a.statusCode, 200);
    assert.ok(a.body.includes('拟于下半年试行夜间窗口'));
    for (const secret of ['赵六', '13712340000']) assert.ok(!a.body.includes(secret), secret);
    assert.ok(a.body.includes('×××'));
    for (const id of [ids.b, ids.c, 999_999])
      assert.equal((await client.get(`/mailbox/answers/${id}`)).statusCode, 404);
  });

  test('the feed and the sitemap carry the consented answer only', async () => {
    const client = new Client(app);
    const feed = await client.get('/mailbox/answers.atom');
    assert.equal(feed.statusCode, 200);
    assert.ok(feed.body.includes(`/mailbox/answers/${ids.a}`));
    assert.ok(!feed.body.includes('琵琶湖') && !feed.body.includes('芙蓉') && !feed.body.includes('赵六'));
    const sitemap = await client.get('/sitemap.xml');
    assert.ok(sitemap.body.includes(`/mailbox/answers/${ids.a}<`));
    assert.ok(!sitemap.body.includes(`/mailbox/answers/${ids.b}<`));
    assert.ok(!sitemap.body.includes(`/mailbox/answers/${ids.c}<`));
  });

  test('search finds the consented answer by its words, never the others nor a struck number', async () => {
    const client = new Client(app);
    const found = await client.get(`/search?q=${encodeURIComponent('夜间窗口')}`);
    assert.ok(found.body.includes(`/mailbox/answers/${ids.a}`), 'found by its words');
    for (const q of ['琵琶湖', '芙蓉', '13712340000', '赵六']) {
      const res = await client.get(`/search?q=${encodeURIComponent(q)}`);
      assert.ok(!res.body.includes('/mailbox/answers/'), q);
    }
  });

  test('the static copy has the consented answer and nothing of the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-letters-'));
    try {
      const config = testConfig({ personalDataKeys: [KEY] });
      await exportStatic(app, config, dir);
      const text = allText(dir);
      assert.ok(text.includes('拟于下半年试行夜间窗口'));
      for (const secret of ['琵琶湖', '芙蓉', '赵六', '13712340000']) assert.ok(!text.includes(secret), secret);
      assert.ok(statSync(join(dir, 'mailbox', 'answers', String(ids.a), 'index.html')).isFile());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the cached search follows an answer: a letter answered later is found then', async () => {
    const client = new Client(app);
    const q = `/search?q=${encodeURIComponent('芙蓉')}`;
    assert.ok(!(await client.get(q)).body.includes('/mailbox/answers/'), 'not answered yet');
    await markReplied(db, ids.c, '芙蓉路口的指示牌已修复。', '2026-03-10');
    // The page cache asks for its stamp (which the column's part of) at most once a second, as it
    // does for a publication made by another process (page-cache.ts STAMP_TTL_MS).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.ok((await client.get(q)).body.includes(`/mailbox/answers/${ids.c}`), 'found once answered');
    assert.equal((await client.get(`/mailbox/answers/${ids.c}`)).statusCode, 200);
  });
});
