// Queries of several words, synonyms, quoted phrases and the split fallback, against a brute-force
// scan of every stored document (words.test-support.ts), on SQLite and PostgreSQL alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from '../../../test/support/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { Db } from '../../db/database.ts';
import { reindexAll } from './search.index.ts';
import { matchingIds, searchService } from './search.service.ts';
import { loadCorpus, type LoadedCorpus } from './corpus-load.test-support.ts';
import { bruteForce } from './words.test-support.ts';
import { seededRandom } from './corpus.test-support.ts';

const ITEMS = 900;

async function substring(db: Db, needle: string): Promise<number[]> {
  const has = isPostgres(db) ? sql`strpos(d.content, ${needle}) > 0` : sql`instr(d.content, ${needle}) > 0`;
  const rows = await sql<{
    id: number;
  }>`select d.item_id as id from search_documents d where ${has} order by d.item_id`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/** Pairs and triples of words cut from the corpus, joined by spaces. */
async function spacedQueries(db: Db, count: number): Promise<string[]> {
  const rnd = seededRandom(23);
  const docs = await db.selectFrom('search_documents').select('content').orderBy('item_id').execute();
  const cut = () => {
    const chars = Array.from(docs[Math.floor(rnd() * docs.length)]!.content);
    const len = 2 + Math.floor(rnd() * 3);
    const at = Math.floor(rnd() * Math.max(1, chars.length - len));
    return chars
      .slice(at, at + len)
      .join('')
      .replace(/[\s"“”]/g, '');
  };
  const out: string[] = [];
  while (out.length < count)
    out.push(Array.from({ length: 2 + Math.floor(rnd() * 2) }, cut).join(rnd() < 0.2 ? '　' : ' '));
  return out;
}

forEachDialect('search for several words, synonyms and phrases', (t) => {
  let corpus: LoadedCorpus;

  test('load and index', async () => {
    corpus = await loadCorpus(t.handle.db, { items: ITEMS, seed: 5 });
    assert.equal(await reindexAll(t.handle.db), ITEMS);
  });

  test('result sets equal the brute-force scan for spaced, widened and quoted queries', async () => {
    const db = t.handle.db;
    const fixed = [
      '就业 通知',
      '2025 养老保险',
      '社保',
      '社会保险',
      '"社保"',
      '医保 通知',
      '社保 "关于"',
      '， 社保',
      '补 贴',
    ];
    let several = 0;
    for (const q of [...fixed, ...(await spacedQueries(db, 60))]) {
      const expected = await bruteForce(db, q);
      assert.deepEqual(await matchingIds(db, { q }), expected, `query ${JSON.stringify(q)}`);
      const answer = await searchService.search(db, { q, pageSize: 50, exactTotal: true });
      assert.equal(answer.total, expected.length, `total of ${JSON.stringify(q)}`);
      for (const r of answer.results) assert.ok(expected.includes(r.id), `${q}: ${r.id}`);
      if (expected.length > 0 && q.includes(' ')) several += 1;
    }
    assert.ok(several > 10, `${several} spaced queries found something`);
  });

  test('synonyms work both ways and are shown; a quoted phrase is exact', async () => {
    const db = t.handle.db;
    const short = await matchingIds(db, { q: '社保' });
    const long = await matchingIds(db, { q: '社会保险' });
    assert.deepEqual(short, long, '社保 and 社会保险 find the same items');
    const exact = await matchingIds(db, { q: '"社保"' });
    assert.deepEqual(exact, await substring(db, '社保'));
    assert.deepEqual(await matchingIds(db, { q: '“社会保险”' }), await substring(db, '社会保险'));
    assert.ok(exact.length > 0 && short.length > exact.length, 'the dictionary widens 社保');
    const answer = await searchService.search(db, { q: '社保' });
    assert.deepEqual(answer.widenedWith, ['社会保险', '社会保障']);
    assert.equal((await searchService.search(db, { q: '"社保"' })).widenedWith, undefined);
    assert.ok(
      answer.results.every(
        (r) => /<mark>(社保|社会保险|社会保障)<\/mark>/.test(r.snippet) || /社保|社会保[险障]/.test(r.title),
      ),
    );
  });

  test('several words: every one present, title matches first, snippets mark each word', async () => {
    const db = t.handle.db;
    const q = '社会保险 通知';
    const answer = await searchService.search(db, { q, pageSize: 10, exactTotal: true });
    assert.ok(answer.total > 10, `${answer.total}`);
    const first = answer.results[0]!;
    assert.ok(/社会保险|社保|社会保障/.test(first.title) && first.title.includes('通知'), first.title);
    const marked = answer.results.map((r) => r.snippet).join('');
    assert.ok(marked.includes('<mark>通知</mark>'));
    // Pages cover each match once.
    const collected: number[] = [];
    for (let page = 1; ; page++) {
      const p = await searchService.search(db, { q, page, pageSize: 50 });
      collected.push(...p.results.map((r) => r.id));
      if (p.results.length < 50) break;
    }
    assert.deepEqual(
      collected.sort((a, b) => a - b),
      await bruteForce(db, q),
    );
  });

  test('a phrase that is not found is searched as its words, and the answer says so', async () => {
    const db = t.handle.db;
    const candidates = ['养老保险缴费', '社会保险补贴发放通知', '就业创业补贴资金', '低保资金发放通知'];
    let split = 0;
    for (const q of candidates) {
      const answer = await searchService.search(db, { q, exactTotal: true });
      const expected = await bruteForce(db, q);
      assert.equal(answer.total, expected.length, q);
      assert.deepEqual(await matchingIds(db, { q }), expected, q);
      if (answer.splitInto) {
        split += 1;
        assert.ok(answer.splitInto.length >= 2);
        assert.deepEqual(await substring(db, q), [], `${q} is not found as a phrase`);
      }
    }
    assert.ok(split > 0, 'some candidate phrase was split');
    assert.equal((await searchService.search(db, { q: '"养老保险缴费"' })).splitInto, undefined);
  });

  test('filters combine with several words', async () => {
    const db = t.handle.db;
    const agencyId = corpus.agencyIds[1]!;
    const cases: [Parameters<typeof matchingIds>[1], ReturnType<typeof sql>][] = [
      [{ q: '社保 通知', agencyId }, sql`d.agency_id = ${agencyId}`],
      [{ q: '医保 补贴', year: 2020 }, sql`d.publication_year = ${2020}`],
      [
        { q: '就业 工作', category: 'notice', agencyId },
        sql`d.catalog_category = ${'notice'} and d.agency_id = ${agencyId}`,
      ],
    ];
    for (const [query, where] of cases) {
      const expected = await bruteForce(db, query.q, where);
      assert.deepEqual(await matchingIds(db, query), expected, JSON.stringify(query));
      assert.equal((await searchService.search(db, { ...query, exactTotal: true })).total, expected.length);
    }
  });
});
