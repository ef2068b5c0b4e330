import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from '../../../test/support/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { Db } from '../../db/database.ts';
import { publicationChanged } from '../publishing/publication-events.ts';
import { indexItem, reindexAll, upgradeIndex } from './search.index.ts';
import { matchingIds, searchService, TOTAL_CAP } from './search.service.ts';
import { normalise } from './tokenizer.ts';
import { seededRandom } from './corpus.test-support.ts';
import { loadCorpus, type LoadedCorpus } from './corpus-load.test-support.ts';
import { bruteForce } from './words.test-support.ts';

const ITEMS = 2500;

/** The reference answer: a substring scan over the same normalised text, optionally filtered. */
async function scan(db: Db, needle: string, where = sql`1 = 1`): Promise<number[]> {
  const has = isPostgres(db) ? sql`strpos(d.content, ${needle}) > 0` : sql`instr(d.content, ${needle}) > 0`;
  const rows = await sql<{
    item_id: number;
  }>`select d.item_id from search_documents d where ${has} and ${where} order by d.item_id`.execute(db);
  return rows.rows.map((r) => Number(r.item_id));
}

/** Random phrases of 2–8 characters cut from the corpus, plus absent ones. */
async function sampleQueries(db: Db, seed: number, count: number): Promise<string[]> {
  const rnd = seededRandom(seed);
  const docs = await db.selectFrom('search_documents').select('content').orderBy('item_id').execute();
  const out: string[] = [];
  while (out.length < count) {
    const chars = Array.from(docs[Math.floor(rnd() * docs.length)]!.content);
    const len = 2 + Math.floor(rnd() * 7);
    const at = Math.floor(rnd() * Math.max(1, chars.length - len));
    const q = chars.slice(at, at + len).join('');
    if (q.trim() === q && q.length > 0) out.push(q);
  }
  // Digit-heavy queries: parts of telephone numbers and document numbers, where the selective
  // tokens (digit quads, wide junctions) choose the candidates.
  const joined = docs.map((d) => d.content).join('\n');
  const phones = [...joined.matchAll(/0730-(\d{7})/g)].slice(0, 6).map((m) => m[1]!);
  const digits = phones.flatMap((p) => [
    `0730-${p.slice(0, 4)}`,
    p,
    p.slice(2),
    `${p.slice(1, 6)}，`,
    `-${p.slice(0, 5)}`,
  ]);
  return [
    ...out,
    ...digits,
    '量子计算',
    '火星基地建设',
    'zz99',
    '社保',
    '养老',
    '2013',
    '〔2013〕',
    '发〔20',
    '12号',
    'gdp',
    '%，城',
    '保险 ',
    '岳人社发',
    '〔2013〕12',
    '0730-8',
    '2013年',
    '12345',
  ];
}

