// Portal speed: the catalog page and an item page under 64 concurrent keep-alive connections,
// served by the application (its own process, rendered-page cache warm) against nginx serving the
// SAME bytes as static files, measured in the same run with the same load generator. Prints the
// requests-per-second ratio (target ≥ 0.70) and p99 latency (target < 50 ms).
// Run: npm run bench -- portal   (or node --import tsx bench/portal/portal.bench.ts [seconds])
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load, type LoadResult } from './load.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const CONNECTIONS = 64;

export interface PortalBenchRow {
  readonly page: string;
  readonly app: LoadResult;
  readonly nginx: LoadResult;
  readonly ratio: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function startApp(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, port: (JSON.parse(line) as { port: number }).port });
    });
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

async function startNginx(root: string, port: number): Promise<ChildProcess> {
  const conf = join(root, '..', 'nginx.conf');
  const tmp = join(root, '..', 'tmp');
  mkdirSync(tmp, { recursive: true });
  // One worker, like the one Node process it is compared with; the usual static-file settings.
  writeFileSync(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log crit;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  open_file_cache max=1000 inactive=60s;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    etag on;
  }
}
`,
  );
  const child = spawn(NGINX, ['-c', conf, '-p', tmp], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      fetch(`http://127.0.0.1:${port}/catalog`).then(
        (r) => resolve(r.status === 200),
        () => resolve(false),
      );
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('nginx did not start');
}

export async function run(options: { seconds?: number } = {}): Promise<PortalBenchRow[]> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 8);
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX} (apt-get install nginx-light)`);
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  const root = join(work, 'www');
  const app = await startApp();
  let nginx: ChildProcess | undefined;
  try {
    const catalog = await fetch(`http://127.0.0.1:${app.port}/catalog`);
    const catalogHtml = Buffer.from(await catalog.arrayBuffer());
    const firstItem = /href="\/items\/(\d+)"/.exec(catalogHtml.toString('utf8'))?.[1];
    if (!firstItem) throw new Error('the demo catalog has no item');
    const itemPath = `/items/${firstItem}`;
    const itemHtml = Buffer.from(await (await fetch(`http://127.0.0.1:${app.port}${itemPath}`)).arrayBuffer());
    mkdirSync(join(root, 'items'), { recursive: true });
    writeFileSync(join(root, 'catalog'), catalogHtml);
    writeFileSync(join(root, 'items', firstItem), itemHtml);
    const port = await freePort();
    nginx = await startNginx(root, port);
    const rows: PortalBenchRow[] = [];
    for (const [page, path] of [
      ['catalog', '/catalog'],
      ['item', itemPath],
    ] as const) {
      // Alternate and take each side's best of three runs: other engineers share these cores.
      const appRuns: LoadResult[] = [];
      const nginxRuns: LoadResult[] = [];
      for (let i = 0; i < 3; i++) {
        appRuns.push(await load({ port: app.port, path, connections: CONNECTIONS, seconds }));
        nginxRuns.push(await load({ port, path, connections: CONNECTIONS, seconds }));
      }
      const best = (runs: LoadResult[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
      const a = best(appRuns);
      const n = best(nginxRuns);
      rows.push({ page, app: a, nginx: n, ratio: a.rps / n.rps });
    }
    return rows;
  } finally {
    nginx?.kill('SIGTERM');
    app.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

export function report(rows: PortalBenchRow[]): void {
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`${CONNECTIONS} connections, keep-alive, identity encoding; the same HTML bytes from both servers`);
  console.log('page     app rps   nginx rps   ratio   app p50/p99 ms    nginx p50/p99 ms   bytes   target');
  for (const r of rows) {
    const ok = r.ratio >= 0.7 && r.app.p99 < 50;
    console.log(
      `${r.page.padEnd(8)} ${f(r.app.rps, 0).padStart(7)}   ${f(r.nginx.rps, 0).padStart(9)}   ${f(r.ratio, 2).padStart(5)}   ${`${f(r.app.p50)}/${f(r.app.p99)}`.padStart(14)}    ${`${f(r.nginx.p50)}/${f(r.nginx.p99)}`.padStart(15)}   ${String(Math.round(r.app.bytes / Math.max(1, r.app.requests))).padStart(5)}   ${ok ? 'met (≥0.70, p99<50)' : 'NOT met'}${r.app.errors + r.nginx.errors ? `  errors ${r.app.errors}/${r.nginx.errors}` : ''}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  report(await run({ seconds: Number(process.argv[2] ?? 8) }));
}
