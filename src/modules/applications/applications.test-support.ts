// Helpers shared by the applications module's HTTP tests: the app on the demo data with a
// fixed personal-data key, and the public form filled in and its proof of work solved as pow.js
// would.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestDatabase } from '../../../test/support/database.ts';
import {
  Client,
  DEMO_PASSWORD,
  seedDemoOrganisation,
  seedDemoPublications,
  testApp,
} from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import { setClock } from '../../platform/clock.ts';
import { solveChallenge } from '../../platform/pow.ts';

export interface AppUnderTest {
  app: FastifyInstance;
  db: Db;
  /** The demo bureau (yueyang-hrss). */
  agencyId: number;
}

/**
 * Registers before/after hooks that start the app on the demo's organisation and its publications
 * of 2024 (for the catalog search and the "already public" answer: cases need people and some
 * published items, not the whole demo catalog); read the fields in tests.
 */
export function useApplicationsApp(
  t: TestDatabase,
  personalDataKey: string,
  overrides: Partial<Config> = {},
): AppUnderTest {
  const state = {} as AppUnderTest;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    await seedDemoPublications(t.handle.db, 2024);
    state.app = await testApp(t.handle, { personalDataKeys: [personalDataKey], ...overrides });
    state.db = t.handle.db;
    state.agencyId = (
      await state.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    setClock(undefined);
    await state.app.close();
  });
  return state;
}

export function challengeOf(body: string): { challenge: string; difficulty: number } {
  const challenge = /name="pow_challenge" value="([^"]+)"/.exec(body)?.[1];
  const difficulty = /data-pow="(\d+)"/.exec(body)?.[1];
  assert.ok(challenge && difficulty, 'the form carries a challenge');
  return { challenge, difficulty: Number(difficulty) };
}

/** Loads the form and returns `fields` with the challenge solved. */
export async function solvedForm(client: Client, fields: Record<string, string>): Promise<Record<string, string>> {
  const page = await client.get('/apply');
  assert.equal(page.statusCode, 200);
  const { challenge, difficulty } = challengeOf(page.body);
  return { ...fields, pow_challenge: challenge, pow_nonce: solveChallenge(challenge, difficulty) };
}

/** The console answers in two steps: `officer` posts the draft reply, then `approver` (by default
 *  the demo bureau's leader in charge) approves the pending draft shown on the case page. Returns
 *  the draft's response when it was refused, else the approval's (303 when the reply was issued). */
export async function replyWithApproval(
  app: FastifyInstance,
  officer: Client,
  id: number,
  fields: Record<string, string>,
  approver = 'leader',
): Promise<LightMyRequestResponse> {
  const drafted = await officer.post(`/admin/applications/${id}/reply`, fields);
  if (drafted.statusCode !== 303) return drafted;
  const head = new Client(app);
  assert.equal((await head.signIn(approver, DEMO_PASSWORD)).statusCode, 303);
  const page = await head.get(`/admin/applications/${id}`);
  const draft = /data-pending-draft="(\d+)"/.exec(page.body)?.[1];
  assert.ok(draft, 'the case page shows the pending draft');
  return head.post(`/admin/applications/${id}/reply/approve`, { draft });
}
