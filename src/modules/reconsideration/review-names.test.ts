// The name of the applicant or plaintiff that staff enter on a reconsideration or litigation case,
// at rest, on both engines: sealed by the vault, never in clear in the row or (SQLite) anywhere in
// the database file; shown on the case page to those who read cases, as before; names stored
// before the change sealed by the start-up step once, leaving no clear copy; a start with nothing
// waiting reads only the partial index of waiting rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { forEachDialect, freshDatabase } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest, migrator } from '../../db/migrate.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { assertReadThrough, selectPlans } from '../../platform/crypto/sealing.test-support.ts';
import { encryptClearReviewNames } from './review-names.ts';

const KEY = '7e'.repeat(32);
const NAME = '孙 小梅';

/** The SQLite file and its write-ahead log, checkpointed first, as bytes (empty on PostgreSQL). */
async function sqliteBytes(handle: DatabaseHandle): Promise<Buffer> {
  if (handle.dialect !== 'sqlite' || !handle.file) return Buffer.alloc(0);
  await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  const files = [handle.file, `${handle.file}-wal`].filter((f) => existsSync(f));
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

function assertNoClearName(bytes: Buffer, name: string): void {
  assert.equal(bytes.indexOf(Buffer.from(name, 'utf8')), -1, `${name} is not in the database file`);
}

forEachDialect('reconsideration names encrypted', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle, { personalDataKeys: [KEY] });
  });
  after(async () => app.close());

  test('the name is sealed in the row and the file, and shown on the case page as before', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin/reviews/new');
    const created = await officer.post('/admin/reviews', {
      kind: 'reconsideration',
      body: '岳阳市人民政府',
      case_number: '岳府复〔2026〕7号',
      applicant_name: NAME,
      filed_on: '2026-03-10',
    });
    assert.equal(created.statusCode, 303);
    const url = created.headers.location as string;
    const id = Number(/\/admin\/reviews\/(\d+)/.exec(url)![1]);
    const row = await t.handle.db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes('小梅'), 'no clear name in the row');
    assert.match(row.applicant_name_enc!, /^v1\.gcm\./);
    assert.equal(row.applicant_name_clear, null);
    assert.equal(createVault('aes-256-gcm', [KEY]).decrypt(row.applicant_name_enc!), NAME);
    for (const name of [NAME, '小梅']) assertNoClearName(await sqliteBytes(t.handle), name);
    const audit = await t.handle.db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'review_case.create')
      .execute();
    assert.ok(
      audit.every((e) => !String(e.after_json).includes('小梅')),
      'the audit event names no one',
    );

    assert.ok((await officer.get(url)).body.includes(NAME), 'the office reads the name');
    const supervisor = new Client(app);
    await supervisor.signIn('supervisor');
    assert.ok((await supervisor.get(url)).body.includes(NAME), 'so does the supervisor, as before');
    assert.ok(!(await supervisor.get('/admin/reviews?year=2026')).body.includes('小梅'), 'the list names no one');

    const unnamed = await officer.post('/admin/reviews', {
      kind: 'litigation_direct',
      body: '岳阳市岳阳楼区人民法院',
      filed_on: '2026-03-11',
    });
    const bare = Number(/\/admin\/reviews\/(\d+)/.exec(unnamed.headers.location as string)![1]);
    const empty = await t.handle.db
      .selectFrom('review_cases')
      .select(['applicant_name_enc', 'applicant_name_clear'])
      .where('id', '=', bare)
      .executeTakeFirstOrThrow();
    assert.deepEqual(empty, { applicant_name_enc: null, applicant_name_clear: null }, 'no name, nothing sealed');
  });
});

forEachDialect(
  'reconsideration names stored before the change',
  (t) => {
    const vault = createVault('aes-256-gcm', [KEY]);

    test('are moved aside by the migration, sealed by the start-up step once, and leave no clear copy', async () => {
      const fresh = await freshDatabase(t.dialect);
      try {
        const db = fresh.handle.db as Db;
        const moved = await (await migrator(db)).migrateTo('20261207160000_applicant_names_encrypted');
        assert.equal(moved.error, undefined);
        const at = '2026-11-01T00:00:00Z';
        const agency = await db
          .insertInto('agencies')
          .values({ code: 'old', name: '旧机关', level: 'city', created_at: at, updated_at: at } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        const old = ['赵六', '钱 七', null];
        for (const name of old)
          await sql`insert into review_cases (agency_id, kind, body, applicant_name, filed_on, created_at, updated_at)
            values (${agency.id}, 'reconsideration', '市人民政府', ${name}, '2026-01-02', ${at}, ${at})`.execute(db);
        await migrateToLatest(db);
        const waiting = await db.selectFrom('review_cases').select('applicant_name_clear').orderBy('id').execute();
        assert.deepEqual(
          waiting.map((r) => r.applicant_name_clear),
          old,
        );

        assert.equal(await encryptClearReviewNames(db, vault, 1), 2, 'one batch a name');
        const sealed = await db.selectFrom('review_cases').selectAll().orderBy('id').execute();
        assert.deepEqual(
          sealed.map((r) => [r.applicant_name_clear, vault.open(r.applicant_name_enc)]),
          old.map((name) => [null, name]),
        );
        assert.equal(await encryptClearReviewNames(db, vault), 0, 'a second run finds nothing');
        assert.deepEqual(
          await db.selectFrom('review_cases').selectAll().orderBy('id').execute(),
          sealed,
          'and changes nothing',
        );
        const events = await db
          .selectFrom('audit_events')
          .select('after_json')
          .where('action', '=', 'review_case.names_encrypted')
          .execute();
        assert.equal(events.length, 2);
        assert.ok(
          events.every((e) => !/赵|钱/.test(String(e.after_json))),
          'the audit events name no one',
        );
        for (const name of ['赵六', '钱 七']) assertNoClearName(await sqliteBytes(fresh.handle), name);

        const plans = await selectPlans(db, ['review_cases'], (d) => encryptClearReviewNames(d, vault));
        assert.equal(plans.length, 1);
        assertReadThrough(plans, ['review_cases_name_clear_idx']);
      } finally {
        await fresh.drop();
      }
    });
  },
  { migrate: false },
);
