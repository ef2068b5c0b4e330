// The search benchmark's dataset: N public items with realistic Chinese titles, document numbers
// and bodies (src/modules/search/corpus.test-support.ts), written straight into information_items,
// item_versions and the search index with prepared statements, 20,000 rows per transaction.
// Standalone: `node --import tsx bench/search/generate.ts --items=100000 FILE`.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { indexRow, type IndexRow } from '../../src/modules/search/index.ts';
import { generateItem, seededRandom, type GeneratedItem } from '../../src/modules/search/corpus.test-support.ts';
import { INDEX_FORMAT } from '../../src/modules/search/index.ts';

export const NOW = '2026-01-01T00:00:00.000Z';
export const AGENCIES = 12;

/** One generated item and the index row it gets: the same for the SQLite and PostgreSQL datasets. */
export function benchItem(
  rnd: () => number,
  id: number,
  agencyIds: readonly number[],
): { g: GeneratedItem; agencyId: number; row: IndexRow } {
  const g = generateItem(rnd, { agencies: AGENCIES });
  const agencyId = agencyIds[g.agencyIndex]!;
  const row = indexRow({
    itemId: id,
    agencyId,
    catalogCategory: g.category,
    publicationDate: g.publicationDate,
    title: g.title,
    documentNumber: g.documentNumber,
    summary: g.summary,
    bodyHtml: g.bodyHtml,
    keywords: g.keywords,
    attachmentTexts: [],
  });
  return { g, agencyId, row };
}
const BATCH = 20_000;

export async function generate(
  file: string,
  items: number,
  options: { seed?: number; progress?: (done: number) => void } = {},
): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  const handle = connectSqlite(file);
  await migrateToLatest(handle.db);
  await handle.close();

  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const agencyIds: number[] = [];
  const insertAgency = db.prepare(
    `insert into agencies (code, name, level, kind, parent_id, created_at, updated_at) values (?, ?, 'city', 'department', null, ?, ?)`,
  );
  for (let i = 0; i < AGENCIES; i++)
    agencyIds.push(Number(insertAgency.run(`bench-${i}`, `岳阳市测试机关${i}`, NOW, NOW).lastInsertRowid));
  const unit = Number(
    db
      .prepare(
        `insert into units (agency_id, name, kind, created_at, updated_at) values (?, '办公室', 'department', ?, ?)`,
      )
      .run(agencyIds[0], NOW, NOW).lastInsertRowid,
  );

  const item =
    db.prepare(`insert into information_items (id, agency_id, index_number, current_version_id, status, disclosure_mode, catalog_category, responsible_unit_id, formation_date, publication_date, is_normative, created_at, updated_at)
    values (?, ?, ?, ?, 'published', 'proactive', ?, ?, ?, ?, ?, ?, ?)`);
  const version = db.prepare(
    `insert into item_versions (id, item_id, version_no, title, document_number, issuing_agencies, keywords, summary, body_html, created_at) values (?, ?, 1, ?, ?, '[]', ?, ?, ?, ?)`,
  );
  const doc = db.prepare(
    `insert into search_documents (item_id, agency_id, catalog_category, publication_year, publication_day, title, content, document_key, indexed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = db.prepare(`insert into search_fts (rowid, title, body) values (?, ?, ?)`);
  const rnd = seededRandom(options.seed ?? 2026);
  db.pragma('foreign_keys = OFF');
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const { g, agencyId, row: r } = benchItem(rnd, id, agencyIds);
      item.run(
        id,
        agencyId,
        `B-${id}`,
        id,
        g.category,
        unit,
        g.publicationDate,
        g.publicationDate,
        g.category === 'normative_document' ? 1 : 0,
        NOW,
        NOW,
      );
      version.run(id, id, g.title, g.documentNumber, g.keywords, g.summary, g.bodyHtml, NOW);
      const d = r.doc;
      doc.run(
        d.item_id,
        d.agency_id,
        d.catalog_category,
        d.publication_year,
        d.publication_day,
        d.title,
        d.content,
        d.document_key,
        d.indexed_at,
      );
      fts.run(id, r.titleTokens, r.bodyTokens);
    }
  });
  for (let from = 1; from <= items; from += BATCH) {
    batch(from, Math.min(items + 1, from + BATCH));
    options.progress?.(Math.min(items, from + BATCH - 1));
  }
  db.prepare(`update search_index_state set format = ?, rebuilt_at = ? where id = 1`).run(INDEX_FORMAT, NOW);
  db.exec(`insert into search_fts (search_fts) values ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const items = Number(
    /^--items=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--items=')) ?? '')?.[1] ?? 100_000,
  );
  const file = process.argv.filter((a) => !a.startsWith('-')).slice(2)[0] ?? 'search-bench.sqlite';
  const t0 = performance.now();
  await generate(file, items, { progress: (n) => process.stderr.write(`\r${n}`) });
  console.log(`\n${items} items → ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
