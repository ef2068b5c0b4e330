// Run as a child process by the files suites and the bench: extracts the text of files with the
// platform's extractTextWithReport and prints what it cost (peak resident memory of the whole
// process before and after, milliseconds), so a bomb that blows up memory shows as a number or a
// crash, not as a hung test runner.
// Usage: node --import tsx test/support/extract-probe.ts [--parallel] [--repeat=N] kind:file …
import { readFileSync } from 'node:fs';
import { extractionStats, extractTextWithReport } from '../../src/platform/files/extract.ts';
import { extractInThisThread } from '../../src/platform/files/extract-core.ts';
import type { FileKind } from '../../src/platform/files/kinds.ts';

const args = process.argv.slice(2);
const parallel = args.includes('--parallel');
const inThread = args.includes('--in-thread');
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 1);
const jobs = args
  .filter((a) => !a.startsWith('--'))
  .map((a) => {
    const [kind, file] = [a.slice(0, a.indexOf(':')), a.slice(a.indexOf(':') + 1)];
    return { kind: kind as FileKind, file, bytes: readFileSync(file) };
  });
const extract = inThread ? extractInThisThread : extractTextWithReport;
const peakBefore = process.resourceUsage().maxRSS * 1024;
const start = performance.now();
const one = async (job: (typeof jobs)[number]) => {
  const t = performance.now();
  let result = await extract(job.bytes, job.kind);
  for (let i = 1; i < repeat; i++) result = await extract(job.bytes, job.kind);
  return {
    file: job.file,
    chars: result.text.length,
    head: result.text.slice(0, 80),
    warnings: result.warnings,
    ms: (performance.now() - t) / repeat,
  };
};
const results = parallel ? await Promise.all(jobs.map(one)) : [];
if (!parallel) for (const job of jobs) results.push(await one(job));
process.stdout.write(
  `${JSON.stringify({ results, peakBefore, peakAfter: process.resourceUsage().maxRSS * 1024, ms: performance.now() - start, extraction: extractionStats() })}\n`,
);
process.exit(0);
