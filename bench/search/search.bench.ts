// Search over N items (default 1,000,000; `npm run bench -- search --items=N`) on SQLite, or on
// PostgreSQL with `--dialect=postgres` (database SEARCH_BENCH_DATABASE_URL, by default
// gongkai_search_bench_v<version>_<N> on 127.0.0.1): builds the dataset once (cached in the OS temp
// dir by size, or kept in that database), then for a set of 2-character, 4-character,
// phrase and document-number queries measures the search service (first page of 10 with total,
// snippets and "did you mean") against a `LIKE '%q%'` scan of the same normalised text, checking
// that both give the identical set of items. Prints p50/p95 and the LIKE/search ratio per query.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgres, connectSqlite, type DatabaseHandle } from '../../src/db/connect.ts';
import { matchingIds, searchService, searchTerms, TOTAL_CAP } from '../../src/modules/search/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { generate } from './generate.ts';
import { generatePostgres } from './generate-postgres.ts';

// Bump when the generator or the index format changes (3: junction tokens, body column holds the
// title; 5: digit quads and wide junctions, INDEX_FORMAT 2).
const DATASET_VERSION = 5;

export const queries: { kind: string; q: string }[] = [
  { kind: '2-char', q: '社保' },
  { kind: '2-char', q: '养老' },
  { kind: '2-char', q: '招聘' },
  { kind: '2-char', q: '低保' },
  { kind: '2-char', q: '河长' },
  { kind: '4-char', q: '社会保险' },
  { kind: '4-char', q: '食品安全' },
  { kind: '4-char', q: '乡村振兴' },
  { kind: '4-char', q: '人才引进' },
  { kind: '4-char', q: '创业担保' },
  { kind: 'phrase', q: '城乡居民基本养老保险' },
  { kind: 'phrase', q: '优化营商环境' },
  { kind: 'phrase', q: '残疾人两项补贴' },
  { kind: 'phrase', q: '平江县住房和城乡建设局' },
  { kind: 'phrase', q: '量子计算机' },
  { kind: 'doc-number', q: '岳人社发〔2013〕12号' },
  { kind: 'doc-number', q: '岳人社发[2013]12号' },
  { kind: 'doc-number', q: '岳财发(2020)7号' },
  { kind: 'doc-number', q: '〔2013〕12' },
  { kind: 'doc-number', q: '0730-8123' },
];

/** Queries of several words (docs/adr/0023-search-words.md), reported apart from the targets above. */
export const wordQueries: { kind: string; q: string }[] = [
  { kind: 'words', q: '"社保"' },
  { kind: 'words', q: '就业 通知' },
  { kind: 'words', q: '2020 养老保险' },
  { kind: 'words', q: '社会保险 岳阳县 通知' },
  { kind: 'words', q: '医保 补贴' },
];

