// What failed sign-ins on one (name, source) key cost the next attempt (docs/adr/0015).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throttleFor, throttleKey } from './sign-in-throttle.ts';

test('a challenge from 3 failures, a wait from 5 doubling to 15 minutes', () => {
  const cases: [number, boolean, number][] = [
    [0, false, 0],
    [2, false, 0],
    [3, true, 0],
    [4, true, 0],
    [5, true, 2],
    [6, true, 4],
    [10, true, 64],
    [13, true, 512],
    [14, true, 900],
    [40, true, 900],
  ];
  for (const [failures, challenge, delaySeconds] of cases) {
    assert.deepEqual(throttleFor(failures), { challenge, delaySeconds }, `${failures} failures`);
  }
});

test('the key is the name typed (any case) and the source; an IPv6 subscriber is its /64', () => {
  assert.equal(throttleKey('Officer', '203.0.113.5'), throttleKey('officer', '203.0.113.5'));
  assert.notEqual(throttleKey('officer', '203.0.113.5'), throttleKey('officer', '203.0.113.6'));
  assert.notEqual(throttleKey('officer', '203.0.113.5'), throttleKey('leader', '203.0.113.5'));
  assert.equal(throttleKey('officer', '2001:db8:1:2::1'), throttleKey('officer', '2001:db8:1:2:ffff::9'));
});
