// Helpers shared by the organisation console's route tests: one suite per engine over the demo's
// organisation, signed-in clients, look-ups by code or name, and counts that show whether a
// refused request stored anything.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';

export interface ConsoleSuite {
  app: FastifyInstance;
  db: Db;
}

/** A describe block per engine, each on a fresh database with the demo's organisation (its
 *  agencies, units, leading group and accounts; the console pages here show nothing of the
 *  catalog) and its own test server; `s.app` and `s.db` are set before the first test runs. */
export function consoleSuite(name: string, fn: (s: ConsoleSuite) => void): void {
  forEachDialect(name, (t) => {
    const s = {} as ConsoleSuite;
    before(async () => {
      await seedDemoOrganisation(t.handle);
      s.app = await testApp(t.handle);
      s.db = t.handle.db;
    });
    after(async () => s.app.close());
    fn(s);
  });
}

type Table = 'agencies' | 'units' | 'users' | 'role_assignments' | 'leading_group_members' | 'audit_events';

export async function counts(db: Db): Promise<Record<Table, number>> {
  const tables: Table[] = ['agencies', 'units', 'users', 'role_assignments', 'leading_group_members', 'audit_events'];
  const out = {} as Record<Table, number>;
  for (const table of tables) out[table] = await countRows(db, table);
  return out;
}

export async function agencyId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function unitId(db: Db, agency: number, name: string): Promise<number> {
  return (
    await db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', agency)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
}

export async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function auditCount(db: Db, action: string, actorName: string, subjectId?: number): Promise<number> {
  let q = db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', action)
    .where('actor_name', '=', actorName);
  if (subjectId !== undefined) q = q.where('subject_id', '=', String(subjectId));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The activation code mailed to `email` (the newest mail to it in the outbox): what the person
 *  receives. The administrator's page never shows it. */
export async function mailedActivationCode(db: Db, email: string): Promise<string> {
  const mail = await db
    .selectFrom('mail_outbox')
    .select('body_text')
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = /\/activate\?code=([A-Za-z0-9_-]+)/.exec(mail.body_text);
  assert.ok(match, 'the mail carries an activation link');
  return match[1]!;
}

/** Sets a password with an activation code, as its holder does at /activate. */
export async function activate(app: FastifyInstance, code: string, password: string): Promise<void> {
  const c = new Client(app);
  await c.get(`/activate?code=${code}`);
  const res = await c.post('/activate', { code, new_password: password, confirm_password: password });
  assert.equal(res.statusCode, 303, 'the activation is accepted');
}

export async function signedIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(username, password);
  assert.equal(res.statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}
