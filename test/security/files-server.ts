// The server the files suite attacks, as its own process (so a crash is a crash, and its memory
// is its own): a fresh SQLite database with the demo organisation, `drafts` draft items the demo
// drafter may attach files to, and the real application on 127.0.0.1. Prints one JSON line
// {"port","items"} when it listens.
// Usage: node --import tsx test/security/files-server.ts <dataDir> <drafts>
import { join } from 'node:path';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/app.ts';
import { seedDemoOrganisation, testConfig } from '../support/app.ts';
import { asUser, demoBureau, demoCallers, itemInput } from '../../src/modules/publishing/publishing.test-support.ts';

const [dataDir, drafts = '2'] = process.argv.slice(2);
const database = connectSqlite(join(dataDir!, 'files-suite.sqlite'));
await migrateToLatest(database.db);
await seedDemoOrganisation(database);
const { unit } = await demoBureau(database.db);
const who = await demoCallers(database.db);
const items: number[] = [];
for (let i = 0; i < Number(drafts); i++)
  items.push((await asUser.createDraft(database.db, who.drafter, itemInput(unit, { title: `附件测试${i}` }))).id);
const app = await buildApp(
  testConfig({ dataDir: dataDir!, personalDataKeys: ['2'.repeat(64)], uploadMaxBytes: 20 * 1024 * 1024 }),
  database,
  false,
);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address?.port : 0, items })}\n`);
