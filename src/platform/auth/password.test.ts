// The scrypt cost: production's parameters are fixed here, a hash carries the cost it was made
// with (so the suite's cheaper cost, test/all.test.ts, verifies as it should), and nothing but the
// test runner can lower it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword, PRODUCTION_SCRYPT_COST, useScryptCostForTests, verifyPassword } from './password.ts';
import { TEST_SCRYPT_COST } from '../../../test/support/password-cost.ts';

after(() => useScryptCostForTests(TEST_SCRYPT_COST));

test('production hashes cost N = 2^15, r = 8, p = 1 with a 32-byte key and a 16-byte salt', async () => {
  assert.deepEqual({ ...PRODUCTION_SCRYPT_COST }, { N: 32768, r: 8, p: 1 });
  assert.ok(Object.isFrozen(PRODUCTION_SCRYPT_COST));
  useScryptCostForTests(undefined);
  const hash = await hashPassword('Gongkai-Prod-2026!');
  const [scheme, n, r, p, salt, key] = hash.split('$');
  assert.deepEqual([scheme, n, r, p], ['scrypt', '32768', '8', '1']);
  assert.equal(Buffer.from(salt!, 'base64').length, 16);
  assert.equal(Buffer.from(key!, 'base64').length, 32);
  assert.equal(await verifyPassword('Gongkai-Prod-2026!', hash), true);
  assert.equal(await verifyPassword('Gongkai-Prod-2027!', hash), false);
});

test('a hash is verified at the cost it was made with, whatever the current cost', async () => {
  useScryptCostForTests(TEST_SCRYPT_COST);
  const cheap = await hashPassword('Gongkai-Test-2026!');
  assert.match(cheap, new RegExp(`^scrypt\\$${TEST_SCRYPT_COST.N}\\$`));
  useScryptCostForTests(undefined);
  assert.equal(await verifyPassword('Gongkai-Test-2026!', cheap), true);
  const strong = await hashPassword('Gongkai-Test-2026!');
  useScryptCostForTests(TEST_SCRYPT_COST);
  assert.equal(await verifyPassword('Gongkai-Test-2026!', strong), true);
});

test('a lower cost is refused outside the test runner, and no application code asks for one', () => {
  const context = process.env.NODE_TEST_CONTEXT;
  delete process.env.NODE_TEST_CONTEXT;
  try {
    assert.throws(() => useScryptCostForTests(TEST_SCRYPT_COST), /test runner only/);
  } finally {
    if (context !== undefined) process.env.NODE_TEST_CONTEXT = context;
  }
  const src = fileURLToPath(new URL('../..', import.meta.url));
  const callers: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test(-support)?\.tsx?$/.test(entry.name))
        if (readFileSync(full, 'utf8').includes('useScryptCostForTests')) callers.push(relative(src, full));
    }
  };
  walk(src);
  assert.deepEqual(callers, [join('platform', 'auth', 'password.ts')]);
});
