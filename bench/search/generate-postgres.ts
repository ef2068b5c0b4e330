// The search benchmark's dataset on PostgreSQL: the same N items as generate.ts (same seed, same
// corpus, same index rows), written with the application's migrations into a database of its own,
// 2,000 rows per multi-row statement. The GIN index is dropped for the load and built once at the
// end (far faster than maintaining it row by row), then the tables are analysed so the planner
// knows the token frequencies. The format of the index is recorded as generate.ts does.
import pg from 'pg';
import { connectPostgres } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seededRandom } from '../../src/modules/search/corpus.test-support.ts';
import { INDEX_FORMAT } from '../../src/modules/search/index.ts';
import { AGENCIES, benchItem, NOW } from './generate.ts';

const BATCH = 2_000;

/** Creates (or empties) the database named in `url` and fills it. */
export async function generatePostgres(
  url: string,
  items: number,
  options: { seed?: number; progress?: (done: number) => void } = {},
): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name} must be [a-z0-9_]+`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();

  const handle = connectPostgres(url, 2);
  await migrateToLatest(handle.db);
  await handle.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  const agencyIds: number[] = [];
  for (let i = 0; i < AGENCIES; i++) {
    const r = await client.query(
      `insert into agencies (code, name, level, kind, parent_id, created_at, updated_at) values ($1, $2, 'city', 'department', null, $3, $3) returning id`,
      [`bench-${i}`, `岳阳市测试机关${i}`, NOW],
    );
    agencyIds.push(Number(r.rows[0].id));
  }
  const unit = Number(
    (
      await client.query(
        `insert into units (agency_id, name, kind, created_at, updated_at) values ($1, '办公室', 'department', $2, $2) returning id`,
        [agencyIds[0], NOW],
      )
    ).rows[0].id,
  );
  await client.query(`drop index search_documents_tokens_idx`);
  // Items and versions reference each other; the constraints are checked by the application, not needed for a bench load.
  await client.query(`set session_replication_role = replica`);

  const rnd = seededRandom(options.seed ?? 2026);
  for (let from = 1; from <= items; from += BATCH) {
    const to = Math.min(items + 1, from + BATCH);
    const it: unknown[][] = [[], [], [], [], [], [], []];
    const ver: unknown[][] = [[], [], [], [], [], []];
    const doc: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (let id = from; id < to; id++) {
      const { g, agencyId, row: r } = benchItem(rnd, id, agencyIds);
      [id, agencyId, `B-${id}`, g.category, g.publicationDate, g.category === 'normative_document' ? 1 : 0, id].forEach(
        (v, k) => it[k]!.push(v),
      );
      [id, g.title, g.documentNumber, g.keywords, g.summary, g.bodyHtml].forEach((v, k) => ver[k]!.push(v));
      const d = r.doc;
      const unique = (tokens: string) => [...new Set(tokens.split(' ').filter(Boolean))].join(' ');
      [
        d.item_id,
        d.agency_id,
        d.catalog_category,
        d.publication_year,
        d.publication_day,
        d.title,
        d.content,
        d.document_key,
        `${unique(r.titleTokens)}\u0001${unique(r.bodyTokens)}`,
      ].forEach((v, k) => doc[k]!.push(v));
    }
    await client.query('begin');
    await client.query(
      `insert into information_items (id, agency_id, index_number, current_version_id, status, disclosure_mode, catalog_category, responsible_unit_id, formation_date, publication_date, is_normative, created_at, updated_at)
       select id, agency_id, index_number, version_id, 'published', 'proactive', category, $8, day, day, normative, $9, $9
       from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) as t(id, agency_id, index_number, category, day, normative, version_id)`,
      [...it, unit, NOW],
    );
    await client.query(
      `insert into item_versions (id, item_id, version_no, title, document_number, issuing_agencies, keywords, summary, body_html, created_at)
       select id, id, 1, title, number, '[]', keywords, summary, body, $7 from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(id, title, number, keywords, summary, body)`,
      [...ver, NOW],
    );
    await client.query(
      `insert into search_documents (item_id, agency_id, catalog_category, publication_year, publication_day, title, content, document_key, indexed_at, tokens)
       select item_id, agency_id, category, year, day, title, content, document_key, $10,
         setweight(array_to_tsvector(string_to_array(split_part(tokens, E'\\x01', 1), ' ')), 'A') || array_to_tsvector(string_to_array(split_part(tokens, E'\\x01', 2), ' '))
       from unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[]) as t(item_id, agency_id, category, year, day, title, content, document_key, tokens)`,
      [...doc, NOW],
    );
    await client.query('commit');
    options.progress?.(to - 1);
  }
  await client.query(`set session_replication_role = origin`);
  await client.query(`select setval(pg_get_serial_sequence('information_items', 'id'), $1)`, [items]);
  await client.query(`select setval(pg_get_serial_sequence('item_versions', 'id'), $1)`, [items]);
  await client.query(`update search_index_state set format = $1, rebuilt_at = $2 where id = 1`, [INDEX_FORMAT, NOW]);
  await client.query(`create index search_documents_tokens_idx on search_documents using gin (tokens)`);
  await client.query(`vacuum analyze`);
  await client.end();
}
