// What the intake benchmark and the kill -9 durability test share: a real server process on a
// SQLite data directory, and applicants who open the form (CSRF cookie and token, a proof-of-work
// challenge), solve the challenge as the browser's pow.js does, and post the form. The server
// runs with GONGKAI_TRUST_PROXY=1 and each submission names its own client address in
// X-Forwarded-For, so the per-address rate limit of /apply (10 per 10 minutes) applies as it
// would to many applicants instead of one loopback address.
import { spawn, type ChildProcess } from 'node:child_process';
import { solveChallenge } from '../../src/platform/pow.ts';
import { creditCodeCheckChar, residentIdCheckChar } from '../../src/platform/pii/identifiers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface Server {
  readonly base: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown handler runs, nothing is flushed. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GONGKAI_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    GONGKAI_TRUST_PROXY: '1',
    GONGKAI_ADMIN_PASSWORD: 'Intake-Bench-2026!',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  // LOG_LEVEL=warn hides the "listening" line: ask the process for its address another way.
  env.LOG_LEVEL = 'info';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + d).slice(-200_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-200_000)));
  const started = Date.now();
  let base = '';
  while (!base) {
    const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) base = m[1]!;
    else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${out.slice(-3000)}`);
    } else await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  return {
    base,
    child,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A filled-in form ready to post: its own CSRF cookie and token and a solved challenge. */
export interface PreparedForm {
  readonly cookie: string;
  readonly body: string;
  readonly ip: string;
}

function residentId(n: number): string {
  const first17 = `430602${1970 + (n % 30)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function creditCode(n: number): string {
  const first17 = `91430600${String(100000000 + n).slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The applicant's fields: natural persons and businesses in turn. */
export function applicantFields(n: number): Record<string, string> {
  const common = {
    phone: `1397300${String(n % 10000).padStart(4, '0')}`,
    description: `压测申请 ${n}：本局2025年就业补助资金分配情况`,
    form_wanted: 'electronic',
    delivery_way: 'online',
  };
  return n % 2
    ? {
        ...common,
        applicant_kind: 'business',
        applicant_name: `压测企业${n}有限公司`,
        credit_code: creditCode(n),
        contact_person: '张伟',
      }
    : { ...common, applicant_kind: 'natural_person', applicant_name: `压测申请人${n}`, id_number: residentId(n) };
}

/** Opens the form as a browser does and solves its challenge. `n` numbers the applicant. */
export async function prepareForm(base: string, agencyId: number, n: number): Promise<PreparedForm> {
  const page = await fetch(`${base}/apply`);
  const html = await page.text();
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const challenge = /name="pow_challenge" value="([^"]+)"/.exec(html)?.[1];
  const difficulty = Number(/data-pow="(\d+)"/.exec(html)?.[1]);
  if (!token || !challenge || !difficulty) throw new Error('the application form has no CSRF token or challenge');
  const nonce = solveChallenge(challenge.replace(/&amp;/g, '&'), difficulty);
  const body = new URLSearchParams({
    _csrf: token,
    agency_id: String(agencyId),
    pow_challenge: challenge.replace(/&amp;/g, '&'),
    pow_nonce: nonce,
    pow_answer: '',
    ...applicantFields(n),
  }).toString();
  return { cookie, body, ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/** Posts a prepared form; the tracking code when the receipt page came back (acknowledged). */
export async function submit(base: string, form: PreparedForm): Promise<string | null> {
  const res = await fetch(`${base}/apply`, {
    method: 'POST',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': form.ip },
    body: form.body,
  });
  const html = await res.text();
  if (res.status !== 200) return null;
  return /data-tracking-code="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** The id of the agency by code, from the public form's choices. */
export async function agencyIdOf(base: string, code: string): Promise<number> {
  const res = await fetch(`${base}/apply?agency=${encodeURIComponent(code)}`);
  const html = await res.text();
  const m = /<option value="(\d+)" selected>/.exec(html) ?? /<option value="(\d+)"[^>]*selected/.exec(html);
  if (!m) throw new Error(`agency ${code} is not on the form`);
  return Number(m[1]);
}

/** Runs `items` through `worker` with `concurrency` at a time. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await worker(items[i]!, i);
      }
    }),
  );
  return results;
}
