// Helpers shared by the organisation console's route tests: one suite per engine over a seeded
// demo database, signed-in clients, look-ups by code or name, and counts that show whether a
// refused request stored anything.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';

export interface ConsoleSuite {
  app: FastifyInstance;
  db: Db;
}

/** A describe block per engine, each on a freshly seeded demo database with its own test server;
 *  `s.app` and `s.db` are set before the first test runs. */
export function consoleSuite(name: string, fn: (s: ConsoleSuite) => void): void {
  forEachDialect(name, (t) => {
    const s = {} as ConsoleSuite;
    before(async () => {
      await seedDemo(t.handle);
      s.app = await testApp(t.handle);
      s.db = t.handle.db;
    });
    after(async () => s.app.close());
    fn(s);
  });
}

type Table = 'agencies' | 'units' | 'users' | 'role_assignments' | 'leading_group_members' | 'audit_events';

async function count(db: Db, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function counts(db: Db): Promise<Record<Table, number>> {
  const tables: Table[] = ['agencies', 'units', 'users', 'role_assignments', 'leading_group_members', 'audit_events'];
  const out = {} as Record<Table, number>;
  for (const table of tables) out[table] = await count(db, table);
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

/** The one-time password shown on the page after creating an account or resetting its password. */
export function generatedPassword(body: string): string {
  const match = /<code class="one-time-secret__value">([^<]+)<\/code>/.exec(body);
  assert.ok(match, 'the page shows the generated password');
  return match[1]!
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

export async function signedIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(username, password);
  assert.equal(res.statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}
