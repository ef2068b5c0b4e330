// The hostile-files suite: uploads bombs (ZIP, nested, XML entity expansion), polyglots, disguised
// types, traversal names and fuzzed documents through the real attachment route of a real server
// process (files-server.ts), and watches that it answers every one with a 2xx/3xx/4xx, stays up,
// and stays within its memory bound — the server and its extraction process measured apart.
//   bounded (CI):  test/security/files-suite.test.ts runs runFilesSuite({ long: false })
//   long run:      npm run test:files-long   (node --import tsx test/security/files-suite.ts --long)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DEMO_PASSWORD } from '../support/app.ts';
import { CHINESE_PDF, makeDocx, makeOfd, makeXlsx } from '../support/files.ts';
import {
  disguisedFiles,
  docxBomb,
  docxEntityBomb,
  docxExternalEntity,
  docxTraversalNames,
  docxWithNestedBomb,
  honestDocxBomb,
  manyEntriesBomb,
  nestedBomb,
  ofdBomb,
  xlsxBomb,
  xlsxEntityBomb,
} from '../support/hostile-files.ts';

const MiB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface HostileFile {
  readonly label: string;
  readonly filename: string;
  readonly bytes: Buffer;
  readonly type: string;
}

export interface FilesSuiteResult {
  /** Files uploaded (each counted once, also when sent in a concurrent batch). */
  readonly tried: number;
  /** Times the server process died (it is restarted to go on). */
  readonly crashes: number;
  /** Answers that were 5xx or no answer at all, with the file's label. */
  readonly failures: readonly string[];
  /** Peak resident memory of the server process and of its extraction process, bytes. */
  readonly serverPeak: number;
  readonly extractionPeak: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** The bounded set: every kind of attack once, and four bombs at once. */
export async function boundedFiles(): Promise<{ sequential: HostileFile[]; concurrent: HostileFile[] }> {
  const f = (label: string, filename: string, bytes: Buffer, type = DOCX): HostileFile => ({
    label,
    filename,
    bytes,
    type,
  });
  const bomb = await docxBomb(1300);
  return {
    sequential: [
      f('DOCX bomb, headers declare 1 KB (1.3 GB inflated)', 'bomb.docx', bomb),
      f('DOCX bomb, headers honest (1.3 GB declared)', 'honest.docx', await honestDocxBomb(1300)),
      f('XLSX bomb in the shared strings (512 MB)', 'bomb.xlsx', await xlsxBomb(512)),
      f('OFD bomb in a page (512 MB)', 'bomb.ofd', await ofdBomb(512), 'application/ofd'),
      f('11,000 entries, each a 1 MB bomb', 'many.docx', await manyEntriesBomb(11_000, 1)),
      f('nested ZIP (42.zip style, 4 levels × 8)', 'nested.zip', await nestedBomb(4, 8, 64), 'application/zip'),
      f('DOCX embedding a nested bomb', 'embedded.docx', await docxWithNestedBomb()),
      f('DOCX billion laughs', 'laughs.docx', docxEntityBomb()),
      f('XLSX billion laughs', 'laughs.xlsx', await xlsxEntityBomb()),
      f('DOCX external entity (XXE)', 'xxe.docx', docxExternalEntity()),
      f('DOCX with traversal entry names', 'traversal.docx', docxTraversalNames()),
      ...(await disguisedFiles()),
      f('an honest DOCX (control)', '通知.docx', await makeDocx(['岳阳市人力资源和社会保障局 通知'])),
    ],
    concurrent: Array.from({ length: 4 }, (_, i) => f(`DOCX bomb ${i + 1} of 4 at once`, `bomb${i}.docx`, bomb)),
  };
}

/** The long run adds bombs of other sizes and fuzzed documents (fast-check, fixed seed). */
export async function longFiles(count: number): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  for (const mib of [16, 64, 256, 1024, 4000])
    files.push({ label: `DOCX bomb ${mib} MB`, filename: 'b.docx', bytes: await docxBomb(mib), type: DOCX });
  for (const n of [1000, 9000, 10_001])
    files.push({ label: `${n} entries`, filename: 'm.docx', bytes: await manyEntriesBomb(n, 1), type: DOCX });
  const seeds: { name: string; bytes: Buffer; type: string }[] = [
    { name: 'f.docx', bytes: await makeDocx(['政府信息公开'.repeat(50)]), type: DOCX },
    { name: 'f.xlsx', bytes: await makeXlsx([['项目', 1]]), type: 'application/octet-stream' },
    { name: 'f.ofd', bytes: await makeOfd(['公开']), type: 'application/ofd' },
    { name: 'f.pdf', bytes: CHINESE_PDF, type: 'application/pdf' },
  ];
  // Byte flips, truncations and splices at random places of real documents: the parsers' error
  // paths, which a hand-made list never reaches.
  const mutation = fc.record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }),
    cut: fc.option(fc.nat()),
  });
  for (const m of fc.sample(mutation, { numRuns: count, seed: 20261207 })) {
    const seed = seeds[m.seed]!;
    let bytes = Buffer.from(seed.bytes);
    for (const [at, value] of m.flips) bytes[at % bytes.length] = value;
    if (m.cut !== null) bytes = bytes.subarray(0, Math.max(1, m.cut % bytes.length));
    files.push({ label: `fuzzed ${seed.name}`, filename: seed.name, bytes, type: seed.type });
  }
  return files;
}

function residentOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

interface Server {
  readonly process: ChildProcess;
  readonly base: string;
  readonly items: number[];
}

const here = fileURLToPath(new URL('.', import.meta.url));

async function startServer(root: string, drafts: number): Promise<Server> {
  // Each start (the first, and after a crash) on a fresh database of its own.
  const dataDir = mkdtempSync(join(root, 'server-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'files-server.ts'), dataDir, String(drafts)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`files server exited (${code}) before listening`)));
  });
  const { port, items } = JSON.parse(line) as { port: number; items: number[] };
  return { process: child, base: `http://127.0.0.1:${port}`, items };
}

/** A browser-like session over real HTTP: cookies, and the CSRF token of the last page. */
class Session {
  private cookies = new Map<string, string>();
  token = '';
  constructor(private readonly base: string) {}
  private keep(res: Response, body: string): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (value) this.cookies.set(name!, value);
      else this.cookies.delete(name!);
    }
    this.token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.token;
  }
  private cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(path: string): Promise<number> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookie() }, redirect: 'manual' });
    this.keep(res, await res.text());
    return res.status;
  }
  async post(path: string, form: FormData | URLSearchParams): Promise<number> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { cookie: this.cookie() },
      body: form,
      redirect: 'manual',
    });
    this.keep(res, await res.text());
    return res.status;
  }
}

async function signIn(base: string): Promise<Session> {
  const session = new Session(base);
  await session.get('/sign-in');
  const status = await session.post(
    '/sign-in',
    new URLSearchParams({ _csrf: session.token, username: 'drafter', password: DEMO_PASSWORD }),
  );
  if (status !== 303) throw new Error(`drafter could not sign in (${status})`);
  await session.get('/account');
  return session;
}

export async function runFilesSuite(options: { long: boolean; fuzz?: number; log?: (line: string) => void }) {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const { sequential, concurrent } = await boundedFiles();
  const extra = options.long ? await longFiles(options.fuzz ?? 400) : [];
  const all = [...sequential, ...extra];
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-files-suite-'));
  const perItem = 15;
  const drafts = Math.ceil((all.length + concurrent.length) / perItem) + 1;
  let server = await startServer(dataDir, drafts);
  let session = await signIn(server.base);
  let crashes = 0;
  let serverPeak = 0;
  let extractionPeak = 0;
  const sample = () => {
    serverPeak = Math.max(serverPeak, residentOf(server.process.pid));
    for (const pid of childrenOf(server.process.pid)) extractionPeak = Math.max(extractionPeak, residentOf(pid));
  };
  const sampler = setInterval(sample, 20);
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  let tried = 0;
  const upload = async (file: HostileFile): Promise<void> => {
    const item = server.items[Math.min(server.items.length - 1, Math.floor(tried / perItem))]!;
    tried++;
    const form = new FormData();
    form.append('_csrf', session.token);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.filename);
    try {
      const status = await session.post(`/admin/items/${item}/attachments`, form);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 500) failures.push(`${file.label}: ${status}`);
    } catch (error) {
      failures.push(`${file.label}: no answer (${(error as Error).message})`);
    }
  };
  const alive = async (label: string): Promise<void> => {
    const up = await fetch(`${server.base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up && server.process.exitCode === null) return;
    crashes++;
    failures.push(`${label}: the server went down`);
    server.process.kill('SIGKILL');
    server = await startServer(dataDir, drafts);
    session = await signIn(server.base);
  };
  try {
    for (const [n, file] of all.entries()) {
      await upload(file);
      await alive(file.label);
      if (n % 50 === 49) log(`${n + 1}/${all.length} files, ${crashes} crashes`);
    }
    await session.get(`/admin/items/${server.items[0]}`);
    await Promise.all(concurrent.map(upload));
    await alive('four bombs at once');
    sample();
  } finally {
    clearInterval(sampler);
    server.process.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (existsSync('/tmp/gongkai-pwned.txt')) failures.push('a traversal name wrote /tmp/gongkai-pwned.txt');
  return {
    tried,
    crashes,
    failures,
    serverPeak,
    extractionPeak,
    statuses,
    seconds: (performance.now() - started) / 1000,
  } satisfies FilesSuiteResult;
}

export function formatResult(r: FilesSuiteResult): string {
  return [
    `files tried:            ${r.tried}`,
    `server crashes:         ${r.crashes}`,
    `5xx or no answer:       ${r.failures.length}${r.failures.length ? ` (${r.failures.slice(0, 5).join('; ')})` : ''}`,
    `peak memory, server:    ${Math.round(r.serverPeak / MiB)} MiB resident`,
    `peak memory, extractor: ${Math.round(r.extractionPeak / MiB)} MiB resident`,
    `answers:                ${Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
    `time:                   ${r.seconds.toFixed(1)} s`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const long = process.argv.includes('--long');
  const fuzz = Number(process.argv.find((a) => a.startsWith('--fuzz='))?.slice(7) ?? 400);
  const result = await runFilesSuite({ long, fuzz, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${formatResult(result)}\n`);
  process.exit(result.crashes === 0 && result.failures.length === 0 ? 0 : 1);
}
