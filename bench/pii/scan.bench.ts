// How much slower is the personal-data guard than the cheapest thing that could pretend to do its
// job, one regular expression? Run: node --import tsx bench/pii/scan.bench.ts [MB]
import { pathToFileURL } from 'node:url';
import { documentText, generateCorpus } from '../../src/platform/pii/corpus.ts';
import { scanText } from '../../src/platform/pii/scanner.ts';

export interface PiiBenchResult {
  /** UTF-8 bytes of the scanned text (1 MB = 10^6 bytes). */
  readonly bytes: number;
  readonly guardMBps: number;
  readonly plainMBps: number;
  /** guard throughput / plain throughput. */
  readonly ratio: number;
  readonly guardFindings: number;
  readonly plainMatches: number;
}

function bestOf<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, result: result as T };
}

export function run(options: { megabytes?: number; runs?: number; seed?: number } = {}): PiiBenchResult {
  const megabytes = options.megabytes ?? 20;
  const runs = options.runs ?? 5;
  const docs = generateCorpus({ seed: options.seed ?? 42, bytes: megabytes * 1e6 });
  const text = docs.map(documentText).join('\n');
  const bytes = Buffer.byteLength(text, 'utf8');

  const plain = bestOf(runs, () => {
    const re = /\d{15,19}|1[3-9]\d{9}/g;
    let n = 0;
    while (re.exec(text) !== null) n++;
    return n;
  });
  const guard = bestOf(runs, () => scanText(text).length);

  const mbps = (ms: number): number => bytes / 1e6 / (ms / 1000);
  return {
    bytes,
    guardMBps: mbps(guard.ms),
    plainMBps: mbps(plain.ms),
    ratio: plain.ms / guard.ms,
    guardFindings: guard.result,
    plainMatches: plain.result,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = Number(process.argv[2]);
  const r = run(Number.isFinite(arg) && arg > 0 ? { megabytes: arg } : {});
  console.log(`pii scan over ${(r.bytes / 1e6).toFixed(1)} MB, best of 5:`);
  console.log(`  guard (scanText)  ${r.guardMBps.toFixed(1)} MB/s, ${r.guardFindings} findings`);
  console.log(`  plain one regex   ${r.plainMBps.toFixed(1)} MB/s, ${r.plainMatches} matches`);
  console.log(`  guard/plain = ${r.ratio.toFixed(2)}×`);
}
