// Text of a stored file, for the search index and the personal-data guard. Parsing a DOCX, XLSX,
// PDF or OFD means running large parsers over bytes an uploader chose; so it happens in a child
// process (extract-worker.ts) with a heap limit, a resident-memory watchdog and a time limit, one
// file at a time. A file that exhausts any of them gets '' and a warning, the process is replaced,
// and the server and every other request carry on. Inside it packages are inflated through
// bounded-zip.ts, which counts real bytes, so the limits here are the second line, not the first.
//
// Why a process and not a worker thread: a worker's resourceLimits do not reliably contain an
// out-of-memory — V8 can still abort the whole process (nodejs/node#47224, open) — and they do
// not count ArrayBuffers at all, which is where inflated data and pdf.js's decoded streams live.
// A process is contained by the operating system, and its resident memory can be measured.
//
// Never throws: a failed extraction must not block an upload.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extractInThisThread, type ExtractOptions, type ExtractResult } from './extract-core.ts';
import type { ExtractJob } from './extract-worker.ts';
import type { FileKind } from './kinds.ts';

export type { ExtractOptions, ExtractResult } from './extract-core.ts';

export interface ExtractionLimits {
  /** V8 old-generation heap of the extraction process, MiB (strings, parsed documents). */
  readonly heapMb: number;
  /** Resident memory of the extraction process, MiB, heap and buffers together (Linux). */
  readonly rssMb: number;
  /** Wall-clock time for one file, ms; past it the process is killed. */
  readonly timeoutMs: number;
  /** An idle process is ended after this long, giving its memory back. */
  readonly idleMs: number;
}

export const EXTRACTION_LIMITS: ExtractionLimits = Object.freeze({
  heapMb: 384,
  rssMb: 640,
  timeoutMs: 30_000,
  idleMs: 60_000,
});
let limits = EXTRACTION_LIMITS;

/** Changes the limits (tests and the benchmark); the next process started uses them. */
export function configureExtraction(next: Partial<ExtractionLimits> = {}): void {
  limits = { ...EXTRACTION_LIMITS, ...next };
  stopExtractionProcess();
}

/** Kinds parsed in the extraction process; plain text is only decoded, which stays here. */
const ISOLATED_KINDS: ReadonlySet<FileKind> = new Set(['docx', 'xlsx', 'pdf', 'ofd']);
const WATCH_MS = 50;

interface Job {
  readonly job: ExtractJob;
  readonly resolve: (result: ExtractResult) => void;
}

const queue: Job[] = [];
let running = false;
let child: ChildProcess | undefined;
let idleTimer: NodeJS.Timeout | undefined;
const stats = { processesStarted: 0, processesStopped: 0, peakResidentBytes: 0 };

/** What the isolation cost and caught so far in this server (the files suite reports it). */
export function extractionStats(): Readonly<typeof stats> {
  return { ...stats };
}

function startChild(): ChildProcess {
  // Compiled (dist/) the worker is plain JavaScript; from source a shim registers tsx first.
  const workerEntry = import.meta.url.endsWith('.js') ? './extract-worker.js' : './extract-worker.mjs';
  const c = fork(new URL(workerEntry, import.meta.url), [], {
    execArgv: [`--max-old-space-size=${limits.heapMb}`, '--max-semi-space-size=16'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // Only the end of stderr is kept: V8's "heap out of memory" report says why it died.
  let tail = '';
  c.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-2048);
  });
  (c as ChildProcess & { stderrTail: () => string }).stderrTail = () => tail;
  idle(c);
  stats.processesStarted++;
  return c;
}

/** An idle process must not keep a CLI command or a test process alive. */
function idle(c: ChildProcess): void {
  c.unref();
  (c.channel as { unref?: () => void } | undefined)?.unref?.();
}

function busy(c: ChildProcess): void {
  c.ref();
  (c.channel as { ref?: () => void } | undefined)?.ref?.();
}

/** Ends the extraction process (idle timeout, tests, shutdown); the next file starts a new one. */
export function stopExtractionProcess(): void {
  const c = child;
  child = undefined;
  if (c && c.exitCode === null) c.kill('SIGKILL');
}

/** Resident memory of a process in bytes (Linux /proc; undefined elsewhere or once it is gone). */
export function residentBytes(pid: number): number | undefined {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return pages * 4096;
  } catch {
    return undefined;
  }
}

function failed(kind: FileKind | null, why: string): ExtractResult {
  return { text: '', truncated: false, warnings: [`${kind}: ${why}`] };
}

function runIsolated(job: ExtractJob): Promise<ExtractResult> {
  const c = (child ??= startChild());
  busy(c);
  return new Promise((resolve) => {
    const finish = (result: ExtractResult, broken: boolean) => {
      clearTimeout(timer);
      clearInterval(watch);
      c.off('message', onMessage);
      c.off('exit', onExit);
      c.off('error', onError);
      sample();
      if (broken) {
        stats.processesStopped++;
        if (child === c) child = undefined;
        if (c.exitCode === null) c.kill('SIGKILL');
      } else idle(c);
      resolve(result);
    };
    const onMessage = (result: ExtractResult) => finish(result, false);
    const onExit = (code: number | null, signal: string | null) => {
      const tail = (c as ChildProcess & { stderrTail?: () => string }).stderrTail?.() ?? '';
      finish(
        failed(
          job.kind,
          /heap out of memory|heap limit/i.test(tail)
            ? `extraction stopped at its memory limit (${limits.heapMb} MiB heap)`
            : `extraction process ended (${signal ?? code})`,
        ),
        true,
      );
    };
    const onError = (err: Error) => finish(failed(job.kind, `extraction failed (${err.message.slice(0, 200)})`), true);
    const timer = setTimeout(
      () => finish(failed(job.kind, `extraction stopped after ${limits.timeoutMs / 1000} s`), true),
      limits.timeoutMs,
    );
    const sample = () => {
      const rss = c.pid === undefined ? undefined : residentBytes(c.pid);
      if (rss !== undefined) stats.peakResidentBytes = Math.max(stats.peakResidentBytes, rss);
      return rss;
    };
    const watch = setInterval(() => {
      const rss = sample();
      if (rss !== undefined && rss > limits.rssMb * 1024 * 1024)
        finish(failed(job.kind, `extraction stopped at its memory limit (${limits.rssMb} MiB resident)`), true);
    }, WATCH_MS);
    c.on('message', onMessage);
    c.on('exit', onExit);
    c.on('error', onError);
    c.send(job);
  });
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  clearTimeout(idleTimer);
  try {
    for (let next = queue.shift(); next; next = queue.shift()) next.resolve(await runIsolated(next.job));
  } finally {
    running = false;
  }
  idleTimer = setTimeout(stopExtractionProcess, limits.idleMs);
  idleTimer.unref();
}

/** The file's text with what went wrong, if anything. */
export async function extractTextWithReport(
  bytes: Uint8Array,
  kind: FileKind | null,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  if (kind === null || !ISOLATED_KINDS.has(kind)) return extractInThisThread(bytes, kind, options);
  // One file at a time: four bombs at once cost what one costs, not four times as much.
  return new Promise((resolve) => {
    queue.push({ job: { bytes: new Uint8Array(bytes), kind, options }, resolve });
    void drain();
  });
}

/** The file's text ('' when there is none or the file cannot be read). Never throws. */
export async function extractText(
  bytes: Uint8Array,
  kind: FileKind | null,
  options: ExtractOptions = {},
): Promise<string> {
  return (await extractTextWithReport(bytes, kind, options)).text;
}
