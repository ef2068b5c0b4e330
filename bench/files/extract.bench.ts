// What isolating text extraction costs (npm run bench -- files): one ordinary DOCX (a 30-page
// notice, ~600 paragraphs) extracted in the server's own thread, as before, and through the
// extraction process, as now; the first isolated call includes starting that process. Then the
// bomb of the security review, in a child process each way, for the memory it costs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTextWithReport, stopExtractionProcess } from '../../src/platform/files/extract.ts';
import { extractInThisThread } from '../../src/platform/files/extract-core.ts';
import { makeDocx } from '../../test/support/files.ts';
import { docxBomb } from '../../test/support/hostile-files.ts';

const RUNS = 40;
const MiB = 1024 * 1024;

async function timeOf(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

function probe(args: string[]): Promise<{ peakBefore: number; peakAfter: number; ms: number }> {
  const script = fileURLToPath(new URL('../../test/support/extract-probe.ts', import.meta.url));
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { timeout: 120_000 }, (err, out) =>
      err ? reject(err) : resolve(JSON.parse(out)),
    ),
  );
}

export async function run() {
  const paragraphs = Array.from(
    { length: 600 },
    (_, i) => `第${i + 1}条 岳阳市人力资源和社会保障局依照《中华人民共和国政府信息公开条例》公开本机关的政府信息。`,
  );
  const docx = await makeDocx(paragraphs);
  stopExtractionProcess();
  const coldStart = performance.now();
  await extractTextWithReport(docx, 'docx');
  const firstIsolated = performance.now() - coldStart;
  const inThread = await timeOf(() => extractInThisThread(docx, 'docx'), RUNS);
  const isolated = await timeOf(() => extractTextWithReport(docx, 'docx'), RUNS);
  stopExtractionProcess();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-files-'));
  try {
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, await docxBomb(1300));
    // Before: the old reader (JSZip, whole entry in memory) is what extractInThisThread did with
    // the trusted headers; --in-thread now still reads through bounded-zip, so "before" is the
    // figure measured on the previous commit (docs/security.md), and these are after.
    const after = await probe([`docx:${bomb}`]);
    const afterInThread = await probe(['--in-thread', `docx:${bomb}`]);
    return {
      docxBytes: docx.length,
      inThreadMs: inThread,
      isolatedMs: isolated,
      firstIsolatedMs: firstIsolated,
      bombProcessGrowthMiB: (after.peakAfter - after.peakBefore) / MiB,
      bombInThreadGrowthMiB: (afterInThread.peakAfter - afterInThread.peakBefore) / MiB,
      bombMs: after.ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(r: Awaited<ReturnType<typeof run>>): void {
  console.log(`ordinary DOCX (${Math.round(r.docxBytes / 1024)} KB, 600 paragraphs), mean of ${RUNS}:`);
  console.log(`  in the server's thread:     ${r.inThreadMs.toFixed(1)} ms`);
  console.log(
    `  in the extraction process:  ${r.isolatedMs.toFixed(1)} ms  (×${(r.isolatedMs / r.inThreadMs).toFixed(2)})`,
  );
  console.log(`  first call (starts it):     ${r.firstIsolatedMs.toFixed(0)} ms`);
  console.log('DOCX bomb (1.3 MB, 1.3 GB inflated, headers declare 1 KB):');
  console.log(
    `  server process growth, isolated:   ${r.bombProcessGrowthMiB.toFixed(0)} MiB in ${r.bombMs.toFixed(0)} ms`,
  );
  console.log(`  server process growth, in thread:  ${r.bombInThreadGrowthMiB.toFixed(0)} MiB (bounded reader alone)`);
}