forEachDialect('search over a generated corpus', (t) => {
  let corpus: LoadedCorpus;

  test('load and index', async () => {
    corpus = await loadCorpus(t.handle.db, { items: ITEMS, seed: 7 });
    assert.equal(await reindexAll(t.handle.db), ITEMS);
  });

  test('result sets equal a substring scan for random phrases of 2–8 characters', async () => {
    const db = t.handle.db;
    const queries = await sampleQueries(db, 11, 150);
    let nonEmpty = 0;
    let common = 0;
    for (const q of queries) {
      const expected = await bruteForce(db, q);
      assert.deepEqual(await matchingIds(db, { q }), expected, `query ${JSON.stringify(q)}`);
      const answer = await searchService.search(db, { q, pageSize: 5, exactTotal: true });
      assert.equal(answer.total, expected.length, `total of ${JSON.stringify(q)}`);
      assert.equal(answer.totalCapped, undefined);
      for (const r of answer.results) assert.ok(expected.includes(r.id));
      // By default counting stops after TOTAL_CAP matches and says so.
      const capped = await searchService.search(db, { q, pageSize: 5 });
      assert.equal(capped.total, Math.min(expected.length, TOTAL_CAP), `capped total of ${JSON.stringify(q)}`);
      assert.equal(capped.totalCapped, expected.length > TOTAL_CAP ? true : undefined);
      assert.deepEqual(capped.results, answer.results);
      if (expected.length) nonEmpty += 1;
      if (expected.length > TOTAL_CAP) common += 1;
    }
    assert.ok(nonEmpty > 100, 'most sampled queries have results');
    assert.ok(common > 0, 'some queries have more matches than the cap');
  });

  test('the stored text is the normalised text of the item (so the scan above is the right reference)', async () => {
    const db = t.handle.db;
    const row = await db
      .selectFrom('search_documents as d')
      .innerJoin('information_items as i', 'i.id', 'd.item_id')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['d.content', 'v.title', 'v.document_number'])
      .where('v.document_number', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.ok(row.content.startsWith(normalise(row.title)));
    assert.ok(row.content.includes(normalise(row.document_number!)));
  });

  test('filters: agency, category, year, validity', async () => {
    const db = t.handle.db;
    const agencyId = corpus.agencyIds[1]!;
    const validity = sql`(select vh.validity from item_validity_history vh where vh.item_id = d.item_id order by vh.effective_date desc, vh.id desc limit 1)`;
    const cases: [Parameters<typeof matchingIds>[1], ReturnType<typeof sql>][] = [
      [{ q: '社会保险', agencyId }, sql`d.agency_id = ${agencyId}`],
      [{ q: '通知', category: 'notice' }, sql`d.catalog_category = ${'notice'}`],
      [{ q: '保险', year: 2013 }, sql`d.publication_year = ${2013}`],
      [{ q: '办法', validity: 'repealed' }, sql`${validity} = ${'repealed'}`],
      [{ q: '社保', agencyId, year: 2020 }, sql`d.agency_id = ${agencyId} and d.publication_year = ${2020}`],
    ];
    for (const [query, where] of cases) {
      const expected = await bruteForce(db, query.q, where);
      assert.ok(expected.length > 0, `${JSON.stringify(query)} has results`);
      assert.deepEqual(await matchingIds(db, query), expected, JSON.stringify(query));
      assert.equal((await searchService.search(db, { ...query, exactTotal: true })).total, expected.length);
    }
  });

  test('pagination, ranking with a title boost, URLs and metadata', async () => {
    const db = t.handle.db;
    const all = await matchingIds(db, { q: '社会保险' });
    const seen = new Set<number>();
    const first = await searchService.search(db, { q: '社会保险', page: 1, pageSize: 10 });
    const second = await searchService.search(db, { q: '社会保险', page: 2, pageSize: 10 });
    for (const r of [...first.results, ...second.results]) seen.add(r.id);
    assert.equal(seen.size, 20, 'pages do not overlap');
    assert.equal((await searchService.search(db, { q: '社会保险', exactTotal: true })).total, all.length);
    // Deep pages are counted past the cap, so the page after the one shown is always known to exist.
    const deep = await searchService.search(db, { q: '社会保险', page: TOTAL_CAP / 10 + 5, pageSize: 10 });
    assert.ok(deep.total >= Math.min(all.length, TOTAL_CAP + 50), `deep total ${deep.total}`);
    const top = first.results[0]!;
    assert.ok(top.title.includes('社会保险'), 'a title match ranks first');
    assert.equal(top.url, `/items/${top.id}`);
    assert.ok(top.indexNumber && top.agencyName && top.publicationDate);
    assert.ok(top.snippet.includes('<mark>社会保险</mark>') || top.title.includes('社会保险'));
    assert.deepEqual((await searchService.search(db, { q: '社会保险', page: 10_000 })).results, []);
    // Paging through every result yields each match exactly once (title tier, then the rest).
    for (const q of ['社会保险', '补贴']) {
      const collected: number[] = [];
      for (let page = 1; ; page++) {
        const answer = await searchService.search(db, { q, page, pageSize: 50 });
        collected.push(...answer.results.map((r) => r.id));
        if (answer.results.length < 50) break;
      }
      assert.deepEqual(
        collected.sort((a, b) => a - b),
        await matchingIds(db, { q }),
        q,
      );
    }
  });

  test('did you mean: a document number typed loosely', async () => {
    const db = t.handle.db;
    const row = await db
      .selectFrom('search_documents as d')
      .innerJoin('information_items as i', 'i.id', 'd.item_id')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['v.document_number', 'i.id'])
      .where('v.document_number', 'is not', null)
      .orderBy('i.id', 'desc')
      .executeTakeFirstOrThrow();
    const exact = row.document_number!;
    const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(exact)!;
    const exactAnswer = await searchService.search(db, { q: exact });
    assert.equal(exactAnswer.didYouMean, undefined);
    assert.ok(exactAnswer.results.some((r) => r.documentNumber === exact));
    for (const loose of [`${m[1]}${m[2]}年${m[3]}号`, `${m[1]}(${m[2]})${m[3]}`, `${m[1]}${m[2]}${m[3]}`]) {
      const answer = await searchService.search(db, { q: loose });
      assert.ok(answer.didYouMean, loose);
      assert.equal(normalise(answer.didYouMean!).replace(/号$/, ''), normalise(exact).replace(/号$/, ''), loose);
    }
    // The bracket variants match without a suggestion being needed.
    assert.ok((await searchService.search(db, { q: `${m[1]}[${m[2]}]${m[3]}号` })).total >= 1);
  });

  test('an index of the older format is read as such until reindexAll upgrades it; stale rows go', async () => {
    const db = t.handle.db;
    const row = await sql<{
      item_id: number;
      content: string;
    }>`select item_id, content from search_documents where content like '%0730-%' order by item_id limit 1`.execute(db);
    const { item_id: id, content } = row.rows[0]!;
    const q = /0730-\d{7}/.exec(content)![0];
    assert.ok((await matchingIds(db, { q })).includes(id));
    // Rewrite the item's tokens as format 1 wrote them: no selective tokens.
    const { indexRow, writeIndexRows } = await import('./search.index.ts');
    const { QUAD_MARK, WIDE_JUNCTION_MARK } = await import('./tokenizer.ts');
    const source = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select([
        'i.agency_id',
        'i.catalog_category',
        'i.publication_date',
        'v.title',
        'v.document_number',
        'v.summary',
        'v.body_html',
        'v.keywords',
      ])
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow();
    const attachments = await db
      .selectFrom('item_attachments as a')
      .innerJoin('information_items as i', 'i.current_version_id', 'a.version_id')
      .select('a.extracted_text')
      .where('i.id', '=', id)
      .execute();
    const r = indexRow({
      itemId: id,
      agencyId: source.agency_id,
      catalogCategory: source.catalog_category,
      publicationDate: source.publication_date,
      title: source.title,
      documentNumber: source.document_number,
      summary: source.summary,
      bodyHtml: source.body_html,
      keywords: source.keywords,
      attachmentTexts: attachments.map((a) => a.extracted_text ?? ''),
    });
    const old = (tokens: string) =>
      tokens
        .split(' ')
        .filter((tk) => !tk.startsWith(QUAD_MARK) && !tk.includes(WIDE_JUNCTION_MARK))
        .join(' ');
    assert.notEqual(old(r.bodyTokens), r.bodyTokens, 'the item has selective tokens');
    await db
      .transaction()
      .execute((trx) =>
        writeIndexRows(trx, [{ ...r, titleTokens: old(r.titleTokens), bodyTokens: old(r.bodyTokens) }]),
      );
    // Read as the current format, the tokens the row lacks would lose the match: the format guards it.
    assert.ok(!(await matchingIds(db, { q })).includes(id), 'a format-1 row misses a quad query');
    // The migration records an index that already has rows as format 1 (an upgraded database).
    const migration = await import('../../../migrations/20261129120000_search_index_format.ts');
    await migration.down(db);
    await migration.up(db);
    assert.equal(
      Number((await db.selectFrom('search_index_state').select('format').executeTakeFirstOrThrow()).format),
      1,
    );
    assert.ok((await matchingIds(db, { q })).includes(id), 'read as format 1, it is found');
    assert.equal(
      (await searchService.search(db, { q, exactTotal: true })).total,
      (await scan(db, normalise(q))).length,
    );
    // A row of an item that is no longer public (written past the services) is dropped by the rebuild.
    const draft = corpus.itemIds.find((other) => other !== id)!;
    await db.updateTable('information_items').set({ status: 'draft' }).where('id', '=', draft).execute();
    assert.ok(
      await db.selectFrom('search_documents').select('item_id').where('item_id', '=', draft).executeTakeFirst(),
    );
    const upgraded = await upgradeIndex(db);
    assert.equal(upgraded?.from, 1);
    const indexed = upgraded!.indexed;
    assert.equal(await upgradeIndex(db), undefined, 'nothing to do once current');
    const state = await db.selectFrom('search_index_state').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(state.format), (await import('./tokenizer.ts')).INDEX_FORMAT);
    assert.ok(state.rebuilt_at);
    assert.equal(
      indexed,
      (
        await db
          .selectFrom('search_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n * 1,
    );
    assert.equal(
      await db.selectFrom('search_documents').select('item_id').where('item_id', '=', draft).executeTakeFirst(),
      undefined,
    );
    assert.ok((await matchingIds(db, { q })).includes(id));
    await db.updateTable('information_items').set({ status: 'published' }).where('id', '=', draft).execute();
    await db.transaction().execute((trx) => indexItem(trx, draft));
  });

  test('withdrawal leaves the index in the same transaction, and a rollback leaves it unchanged', async () => {
    const db = t.handle.db;
    const id = corpus.itemIds[0]!;
    const title = (
      await db.selectFrom('search_documents').select('title').where('item_id', '=', id).executeTakeFirstOrThrow()
    ).title;
    const before = await matchingIds(db, { q: title });
    assert.ok(before.includes(id));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('information_items').set({ status: 'withdrawn' }).where('id', '=', id).execute();
        await publicationChanged(trx, {
          itemId: id,
          agencyId: corpus.agencyIds[0]!,
          change: 'withdrawn',
          versionId: null,
        });
        assert.ok(!(await matchingIds(trx as never, { q: title })).includes(id), 'gone inside the transaction');
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.deepEqual(await matchingIds(db, { q: title }), before, 'rollback restores the index');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('information_items').set({ status: 'withdrawn' }).where('id', '=', id).execute();
      await publicationChanged(trx, {
        itemId: id,
        agencyId: corpus.agencyIds[0]!,
        change: 'withdrawn',
        versionId: null,
      });
    });
    assert.ok(!(await matchingIds(db, { q: title })).includes(id));
    // Publishing again indexes it again.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('information_items').set({ status: 'published' }).where('id', '=', id).execute();
      await publicationChanged(trx, {
        itemId: id,
        agencyId: corpus.agencyIds[0]!,
        change: 'published',
        versionId: null,
      });
    });
    assert.ok((await matchingIds(db, { q: title })).includes(id));
  });

  test('highlighting escapes HTML from titles and bodies', async () => {
    const db = t.handle.db;
    const id = corpus.itemIds[1]!;
    const version = (
      await db
        .selectFrom('information_items')
        .select('current_version_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).current_version_id!;
    await db
      .updateTable('item_versions')
      .set({ body_html: '<p>注意&lt;script&gt;alert(1)&lt;/script&gt;独角兽条款"引号"</p>' })
      .where('id', '=', version)
      .execute();
    await db.transaction().execute((trx) => indexItem(trx, id));
    const answer = await searchService.search(db, { q: '独角兽' });
    assert.equal(answer.total, 1);
    const s = answer.results[0]!.snippet;
    assert.ok(s.includes('&lt;script&gt;'), s);
    assert.ok(!s.includes('<script'), s);
    assert.ok(s.includes('<mark>独角兽</mark>'), s);
    assert.ok(s.includes('&quot;引号&quot;'), s);
    const tag = await searchService.search(db, { q: '<script>' });
    assert.equal(tag.total, 1);
    assert.ok(tag.results[0]!.snippet.includes('<mark>&lt;script&gt;</mark>'));
  });

  test('attachment text and unpublished items', async () => {
    const db = t.handle.db;
    const withAttachment = await db
      .selectFrom('item_attachments')
      .select(['item_id', 'extracted_text'])
      .executeTakeFirstOrThrow();
    assert.ok(
      (await matchingIds(db, { q: withAttachment.extracted_text!.slice(0, 12) })).includes(withAttachment.item_id),
    );
    const id = corpus.itemIds[2]!;
    await db.updateTable('information_items').set({ status: 'draft' }).where('id', '=', id).execute();
    await db.transaction().execute((trx) => indexItem(trx, id));
    assert.equal(
      await db.selectFrom('search_documents').select('item_id').where('item_id', '=', id).executeTakeFirst(),
      undefined,
    );
  });
});
