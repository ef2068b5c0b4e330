// Helpers of the mailbox portal's tests: a letter written through the real form (its proof of
// work solved as pow.js would), and a letter answered without walking the console's workflow
// (the workflow's own tests do that), so that what the public sees can be checked state by state.
import assert from 'node:assert/strict';
import type { Client } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { solveChallenge } from '../../platform/pow.ts';

export function challengeOf(body: string): { challenge: string; difficulty: number } {
  const challenge = /name="pow_challenge" value="([^"]+)"/.exec(body)?.[1];
  const difficulty = /data-pow="(\d+)"/.exec(body)?.[1];
  assert.ok(challenge && difficulty, 'the form carries a challenge');
  return { challenge, difficulty: Number(difficulty) };
}

/** Loads the letter form and posts `fields` with the challenge solved; returns the answer. */
export async function writeLetter(client: Client, fields: Record<string, string>) {
  const page = await client.get('/mailbox/write');
  assert.equal(page.statusCode, 200);
  const { challenge, difficulty } = challengeOf(page.body);
  return client.post('/mailbox/write', {
    ...fields,
    pow_challenge: challenge,
    pow_nonce: solveChallenge(challenge, difficulty),
  });
}

export function trackingCodeOf(body: string): string {
  const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(body)?.[1];
  assert.ok(code, 'the receipt shows the tracking code');
  return code;
}

/** Puts a letter in the replied state with `reply` as its current reply, as the workflow leaves it. */
export async function markReplied(db: Db, caseId: number, reply: string, on: string, status = 'replied') {
  const at = `${on}T02:00:00.000Z`;
  const versions = await db.selectFrom('mailbox_reply_versions').select('id').where('case_id', '=', caseId).execute();
  const version = await db
    .insertInto('mailbox_reply_versions')
    .values({ case_id: caseId, version_no: versions.length + 1, body: reply, created_by: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('mailbox_cases')
    .set({ status, replied_on: on, current_version_id: Number(version.id), updated_at: at })
    .where('id', '=', caseId)
    .execute();
}

export async function caseIdOf(db: Db, trackingCode: string): Promise<number> {
  const row = await db
    .selectFrom('mailbox_cases')
    .select('id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Sends an answered letter back to be redone, as the workflow's redo step leaves it. */
export async function markRedo(db: Db, caseId: number) {
  await db
    .updateTable('mailbox_cases')
    .set({ status: 'assigned', replied_on: null, updated_at: new Date().toISOString() })
    .where('id', '=', caseId)
    .execute();
}
