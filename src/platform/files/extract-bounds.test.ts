// Finding 1 of the security review: a DOCX whose ZIP headers declare small sizes was inflated
// whole in memory (1.3 MB upload → +1.4 GB; four at once crashed the process). Extraction now
// inflates through bounded-zip.ts inside a child process with heap, memory and time limits, one
// file at a time.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureExtraction, extractTextWithReport } from './extract.ts';
import { makeDocx, makeXlsx, PNG } from '../../../test/support/files.ts';
import { docxBomb, ofdBomb, xlsxBomb, xlsxEntityBomb } from '../../../test/support/hostile-files.ts';
import JSZip from 'jszip';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bombs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const probe = fileURLToPath(new URL('../../../test/support/extract-probe.ts', import.meta.url));

function runProbe(args: string[]): Promise<{
  results: { chars: number; warnings: string[] }[];
  peakBefore: number;
  peakAfter: number;
  ms: number;
  extraction: { peakResidentBytes: number; processesStarted: number };
}> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', probe, ...args],
      { maxBuffer: 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    );
  });
}

test('four DOCX bombs at once (1.3 MB each, 1.3 GB inflated, headers declare 1 KB): refused, memory bounded', async () => {
  const bomb = join(dir, 'bomb.docx');
  writeFileSync(bomb, await docxBomb(1300));
  writeFileSync(join(dir, 'bomb.xlsx'), await xlsxBomb(512));
  writeFileSync(join(dir, 'bomb.ofd'), await ofdBomb(512));
  const run = await runProbe([
    '--parallel',
    ...Array.from({ length: 4 }, () => `docx:${bomb}`),
    `xlsx:${join(dir, 'bomb.xlsx')}`,
    `ofd:${join(dir, 'bomb.ofd')}`,
  ]);
  for (const r of run.results) {
    assert.equal(r.chars, 0);
    assert.match(r.warnings.join(' '), /unreadable file \((too many bytes in the stream|.*inflates)/);
  }
  // Before: the process peaked at 1.5 GB for one bomb. Now: node, the worker and one 64 MiB part.
  const growth = run.peakAfter - run.peakBefore;
  assert.ok(growth < 160 * MiB, `memory grew by ${Math.round(growth / MiB)} MiB`);
  // The extraction process itself (measured while it worked) stayed small too.
  const child = run.extraction.peakResidentBytes;
  assert.ok(child < 256 * MiB, `the extraction process peaked at ${Math.round(child / MiB)} MiB`);
  assert.ok(run.ms < 15_000, `took ${Math.round(run.ms)} ms`);
});

test('the extraction process: a file past its heap limit is stopped, reported, and the next file is read', async () => {
  try {
    configureExtraction({ heapMb: 16 });
    // 40 MiB of paragraph markup is legitimate ZIP-wise but needs far more than 16 MiB of heap.
    const big = await makeDocx(Array.from({ length: 200_000 }, (_, i) => `第${i}段 政府信息公开`));
    const refused = await extractTextWithReport(big, 'docx');
    assert.equal(refused.text, '');
    assert.match(refused.warnings[0]!, /memory limit \(16 MiB heap\)/);
    assert.equal((await extractTextWithReport(await makeDocx(['下一份']), 'docx')).text, '下一份');
  } finally {
    configureExtraction();
  }
});

test('the extraction process: a file that takes too long is stopped and reported', async () => {
  try {
    configureExtraction({ timeoutMs: 1 });
    const slow = await extractTextWithReport(await makeDocx(['慢']), 'docx');
    assert.equal(slow.text, '');
    assert.match(slow.warnings[0]!, /stopped after 0.001 s/);
  } finally {
    configureExtraction();
  }
  assert.equal((await extractTextWithReport(await makeDocx(['快']), 'docx')).text, '快');
});

test('XLSX: read from the bounded copy (pictures left out), entity bombs refused', async () => {
  const zip = await JSZip.loadAsync(await makeXlsx([['项目', '数量']]));
  zip.file('xl/media/image1.png', PNG);
  const withPicture = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.equal((await extractTextWithReport(withPicture, 'xlsx')).text, '项目\t数量');
  const laughs = await extractTextWithReport(await xlsxEntityBomb(), 'xlsx');
  assert.equal(laughs.text, '');
  assert.match(laughs.warnings[0]!, /declares a DTD/);
});
