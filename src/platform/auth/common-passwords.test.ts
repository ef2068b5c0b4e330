// The common-password rule (issue 14 finding 6): the zxcvbn-ts list, also for the word wrapped in
// digits and symbols to meet the class rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCommonPassword } from './common-passwords.ts';
import { passwordIssues } from './password.ts';

test('common and breached passwords are refused, however they meet the class rule', () => {
  for (const p of ['Password123!', 'Qwerty2026!', 'P@ssw0rd2026', 'Iloveyou!2026', 'Letmein#2025'])
    assert.equal(isCommonPassword(p), true, p);
  for (const p of ['Gongkai-Test-2026!', 'Shenhe-2026-New!', 'Juzhen-Mubiao-2026'])
    assert.equal(isCommonPassword(p), false, p);
  assert.deepEqual(
    passwordIssues('Password123!').map((i) => i.message.zh),
    ['该密码属于常见或已泄露的密码，容易被猜中，请换一个'],
  );
});
