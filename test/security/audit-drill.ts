// npm run drill:audit — the audit tampering drill on scratch databases (SQLite always, PostgreSQL
// when TEST_DATABASE_URL is set): prints each tampering and whether it was detected, then the
// tried/detected figures; exits 1 if any tampering went unnoticed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, dialects } from '../support/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { runAuditDrill } from '../../src/platform/audit/drill.ts';

let tried = 0;
let detected = 0;
for (const dialect of dialects()) {
  const scratch = await freshDatabase(dialect);
  const keys = mkdtempSync(join(tmpdir(), 'gongkai-drill-keys-'));
  try {
    await migrateToLatest(scratch.handle.db);
    for (const r of await runAuditDrill(scratch.handle, join(keys, 'keys'))) {
      tried++;
      if (r.detected) detected++;
      console.log(
        `${dialect.padEnd(8)} ${r.tampering.padEnd(9)} ${r.detected ? 'detected' : 'MISSED  '} ${r.kind ?? ''}` +
          `${r.detectedIncrementally ? '' : ' (not by the incremental check)'} ${r.detail ?? ''}`,
      );
    }
  } finally {
    await scratch.drop();
    rmSync(keys, { recursive: true, force: true });
  }
}
console.log(`tamperings tried: ${tried}, detected: ${detected}`);
process.exitCode = tried === detected ? 0 : 1;
