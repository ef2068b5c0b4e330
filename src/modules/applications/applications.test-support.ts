// Helpers shared by the applications module's HTTP tests: the app on the demo data with a
// fixed personal-data key, and the public form filled in and its proof of work solved as pow.js
// would.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { TestDatabase } from '../../../test/support/database.ts';
import { Client, seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { solveChallenge } from '../../platform/pow.ts';

export interface AppUnderTest {
  app: FastifyInstance;
  db: Db;
  /** The demo bureau (yueyang-hrss). */
  agencyId: number;
}

/** Registers before/after hooks that start the app on the demo data; read the fields in tests. */
export function useApplicationsApp(t: TestDatabase, personalDataKey: string): AppUnderTest {
  const state = {} as AppUnderTest;
  before(async () => {
    await seedDemo(t.handle);
    state.app = await testApp(t.handle, { personalDataKeys: [personalDataKey] });
    state.db = t.handle.db;
    state.agencyId = (await state.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()).id;
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