function itemsFlag(): number {
  const flag = process.argv.find((a) => a.startsWith('--items='));
  const n = flag ? Number(flag.slice('--items='.length)) : Number(process.env.SEARCH_BENCH_ITEMS ?? 1_000_000);
  if (!Number.isInteger(n) || n < 1000) throw new Error('--items=N needs N ≥ 1000');
  return n;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function dialectFlag(): 'sqlite' | 'postgres' {
  const flag =
    process.argv.find((a) => a.startsWith('--dialect='))?.slice('--dialect='.length) ??
    process.env.SEARCH_BENCH_DIALECT ??
    'sqlite';
  if (flag !== 'sqlite' && flag !== 'postgres') throw new Error('--dialect= takes sqlite or postgres');
  return flag;
}

/** The dataset and a `LIKE '%q%'` scan over its normalised text, for either engine. */
interface Dataset {
  handle: DatabaseHandle;
  like: (pattern: string) => Promise<number[]>;
  close: () => Promise<void>;
}

async function sqliteDataset(items: number): Promise<{ dataset: Dataset; buildSeconds: number | null }> {
  const file = join(tmpdir(), `gongkai-search-bench-v${DATASET_VERSION}-${items}.sqlite`);
  let buildSeconds: number | null = null;
  if (!existsSync(file)) {
    console.log(`building ${items} items → ${file}`);
    const t0 = performance.now();
    // Built under another name and renamed when complete, so an interrupted build is never reused.
    await generate(`${file}.partial`, items, { progress: (n) => process.stderr.write(`\r  ${n} / ${items}`) });
    renameSync(`${file}.partial`, file);
    buildSeconds = (performance.now() - t0) / 1000;
    process.stderr.write('\n');
  } else console.log(`reusing ${file}`);
  const handle = connectSqlite(file);
  const raw = new BetterSqlite3(file, { readonly: true });
  raw.pragma('cache_size = -262144');
  const like = raw
    .prepare(`select item_id from search_documents where content like ? escape '\\' order by item_id`)
    .pluck();
  return {
    dataset: {
      handle,
      like: async (pattern) => like.all(pattern) as number[],
      close: async () => (raw.close(), handle.close()),
    },
    buildSeconds,
  };
}

async function postgresDataset(items: number): Promise<{ dataset: Dataset; buildSeconds: number | null }> {
  const url =
    process.env.SEARCH_BENCH_DATABASE_URL ??
    `postgres://postgres@127.0.0.1:5432/gongkai_search_bench_v${DATASET_VERSION}_${items}`;
  const probe = new pg.Client({ connectionString: url });
  // Complete when the last step of the build (the format row, then the GIN index) is there.
  const complete = await probe.connect().then(
    async () => {
      const r = await probe
        .query(
          `select (select count(*) from search_documents)::int as n, (select count(*) from pg_indexes where indexname = 'search_documents_tokens_idx')::int as gin`,
        )
        .catch(() => ({ rows: [{ n: 0, gin: 0 }] }));
      await probe.end();
      return r.rows[0].n === items && r.rows[0].gin === 1;
    },
    () => false,
  );
  let buildSeconds: number | null = null;
  if (!complete) {
    console.log(`building ${items} items → ${url}`);
    const t0 = performance.now();
    await generatePostgres(url, items, { progress: (n) => process.stderr.write(`\r  ${n} / ${items}`) });
    buildSeconds = (performance.now() - t0) / 1000;
    process.stderr.write('\n');
  } else console.log(`reusing ${url}`);
  const handle = connectPostgres(url, 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    dataset: {
      handle,
      like: async (pattern) =>
        (
          await client.query(
            `select item_id from search_documents where content like $1 escape '\\' order by item_id`,
            [pattern],
          )
        ).rows.map((r: { item_id: number }) => Number(r.item_id)),
      close: async () => (await client.end(), await handle.close()),
    },
    buildSeconds,
  };
}

export interface SearchBenchResult {
  dialect: 'sqlite' | 'postgres';
  items: number;
  buildSeconds: number | null;
  rows: {
    kind: string;
    q: string;
    total: number;
    capped: boolean;
    searchMs: number;
    likeMs: number;
    ratio: number;
    identical: boolean;
  }[];
  p50: number;
  p95: number;
  minRatio: number;
  medianRatio: number;
}

export async function run(): Promise<SearchBenchResult> {
  const items = itemsFlag();
  const dialect = dialectFlag();
  const { dataset, buildSeconds } = dialect === 'postgres' ? await postgresDataset(items) : await sqliteDataset(items);
  if (buildSeconds !== null)
    console.log(`built and indexed in ${buildSeconds.toFixed(1)} s (${Math.round(items / buildSeconds)} items/s)`);
  const db = dataset.handle.db;
  // A dataset built by an older release lacks later tables (the synonym dictionary).
  await migrateToLatest(db);
  const rows: SearchBenchResult['rows'] = [];
  const latencies: number[] = [];
  try {
    for (const { q } of queries) await searchService.search(db, { q }); // warm the caches
    for (const { kind, q } of [...queries, ...wordQueries]) {
      const times: number[] = [];
      let total = 0;
      let capped = false;
      let splitInto: string[] | undefined;
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const answer = await searchService.search(db, { q, page: 1, pageSize: 10 });
        times.push(performance.now() - t0);
        total = answer.total;
        capped = answer.totalCapped === true;
        splitInto = answer.splitInto;
      }
      if (kind !== 'words') latencies.push(...times);
      times.sort((a, b) => a - b);
      const searchMs = times[Math.floor(times.length / 2)]!;
      // Every word present, each as one of its forms (one word of one form: the phrase's scan).
      // A query that found nothing as typed was searched as the words of its phrases (splitInto).
      const terms = splitInto
        ? (await Promise.all(splitInto.map((w) => searchTerms(db, w)))).flat()
        : await searchTerms(db, q);
      const t1 = performance.now();
      let likeIds: number[] | undefined;
      for (const term of terms) {
        const found = new Set<number>();
        for (const form of term.variants)
          for (const id of await dataset.like(`%${form.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) found.add(id);
        likeIds = (likeIds ?? [...found]).filter((id) => found.has(id));
      }
      likeIds = (likeIds ?? []).sort((a, b) => a - b);
      const likeMs = performance.now() - t1;
      const ids = await matchingIds(db, { q });
      // The full id set must equal the scan's; the total shown must be the scan's count, or the
      // cap flagged as a lower bound when there are more.
      const totalRight =
        likeIds.length > TOTAL_CAP ? capped && total === TOTAL_CAP : !capped && total === likeIds.length;
      const identical = ids.length === likeIds.length && ids.every((id, i) => id === likeIds[i]) && totalRight;
      rows.push({ kind, q, total: likeIds.length, capped, searchMs, likeMs, ratio: likeMs / searchMs, identical });
    }
  } finally {
    await dataset.close();
  }
  latencies.sort((a, b) => a - b);
  const ratios = rows
    .filter((r) => r.kind !== 'words')
    .map((r) => r.ratio)
    .sort((a, b) => a - b);
  return {
    dialect,
    items,
    buildSeconds,
    rows,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    minRatio: ratios[0]!,
    medianRatio: ratios[Math.floor(ratios.length / 2)]!,
  };
}

export function report(r: SearchBenchResult): void {
  console.log(
    `search over ${r.items} items (${r.dialect === 'postgres' ? 'PostgreSQL tsvector/GIN' : 'SQLite FTS5'}), median of 7 runs per query; LIKE: one scan`,
  );
  console.log(
    `kind        query                      matches    shown    search ms   LIKE ms   LIKE/search  identical  (shown: the total on the page, capped at ${TOTAL_CAP})`,
  );
  for (const row of r.rows) {
    const shown = row.capped ? `${TOTAL_CAP}+` : String(row.total);
    console.log(
      `${row.kind.padEnd(11)} ${row.q.padEnd(22)} ${String(row.total).padStart(9)} ${shown.padStart(8)} ${row.searchMs.toFixed(1).padStart(10)} ${row.likeMs.toFixed(0).padStart(9)} ${(row.ratio.toFixed(0) + '×').padStart(12)}  ${row.identical ? 'yes' : 'NO'}`,
    );
  }
  console.log(
    `latency over the ${queries.length} target queries (not "words"): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (target < 50 ms)`,
  );
  console.log(`LIKE/search ratio: min ${r.minRatio.toFixed(0)}×, median ${r.medianRatio.toFixed(0)}× (target ≥ 100×)`);
  console.log(`identical result sets: ${r.rows.every((x) => x.identical) ? 'all' : 'NOT ALL'}`);
  if (!r.rows.every((x) => x.identical)) process.exitCode = 1;
}
