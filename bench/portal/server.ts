// The application as the portal bench measures it: its own process (as in production), a fresh
// SQLite database with the demo dataset, no request logging. Prints {"port": n} when listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo, testApp } from '../../test/support/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-portal-'));
const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
await migrateToLatest(handle.db);
await seedDemo(handle);
const app = await testApp(handle, { dataDir: dir });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, dir }) + '\n');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
