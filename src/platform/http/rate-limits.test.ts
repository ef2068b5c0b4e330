import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressPrefix } from './rate-limits.ts';

test('the network prefix of a client address: IPv4 /24, IPv6 /48, mapped IPv4 as IPv4', () => {
  assert.equal(addressPrefix('198.51.100.37'), '198.51.100.0/24');
  assert.equal(addressPrefix('::ffff:198.51.100.37'), '198.51.100.0/24');
  assert.equal(addressPrefix('2001:db8:7:99::1'), '2001:db8:7::/48');
  assert.equal(addressPrefix('2001:0db8:0007:ffff:1:2:3:4'), '2001:db8:7::/48');
  assert.notEqual(addressPrefix('2001:db8:8::1'), addressPrefix('2001:db8:7::1'));
});
