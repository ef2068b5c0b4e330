// Applicants' names at rest (issue 14 finding 6), on both engines: sealed by the vault with a
// blind index beside them, never in clear in the rows or (SQLite) anywhere in the database file;
// found by the full name however its width and spacing were typed, and by nothing else (not a
// part of the name, not another key); names and contact persons stored before the change sealed by
// the start-up step, once, and names indexed under the older normalisation indexed again; a start
// with nothing waiting reads only the partial indexes; the screens show the name and contact
// person as before, with the other personal data masked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { forEachDialect, freshDatabase } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import { useClock } from '../../../test/support/clock.ts';
import type { Db } from '../../db/database.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest, migrator } from '../../db/migrate.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from './applications.service.ts';
import { applicationsStore } from './applications.store.ts';
import { encryptClearApplicantNames } from './applicant-names.ts';
import { formatTrackingCode } from './tracking.ts';
import { useApplicationsApp } from './applications.test-support.ts';
import { assertReadThrough, selectPlans } from '../../platform/crypto/sealing.test-support.ts';

const KEY = 'cd'.repeat(32);
const OTHER_KEY = 'ef'.repeat(32);
const ID = '43060219900307123';
const ID_NUMBER = ID + residentIdCheckChar(ID);
const NAME = '欧阳 明月';
const ORG = 'ABC科技有限公司';

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

forEachDialect('applicant names encrypted', (t) => {
  useClock('2026-11-25T02:00:00Z');
  const state = useApplicationsApp(t, KEY);
  const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));
  const ids: Record<string, number> = {};

  async function register(name: string, kind = 'natural_person'): Promise<number> {
    const created = await service.registerAtCounter(state.db, systemContext, state.agencyId, {
      channel: 'in_person',
      submitted_on: '2026-11-20',
      applicant_kind: kind,
      applicant_name: name,
      ...(kind === 'natural_person'
        ? { id_number: ID_NUMBER }
        : { credit_code: '91430600MA4L5XU69W', contact_person: '钱七' }),
      phone: '13912345678',
      description: '2025年就业补助资金分配文件',
      form_wanted: 'electronic',
      delivery_way: 'pickup',
    });
    return created.id;
  }

  test('the rows and the database file hold no clear name; the sealed name opens with the key', async () => {
    ids.person = await register(NAME);
    ids.org = await register(ORG, 'business');
    const rows = await state.db
      .selectFrom('applications')
      .selectAll()
      .where('id', 'in', [ids.person, ids.org])
      .execute();
    for (const row of rows) {
      const raw = JSON.stringify(row);
      assert.ok(!raw.includes('明月') && !raw.includes('ABC科技') && !raw.includes('钱七'), 'no clear name in the row');
      assert.match(row.applicant_name_enc!, /^v1\.gcm\./);
      assert.match(row.applicant_name_index!, /^[0-9a-f]{64}$/);
      assert.equal(row.applicant_name_clear, null);
    }
    const person = rows.find((r) => r.id === ids.person)!;
    assert.equal(service.applicantName(person), NAME);
    const org = rows.find((r) => r.id === ids.org)!;
    assert.match(org.contact_person_enc!, /^v1\.gcm\./);
    assert.equal(service.contactPerson(org), '钱七');
    assert.equal(person.contact_person_enc, null, 'a natural person has no contact person');
    assert.throws(() => createVault('aes-256-gcm', [OTHER_KEY]).decrypt(person.applicant_name_enc!), /not configured/);
    const bytes = await sqliteBytes(t.handle);
    for (const name of [NAME, '明月', ORG, '钱七']) assertNoClearName(bytes, name);
  });

  test('the full name finds the case, whatever its width and spacing; a part of it or another key finds nothing', async () => {
    const visibility = { agencyIds: [state.agencyId], units: [] };
    const window = { today: '2026-11-25', soonUntil: '2026-12-02' };
    const found = async (indexes: readonly string[]) =>
      (await applicationsStore.list(state.db, visibility, 'all', window, indexes)).map((r) => r.id);
    // The ideographic space and full-width letters are NFKC-folded; outer and repeated spaces go.
    assert.deepEqual(await found(service.nameIndexes('　欧阳   明月 ')), [ids.person]);
    assert.deepEqual(await found(service.nameIndexes('ＡＢＣ科技有限公司')), [ids.org]);
    assert.deepEqual(await found(service.nameIndexes('欧阳')), [], 'part of a name is no match');
    assert.deepEqual(await found(service.nameIndexes('欧阳明月')), [ids.person], 'spaces say nothing of who it is');
    const wrong = createVault('aes-256-gcm', [OTHER_KEY]);
    assert.deepEqual(await found(wrong.nameIndexes(NAME)), [], 'the index means nothing under another key');
    // After a key rotation (new key in front) the rows indexed under the old key are still found.
    const rotated = createVault('aes-256-gcm', [OTHER_KEY, KEY]);
    assert.deepEqual(await found(rotated.nameIndexes(NAME)), [ids.person]);

    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const list = await officer.get('/admin/applications?filter=all');
    assert.match(list.body, /只能按全名精确查找/);
    const hit = await officer.post('/admin/applications', { name: ' 欧阳　明月', filter: 'all' });
    assert.equal(hit.statusCode, 200);
    const code = (await applicationsStore.byId(state.db, ids.person!))!.tracking_code;
    const orgCode = (await applicationsStore.byId(state.db, ids.org!))!.tracking_code;
    assert.ok(hit.body.includes(formatTrackingCode(code)) && hit.body.includes(NAME));
    assert.ok(!hit.body.includes(formatTrackingCode(orgCode)), 'only the cases of that name');
    const miss = await officer.post('/admin/applications', { name: '欧阳', filter: 'all' });
    assert.ok(!miss.body.includes(formatTrackingCode(code)));
    assert.match(miss.body, /没有符合条件的申请/);
  });

  test('on screen the name is shown as before and the identity number stays masked', async () => {
    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const page = await officer.get(`/admin/applications/${ids.person}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(NAME));
    assert.ok(page.body.includes(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`));
    assert.ok(!page.body.includes(ID_NUMBER));
    const revealed = await officer.post(`/admin/applications/${ids.person}/reveal`);
    assert.ok(revealed.body.includes(NAME) && revealed.body.includes(ID_NUMBER));
    const org = await officer.get(`/admin/applications/${ids.org}`);
    assert.ok(org.body.includes(ORG) && org.body.includes('钱七'), 'the contact person shown in full, as before');
  });
});

