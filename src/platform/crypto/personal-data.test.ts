import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createVault, normaliseName } from './personal-data.ts';

const k1 = randomBytes(32).toString('hex');
const k2 = randomBytes(32).toString('hex');

for (const cipher of ['aes-256-gcm', 'sm4'] as const) {
  test(`${cipher}: round trip, no plaintext at rest, tamper detection, rotation`, () => {
    const vault = createVault(cipher, [k1]);
    const id = '43060219850317123X';
    const sealed = vault.encrypt(id);
    assert.doesNotMatch(sealed, /4306/);
    assert.notEqual(vault.encrypt(id), sealed, 'a fresh IV each time');
    assert.equal(vault.decrypt(sealed), id);
    assert.equal(vault.decrypt(vault.encrypt('岳阳市岳阳楼区金鹗中路 1 号')), '岳阳市岳阳楼区金鹗中路 1 号');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[5]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[5] = body.toString('base64url');
    assert.throws(() => vault.decrypt(parts.join('.')), /altered/);

    const rotated = createVault(cipher, [k2, k1]);
    assert.equal(rotated.decrypt(sealed), id, 'old key still decrypts');
    assert.equal(rotated.needsRotation(sealed), true);
    assert.equal(rotated.needsRotation(rotated.encrypt(id)), false);
    assert.throws(() => createVault(cipher, [k2]).decrypt(sealed), /not configured/);
    assert.equal(vault.seal(null), null);
    assert.equal(vault.open(null), null);
    assert.equal(vault.blindIndex('43060219850317123x'), vault.blindIndex(' 43060219850317123X'));
    // After a rotation the stored index (made under k1) is still among the value's indexes.
    assert.deepEqual(rotated.blindIndexes(id), [rotated.blindIndex(id), vault.blindIndex(id)]);
    assert.notEqual(rotated.blindIndex(id), vault.blindIndex(id), 'the newest key indexes anew');
  });
}

test('keys must be 256 bits', () => {
  assert.throws(() => createVault('aes-256-gcm', ['abcd']), /64 hex digits/);
  assert.throws(() => createVault('aes-256-gcm', []), /no personal-data key/);
});

test('names are one whatever their width and spacing; the index of a name is under every key', () => {
  assert.equal(normaliseName('　张 三 '), '张三');
  assert.equal(normaliseName('ＡＢＣ 科技\t有限公司'), 'ABC科技有限公司');
  assert.equal(normaliseName('Li Ming'), 'LiMing');
  const vault = createVault('aes-256-gcm', [k1]);
  assert.equal(vault.nameIndex('张 三'), vault.nameIndex('张三'));
  assert.notEqual(vault.nameIndex('张三'), vault.nameIndex('张三丰'));
  const rotated = createVault('aes-256-gcm', [k2, k1]);
  assert.deepEqual(rotated.nameIndexes('张三'), [rotated.nameIndex('张三'), vault.nameIndex('张三')]);
  assert.notEqual(rotated.nameIndex('张三'), vault.blindIndex('张三'), 'names have a sub-key of their own');
});
