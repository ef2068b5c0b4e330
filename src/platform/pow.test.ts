// The proof-of-work check: a solved challenge passes, a tampered, expired or unsolved one does
// not, the arithmetic fallback needs the right answer and a few seconds, and a challenge can be
// spent once (on both engines).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { forEachDialect } from '../../test/support/database.ts';
import { setClock } from './clock.ts';
import {
  chineseNumeral,
  issueChallenge,
  leadingZeroBits,
  powSecret,
  solveChallenge,
  spendChallenge,
  verifyChallenge,
  workHash,
  type PowOptions,
} from './pow.ts';

const options: PowOptions = {
  secret: powSecret('cd'.repeat(32)),
  difficulty: 12,
  ttlSeconds: 600,
  minSecondsForQuestion: 3,
};

/** The answer, as a person reads it from the question. */
function answerOf(c: { question: { en: string } }): string {
  const [, a, b] = /What is (\d+) plus (\d+)\?/.exec(c.question.en)!;
  return String(Number(a) + Number(b));
}

after(() => setClock(undefined));

test('leading zero bits are counted across bytes', () => {
  assert.equal(leadingZeroBits(Uint8Array.from([0, 0, 0x0f, 0xff])), 20);
  assert.equal(leadingZeroBits(Uint8Array.from([0x80])), 0);
  assert.equal(leadingZeroBits(Uint8Array.from([0, 1])), 15);
});

test('Chinese numerals for the fallback question', () => {
  assert.deepEqual([11, 20, 23, 49].map(chineseNumeral), ['十一', '二十', '二十三', '四十九']);
});

test('a solved challenge passes; tampering, other keys and unsolved ones fail', () => {
  const c = issueChallenge(options);
  const nonce = solveChallenge(c.challenge, c.difficulty);
  assert.ok(leadingZeroBits(workHash(c.challenge, nonce)) >= 12);
  const ok = verifyChallenge(options, { challenge: c.challenge, nonce });
  assert.equal(ok.ok && ok.by, 'work');
  const easier = c.challenge.replace('.12.', '.1.');
  assert.deepEqual(verifyChallenge(options, { challenge: easier, nonce: '0' }), { ok: false, reason: 'invalid' });
  assert.deepEqual(
    verifyChallenge({ ...options, secret: powSecret('ef'.repeat(32)) }, { challenge: c.challenge, nonce }),
    { ok: false, reason: 'invalid' },
  );
  assert.deepEqual(verifyChallenge(options, { challenge: '', nonce }), { ok: false, reason: 'missing' });
  let bad = 'x';
  while (leadingZeroBits(workHash(c.challenge, bad)) >= 12) bad += 'x';
  assert.deepEqual(verifyChallenge(options, { challenge: c.challenge, nonce: bad }), { ok: false, reason: 'unsolved' });
});

test('the challenge does not carry its answer: not the sum, not the numbers, not in any field', () => {
  for (let i = 0; i < 50; i++) {
    const c = issueChallenge(options);
    const fields = c.challenge.split('.');
    // The only numbers in it are the two instants and the difficulty; the rest is salt, a keyed
    // commitment and the signature (base64url of 16 bytes or more: never a bare number).
    const numbers = fields.filter((f) => /^\d+$/.test(f));
    assert.deepEqual(numbers.slice(1), [String(Date.parse(c.expiresAt)), String(c.difficulty)], c.challenge);
    assert.match(numbers[0]!, /^\d{13}$/);
    const answer = answerOf(c);
    assert.ok(!fields.includes(answer), `${c.challenge} carries ${answer}`);
  }
});

test('the arithmetic fallback needs the right answer, a few seconds, and expires', () => {
  const start = Date.now();
  setClock(() => new Date(start));
  const c = issueChallenge(options);
  assert.match(c.question.zh, /^.+加.+等于多少？$/);
  assert.deepEqual(verifyChallenge(options, { challenge: c.challenge, answer: answerOf(c) }), {
    ok: false,
    reason: 'too_fast',
  });
  setClock(() => new Date(start + 5_000));
  assert.deepEqual(verifyChallenge(options, { challenge: c.challenge, answer: '1000' }), {
    ok: false,
    reason: 'wrong_answer',
  });
  const fullWidth = answerOf(c).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const ok = verifyChallenge(options, { challenge: c.challenge, answer: fullWidth });
  assert.equal(ok.ok && ok.by, 'question');
  setClock(() => new Date(start + 601_000));
  assert.deepEqual(verifyChallenge(options, { challenge: c.challenge, answer: answerOf(c) }), {
    ok: false,
    reason: 'expired',
  });
  setClock(undefined);
});

forEachDialect('proof-of-work spending', (t) => {
  test('a challenge is spent once; expired entries are swept', async () => {
    const db = t.handle.db;
    const hash = randomBytes(32).toString('hex');
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    await db.transaction().execute(async (trx) => assert.equal(await spendChallenge(trx, { hash, expiresAt }), true));
    await db.transaction().execute(async (trx) => assert.equal(await spendChallenge(trx, { hash, expiresAt }), false));
    await db
      .insertInto('pow_spent')
      .values({ challenge_hash: 'old', expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    await spendChallenge(db, { hash: randomBytes(32).toString('hex'), expiresAt });
    assert.equal(
      await db.selectFrom('pow_spent').select('challenge_hash').where('challenge_hash', '=', 'old').executeTakeFirst(),
      undefined,
    );
  });
});