/** Inserts an application as an older schema had it (columns given as raw SQL), returns its id. */
async function insertOld(db: Db, agencyId: number, code: string, columns: Record<string, string | null>) {
  const at = '2026-11-01T00:00:00Z';
  const names = Object.keys(columns);
  await sql`insert into applications (agency_id, tracking_code, channel, applicant_kind, description, form_wanted,
    delivery_way, received_on, rules, status, created_at, updated_at, ${sql.join(names.map((n) => sql.ref(n)))})
    values (${agencyId}, ${code}, 'online', ${columns.organisation_credit_code ? 'business' : 'natural_person'}, '申请',
    'electronic', 'online', '2026-11-02', '2019', 'open', ${at}, ${at}, ${sql.join(names.map((n) => columns[n]))})`.execute(
    db,
  );
}

async function oldAgency(db: Db): Promise<number> {
  const at = '2026-11-01T00:00:00Z';
  const agency = await db
    .insertInto('agencies')
    .values({ code: 'old', name: '旧机关', level: 'city', created_at: at, updated_at: at } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return agency.id;
}

async function migratedTo(t: { dialect: 'sqlite' | 'postgres' }, name: string) {
  const fresh = await freshDatabase(t.dialect);
  const db = fresh.handle.db as Db;
  const result = await (await migrator(db)).migrateTo(name);
  assert.equal(result.error, undefined);
  return { fresh, db, agencyId: await oldAgency(db) };
}

const lookUp = (db: Db, agencyId: number, indexes: readonly string[]) =>
  applicationsStore
    .list(db, { agencyIds: [agencyId], units: [] }, 'all', { today: '2026-11-25', soonUntil: '2026-12-02' }, indexes)
    .then((rows) => rows.map((r) => r.tracking_code));

forEachDialect(
  'applicant names and contact persons stored before the change',
  (t) => {
    const vault = createVault('aes-256-gcm', [KEY]);

    test('are moved aside by the migrations, sealed by the start-up step once, and leave no clear copy', async () => {
      const { fresh, db, agencyId } = await migratedTo(t, '20261207140000_emergency_review');
      try {
        await insertOld(db, agencyId, 'OLD0', { applicant_name: '张三', contact_person: null });
        await insertOld(db, agencyId, 'OLD1', { applicant_name: '李 四', contact_person: null });
        await insertOld(db, agencyId, 'OLD2', {
          applicant_name: '某某科技有限公司',
          organisation_credit_code: '91430600MA4L5XU69W',
          contact_person: '王 五',
        });
        await migrateToLatest(db);
        const moved = await db
          .selectFrom('applications')
          .select(['applicant_name_clear', 'contact_person_clear'])
          .orderBy('tracking_code')
          .execute();
        assert.deepEqual(
          moved.map((r) => [r.applicant_name_clear, r.contact_person_clear]),
          [
            ['张三', null],
            ['李 四', null],
            ['某某科技有限公司', '王 五'],
          ],
        );

        assert.deepEqual(await encryptClearApplicantNames(db, vault, 1), {
          names: 3,
          nameIndexes: 0,
          contactPersons: 1,
        });
        const sealed = await db.selectFrom('applications').selectAll().orderBy('tracking_code').execute();
        assert.deepEqual(
          sealed.map((r) => [
            r.applicant_name_clear,
            r.contact_person_clear,
            vault.decrypt(r.applicant_name_enc!),
            r.applicant_name_index,
            vault.open(r.contact_person_enc),
          ]),
          [
            [null, null, '张三', vault.nameIndex('张三'), null],
            [null, null, '李 四', vault.nameIndex('李四'), null],
            [null, null, '某某科技有限公司', vault.nameIndex('某某科技有限公司'), '王 五'],
          ],
        );
        assert.deepEqual(
          await encryptClearApplicantNames(db, vault),
          { names: 0, nameIndexes: 0, contactPersons: 0 },
          'a second run finds nothing',
        );
        const again = await db.selectFrom('applications').selectAll().orderBy('tracking_code').execute();
        assert.deepEqual(again, sealed, 'and changes nothing');
        const events = await db
          .selectFrom('audit_events')
          .select(['after_json'])
          .where('action', '=', 'application.names_encrypted')
          .execute();
        assert.equal(events.length, 4, 'one event a batch: three names, one contact person');
        assert.ok(
          events.every((e) => !/张三|李|王/.test(String(e.after_json))),
          'the audit events name no one',
        );
        for (const name of ['张三', '李 四', '王 五', '某某科技'])
          assertNoClearName(await sqliteBytes(fresh.handle), name);
        assert.deepEqual(await lookUp(db, agencyId, vault.nameIndexes('李  四')), ['OLD1']);
      } finally {
        await fresh.drop();
      }
    });

    test('names sealed under the older normalisation are indexed again, without their spaces', async () => {
      const { fresh, db, agencyId } = await migratedTo(t, '20261207160000_applicant_names_encrypted');
      try {
        // As 20261207160000's start-up step left them: sealed, indexed with inner spaces kept.
        await insertOld(db, agencyId, 'OLD1', {
          applicant_name_enc: vault.encrypt('李 四'),
          applicant_name_index: 'indexed-with-the-space-kept',
        });
        await migrateToLatest(db);
        assert.deepEqual(await encryptClearApplicantNames(db, vault), { names: 0, nameIndexes: 1, contactPersons: 0 });
        assert.deepEqual(await lookUp(db, agencyId, vault.nameIndexes('李四')), ['OLD1']);
        assert.deepEqual(await lookUp(db, agencyId, vault.nameIndexes('李 四')), ['OLD1']);
        assert.deepEqual(await encryptClearApplicantNames(db, vault), { names: 0, nameIndexes: 0, contactPersons: 0 });
      } finally {
        await fresh.drop();
      }
    });

    test('once nothing waits, the start-up check reads the partial indexes of waiting rows, not the table', async () => {
      const { fresh, db, agencyId } = await migratedTo(t, '20261207140000_emergency_review');
      try {
        for (let i = 0; i < 50; i++) await insertOld(db, agencyId, `OLD${i}`, { applicant_name: `申请人${i}` });
        await migrateToLatest(db);
        await encryptClearApplicantNames(db, vault);
        const plans = await selectPlans(db, ['applications'], (d) => encryptClearApplicantNames(d, vault));
        assert.equal(plans.length, 3, 'one look a step');
        assertReadThrough(plans, [
          'applications_name_clear_idx',
          'applications_name_index_idx',
          'applications_contact_clear_idx',
        ]);
      } finally {
        await fresh.drop();
      }
    });
  },
  { migrate: false },
);
