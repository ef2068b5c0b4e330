// The proof-of-work difficulty setting: default, accepted range and the problems reported for
// values that would make the check useless or unbearable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEFAULT_POW_DIFFICULTY, MAX_POW_DIFFICULTY, MIN_POW_DIFFICULTY, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test('GONGKAI_POW_DIFFICULTY defaults to 16 bits and takes whole numbers in its range', () => {
  assert.equal(DEFAULT_POW_DIFFICULTY, 16);
  assert.equal(loadConfig({}).powDifficulty, 16);
  assert.equal(loadConfig({ GONGKAI_POW_DIFFICULTY: '' }).powDifficulty, 16);
  assert.equal(loadConfig({ GONGKAI_POW_DIFFICULTY: String(MIN_POW_DIFFICULTY) }).powDifficulty, 8);
  assert.equal(loadConfig({ GONGKAI_POW_DIFFICULTY: '12' }).powDifficulty, 12);
  assert.equal(loadConfig({ GONGKAI_POW_DIFFICULTY: String(MAX_POW_DIFFICULTY) }).powDifficulty, 24);
});

test('a difficulty outside 8–24 or not a whole number is a configuration problem naming the setting', () => {
  for (const bad of ['7', '0', '25', '64', '-3', '12.5', 'sixteen', ' 16']) {
    const problems = problemsOf({ GONGKAI_POW_DIFFICULTY: bad });
    assert.equal(problems.length, 1, `"${bad}" is refused`);
    assert.match(problems[0]!, /^GONGKAI_POW_DIFFICULTY must be/);
    assert.match(problems[0]!, /8 and 24/);
  }
});

test('the difficulty problem is reported together with the others', () => {
  const problems = problemsOf({ GONGKAI_POW_DIFFICULTY: '40', PORT: 'x', GONGKAI_DEMO: 'maybe' });
  assert.equal(problems.length, 3);
  assert.ok(problems.some((p) => p.startsWith('GONGKAI_POW_DIFFICULTY')));
});

test('the key directory defaults to <data>-keys and may not sit inside the data directory', () => {
  const config = loadConfig({ GONGKAI_DATA_DIR: '/srv/gk/data' });
  assert.equal(config.keyDir, '/srv/gk/data-keys');
  assert.equal(loadConfig({ GONGKAI_DATA_DIR: '/srv/gk/data', GONGKAI_KEY_DIR: '/etc/gk' }).keyDir, '/etc/gk');
  assert.throws(
    () => loadConfig({ GONGKAI_DATA_DIR: '/srv/gk/data', GONGKAI_KEY_DIR: '/srv/gk/data/keys' }),
    /GONGKAI_KEY_DIR .* must not be the data directory or inside it/,
  );
});
