import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobPath, BlobIntegrityError, hasBlob, readBlob, storeBlob, type BlobConfig } from './blob-store.ts';
import { NotFoundError } from '../errors.ts';
import { CHINESE_PDF, JPEG } from '../../../test/support/files.ts';

function tempConfig(keys: string[] = [randomBytes(32).toString('hex')]): BlobConfig & { cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-files-'));
  return { dataDir, personalDataKeys: keys, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test('plain blobs: content-addressed, deduplicated, sniffed, checked on read', async () => {
  const config = tempConfig();
  try {
    const first = await storeBlob(config, CHINESE_PDF);
    const sha = createHash('sha256').update(CHINESE_PDF).digest('hex');
    assert.deepEqual(first, {
      sha256: sha,
      size: CHINESE_PDF.length,
      kind: 'pdf',
      mime: 'application/pdf',
      encrypted: false,
    });
    const path = blobPath(config, first);
    assert.equal(path, join(config.dataDir, 'files', 'plain', sha.slice(0, 2), sha.slice(2, 4), sha));
    const mtime = statSync(path).mtimeMs;
    const again = await storeBlob(config, new Uint8Array(CHINESE_PDF));
    assert.deepEqual(again, first);
    assert.equal(statSync(path).mtimeMs, mtime, 'the stored copy is not rewritten');
    assert.equal(allFiles(join(config.dataDir, 'files')).length, 1, 'one copy, no temporary files left');
    assert.deepEqual(await readBlob(config, first), CHINESE_PDF);
    assert.equal(await hasBlob(config, first), true);

    const unknown = await storeBlob(config, Buffer.from([0, 1, 2, 3]));
    assert.equal(unknown.kind, null);
    assert.equal(unknown.mime, 'application/octet-stream');

    // An altered file is detected, a missing one is a 404, and an address is never a path.
    writeFileSync(path, Buffer.concat([CHINESE_PDF, Buffer.from('x')]));
    await assert.rejects(readBlob(config, first), BlobIntegrityError);
    await assert.rejects(readBlob(config, { sha256: 'a'.repeat(64) }), NotFoundError);
    await assert.rejects(readBlob(config, { sha256: '../../personal-data-key' }), NotFoundError);
    assert.throws(() => blobPath(config, { sha256: 'AB'.repeat(32) }), NotFoundError);
  } finally {
    config.cleanup();
  }
});

test('atomic write: concurrent stores of the same and of different files leave only complete blobs', async () => {
  const config = tempConfig();
  try {
    const files = Array.from({ length: 6 }, (_, i) => randomBytes(200_000 + i));
    const results = await Promise.all([...files, ...files].map((f) => storeBlob(config, f)));
    for (const [i, r] of results.entries()) {
      assert.deepEqual(await readBlob(config, r), files[i % files.length]);
    }
    const names = allFiles(join(config.dataDir, 'files'));
    assert.equal(names.length, files.length);
    assert.ok(
      names.every((n) => !n.includes('.tmp-')),
      'no temporary file remains',
    );
  } finally {
    config.cleanup();
  }
});

for (const cipher of ['aes-256-gcm', 'sm4'] as const)
  test(`encrypted blobs (${cipher}): round trip, no plaintext or plain hash on disk, key rotation, tamper detection`, async () => {
    const k1 = randomBytes(32).toString('hex');
    const k2 = randomBytes(32).toString('hex');
    const config = { ...tempConfig([k1]), personalDataCipher: cipher };
    try {
      const idCopy = Buffer.concat([JPEG, Buffer.from('居民身份证 43060219850317123X 张三')]);
      const sealed = await storeBlob(config, idCopy, { encrypt: true });
      const plainHash = createHash('sha256').update(idCopy).digest('hex');
      assert.equal(sealed.encrypted, true);
      assert.equal(sealed.kind, 'jpeg');
      assert.equal(sealed.size, idCopy.length);
      assert.notEqual(sealed.sha256, plainHash, 'the address does not reveal the content');
      const path = blobPath(config, sealed);
      assert.ok(path.includes(join('files', 'sealed')));
      const onDisk = readFileSync(path);
      assert.equal(onDisk.includes(Buffer.from('43060219850317123X')), false);
      assert.equal(onDisk.includes(Buffer.from('张三')), false);
      assert.equal(onDisk.includes(JPEG.subarray(0, 8)), false);
      assert.deepEqual(await readBlob(config, sealed), idCopy);
      assert.deepEqual(await storeBlob(config, idCopy, { encrypt: true }), sealed, 'deduplicated under the same key');
      assert.equal(allFiles(join(config.dataDir, 'files')).length, 1);

      // A new key in front: old blobs still open; new ones are sealed (and named) with the new key.
      const rotated = { ...config, personalDataKeys: [k2, k1] };
      assert.deepEqual(await readBlob(rotated, sealed), idCopy);
      const resealed = await storeBlob(rotated, idCopy, { encrypt: true });
      assert.notEqual(resealed.sha256, sealed.sha256);
      await assert.rejects(readBlob({ ...config, personalDataKeys: [k2] }, sealed), /not configured/);

      onDisk[onDisk.length - 1] = onDisk[onDisk.length - 1]! ^ 1;
      writeFileSync(path, onDisk);
      await assert.rejects(readBlob(config, sealed), /altered/);
      // The reader follows the file's own header, whatever the cipher configured now.
      const other = await storeBlob(
        { ...config, personalDataCipher: cipher === 'sm4' ? 'aes-256-gcm' : 'sm4' },
        Buffer.from('另一份材料'),
        { encrypt: true },
      );
      assert.equal((await readBlob(config, other)).toString(), '另一份材料');
    } finally {
      config.cleanup();
    }
  });
