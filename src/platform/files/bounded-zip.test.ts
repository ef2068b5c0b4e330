import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readZip, ZipLimitError, ZIP_LIMITS } from './bounded-zip.ts';
import { makeDocx } from '../../../test/support/files.ts';
import {
  deflated,
  deflateBomb,
  docxBomb,
  docxEntityBomb,
  docxExternalEntity,
  docxTraversalNames,
  honestDocxBomb,
  manyEntriesBomb,
  nestedBomb,
  rawZip,
} from '../../../test/support/hostile-files.ts';

const all = () => true;
const refusal = (refusal: string) => (err: unknown) => err instanceof ZipLimitError && err.refusal === refusal;

test('an honest package is read: the selected parts, every name', async () => {
  const { names, parts } = await readZip(await makeDocx(['公开']), (n) => n === 'word/document.xml');
  assert.ok(names.includes('[Content_Types].xml'));
  assert.deepEqual([...parts.keys()], ['word/document.xml']);
  assert.match(parts.get('word/document.xml')!.toString('utf8'), /公开/);
});

test('headers that lie about the size: inflation stops at the first byte past the claim', async () => {
  // 1,300 MiB behind a 1 KiB claim: yauzl's size check stops the stream within one chunk.
  await assert.rejects(readZip(await docxBomb(1300), all), /too many bytes in the stream/);
});

test('headers that lie high enough to pass the claim check still stop at the real-byte limit', async () => {
  const limits = { ...ZIP_LIMITS, maxEntryBytes: 8 * 1024 * 1024, maxRatio: 10_000 };
  // Declares 4 MiB (under the limit), inflates to 64 MiB: counted, stopped at 8 MiB.
  const bomb = rawZip([{ name: 'a.xml', data: await deflateBomb(64), declaredSize: 4 * 1024 * 1024 }]);
  await assert.rejects(readZip(bomb, all, limits), (err: unknown) => {
    // Either guard may fire first; neither lets the part be held past its limit.
    return (err instanceof ZipLimitError && err.refusal === 'entry_bytes') || /too many bytes/.test(String(err));
  });
});

test('a package that honestly declares too much is refused before inflating', async () => {
  await assert.rejects(readZip(await honestDocxBomb(1300), all), refusal('entry_bytes'));
});

test('the ratio of a part: a small compressed part may not inflate a thousandfold', async () => {
  const bomb = rawZip([{ name: 'a.xml', data: await deflateBomb(16), declaredSize: 16 * 1024 * 1024 }]);
  await assert.rejects(readZip(bomb, all), refusal('ratio'));
});

test('the total of all parts read is bounded, however the parts are split', async () => {
  const limits = { ...ZIP_LIMITS, maxTotalBytes: 32 * 1024 * 1024, maxRatio: 10_000 };
  // 100 parts that honestly declare 1 MiB each: every one passes, their sum does not.
  await assert.rejects(readZip(await manyEntriesBomb(100, 1, 1024 * 1024), all, limits), refusal('total_bytes'));
  const small = rawZip(Array.from({ length: 40 }, (_, i) => deflated(`p${i}.xml`, '<x/>')));
  assert.equal((await readZip(small, all, limits)).parts.size, 40);
});

test('too many entries in the directory: refused before any is read', async () => {
  const limits = { ...ZIP_LIMITS, maxEntries: 50 };
  await assert.rejects(
    readZip(await manyEntriesBomb(60, 1), () => false, limits),
    refusal('entries'),
  );
});

test('a DTD is refused: entity expansion (billion laughs) and external entities (XXE)', async () => {
  await assert.rejects(
    readZip(docxEntityBomb(), (n) => n.endsWith('.xml')),
    refusal('dtd'),
  );
  await assert.rejects(
    readZip(docxExternalEntity(), (n) => n.endsWith('.xml')),
    refusal('dtd'),
  );
});

test('entry names that leave the archive are refused', async () => {
  await assert.rejects(
    readZip(docxTraversalNames(), () => false),
    /invalid relative path|absolute path/,
  );
});

test('archives inside the archive are never opened: 42.zip costs what its outer layer costs', async () => {
  const { parts } = await readZip(await nestedBomb(4, 8, 64), () => false);
  assert.equal(parts.size, 0);
  // Read as bytes, the inner layer is only its compressed size.
  const one = await readZip(await nestedBomb(2, 2, 8), (n) => n === '1-0.zip');
  assert.ok(one.parts.get('1-0.zip')!.length < 64 * 1024);
});

test('corrupt archives are errors, not hangs', async () => {
  await assert.rejects(readZip(Buffer.from('PK\x03\x04garbage'), all));
  const truncated = rawZip([deflated('a.xml', 'x'.repeat(1000))]);
  await assert.rejects(readZip(truncated.subarray(0, truncated.length - 30), all));
});
