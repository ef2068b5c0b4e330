// Intake: durable applications accepted per second through POST /apply of a real server process
// (SQLite, WAL), 64 concurrent submitters, each form with its own CSRF token and a solved
// proof-of-work challenge (solved before the clock starts: that work is the applicant's). The
// baseline, measured in the same run, is raw inserts of the same application rows into a fresh
// database of the same kind, one autocommit insert each from 64 concurrent workers; the ratio is
// what validation, encryption of personal data, the proof-of-work check, the event and the audit
// chain cost over a bare insert. INTAKE_FORMS sets the number of forms (default 256);
// GONGKAI_POW_DIFFICULTY (passed on to the server) lowers the work of preparing them on a slow
// machine — it does not change what is timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { agencyIdOf, pool, prepareForm, startServer, submit } from './intake-client.ts';

const CONCURRENCY = 64;

export interface IntakeResult {
  forms: number;
  acknowledged: number;
  httpSeconds: number;
  httpPerSecond: number;
  rawSeconds: number;
  rawPerSecond: number;
  ratio: number;
}

export async function run(): Promise<IntakeResult> {
  const forms = Number(process.env.INTAKE_FORMS ?? 256);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-intake-'));
  const rawDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-raw-'));
  try {
    const server = await startServer(dir, { GONGKAI_DEMO: '0', LOG_LEVEL: 'warn' });
    let acknowledged = 0;
    let httpSeconds = 0;
    try {
      const agency = await agencyIdOf(server.base, 'main');
      const prepared = await pool(
        Array.from({ length: forms }, (_, i) => i),
        4,
        (i) => prepareForm(server.base, agency, i + 1),
      );
      const start = process.hrtime.bigint();
      const codes = await pool(prepared, CONCURRENCY, (form) => submit(server.base, form));
      httpSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      acknowledged = codes.filter(Boolean).length;
    } finally {
      await server.stop();
    }

    // The same rows, inserted bare.
    const source = connectSqlite(join(dir, 'gongkai.sqlite'));
    const rows = await source.db.selectFrom('applications').selectAll().orderBy('id').execute();
    await source.close();
    const raw = connectSqlite(join(rawDir, 'raw.sqlite'));
    await migrateToLatest(raw.db);
    await raw.db
      .insertInto('agencies')
      .values({
        code: 'main',
        name: '基准',
        level: 'city',
        kind: 'department',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const agencyId = (await raw.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
    const start = process.hrtime.bigint();
    await pool(rows, CONCURRENCY, async ({ id: _id, ...row }) => {
      await raw.db
        .insertInto('applications')
        .values({ ...row, agency_id: agencyId, created_by: null, assigned_unit_id: null })
        .execute();
    });
    const rawSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    await raw.close();
    const httpPerSecond = acknowledged / httpSeconds;
    const rawPerSecond = rows.length / rawSeconds;
    return {
      forms,
      acknowledged,
      httpSeconds,
      httpPerSecond,
      rawSeconds,
      rawPerSecond,
      ratio: httpPerSecond / rawPerSecond,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(rawDir, { recursive: true, force: true });
  }
}

export function report(r: IntakeResult): void {
  console.log(`forms posted: ${r.forms}, acknowledged: ${r.acknowledged} (64 concurrent submitters)`);
  console.log(`POST /apply (durable):  ${r.httpPerSecond.toFixed(1)} applications/s  (${r.httpSeconds.toFixed(2)} s)`);
  console.log(`raw inserts, same rows: ${r.rawPerSecond.toFixed(1)} rows/s  (${r.rawSeconds.toFixed(2)} s)`);
  console.log(`ratio intake / raw insert: ${r.ratio.toFixed(3)}  (1 : ${(1 / r.ratio).toFixed(1)})`);
}
