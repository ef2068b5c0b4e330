import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking.ts';

test('tracking codes are 13 characters, unique in practice, and read back forgivingly', () => {
  const codes = new Set(Array.from({ length: 2000 }, newTrackingCode));
  assert.equal(codes.size, 2000);
  for (const code of [...codes].slice(0, 200)) {
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{13}$/);
    assert.equal(normaliseTrackingCode(code), code);
    assert.equal(normaliseTrackingCode(` ${formatTrackingCode(code).toLowerCase()} `), code);
  }
});

test('every single mistyped character is caught by the check character', () => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const code = newTrackingCode();
  for (let i = 0; i < code.length; i++) {
    for (const c of alphabet) {
      if (c === code[i]) continue;
      assert.equal(normaliseTrackingCode(code.slice(0, i) + c + code.slice(i + 1)), null, `position ${i} → ${c}`);
    }
  }
  assert.equal(normaliseTrackingCode('too-short'), null);
});
