// Start-up costs an operator pays (issue 20): the one-shot commands, and the server to its first
// page. Each figure is printed with the yardstick measured in the same run — CPU of `node -e 0`
// for the commands, and the targets' wall times for the server — because this machine is shared
// and noisy. Run after `npm run build` (npm ci does it): the figures are those of dist/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** CPU seconds (user + system) of one run of node with `args`, read from /usr/bin/time's output. */
function cpuSeconds(args: string[], env: NodeJS.ProcessEnv): number {
  const run = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  if (!m) throw new Error(`could not time ${args.join(' ')}: ${run.stderr}`);
  return Number(m[1]) + Number(m[2]);
}

async function firstPage(dataDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/start.mjs'], {
    cwd: root,
    env: { ...env, GONGKAI_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    for (;;) {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        const response = await fetch(`${m[1]}/`);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`/ answered ${response.status}`);
        return (performance.now() - started) / 1000;
      }
      if (child.exitCode !== null) throw new Error(`the server stopped:\n${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function run() {
  if (!existsSync(join(root, 'dist', 'BUILD'))) throw new Error('no build: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-startup-'));
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir };
  delete env.NODE_OPTIONS;
  delete env.DATABASE_URL;
  try {
    const text = join(dir, 'letter.txt');
    writeFileSync(text, '申请人张三，联系电话13812345678，请公开2025年就业补助资金的使用情况。\n');
    const commands: Record<string, string[]> = {
      'calendar is-workday': ['bin/gongkai.mjs', 'calendar', 'is-workday', '2025-01-26'],
      'fee quote': ['bin/gongkai.mjs', 'fee', 'quote', '--pages', '120'],
      'pii scan (small file)': ['bin/gongkai.mjs', 'pii', 'scan', text],
      // A received annual report (the 2021 template, written by renderReport from the reports
      // module's sample inputs): the checker reads it, no database.
      'report check (one JSON)': ['bin/gongkai.mjs', 'report', 'check', join(root, 'bench/startup/annual-report.json')],
    };
    // The calendar command reads the database: create and migrate it once, outside the timing.
    spawnSync(process.execPath, ['bin/gongkai.mjs', 'migrate'], { cwd: root, env });
    const yardstick: number[] = [];
    const costs: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    // Interleaved, so that a burst of load on the machine touches the yardstick and the commands alike.
    for (let i = 0; i < RUNS; i++) {
      yardstick.push(cpuSeconds(['-e', '0'], env));
      for (const [name, args] of Object.entries(commands)) costs[name]!.push(cpuSeconds(args, env));
    }
    const base = median(yardstick);
    const oneShot = Object.entries(costs).map(([name, values]) => ({
      command: name,
      cpuSeconds: median(values),
      ratio: median(values) / base,
      target: 3,
    }));

    const fresh = mkdtempSync(join(tmpdir(), 'gongkai-bench-first-'));
    const firstWithDemo = await firstPage(fresh, env);
    const existing = await firstPage(fresh, env);
    rmSync(fresh, { recursive: true, force: true });
    return {
      yardstickCpuSeconds: base,
      oneShot,
      server: [
        { start: 'existing data directory → first 200 on /', wallSeconds: existing, targetSeconds: 2 },
        { start: 'first start, loading the demo → first 200 on /', wallSeconds: firstWithDemo, targetSeconds: 5 },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(result: Awaited<ReturnType<typeof run>>): void {
  console.log(`yardstick: node -e 0 = ${result.yardstickCpuSeconds.toFixed(3)} s CPU (median of ${RUNS})`);
  for (const c of result.oneShot) {
    console.log(
      `${c.command.padEnd(24)} ${c.cpuSeconds.toFixed(3)} s CPU  = ${c.ratio.toFixed(1)}× node -e 0  (target ≤ ${c.target}×) ${c.ratio <= c.target ? 'ok' : 'MISSED'}`,
    );
  }
  for (const s of result.server) {
    console.log(
      `${s.start}: ${s.wallSeconds.toFixed(2)} s wall (target ≤ ${s.targetSeconds} s on an idle machine) ${s.wallSeconds <= s.targetSeconds ? 'ok' : 'MISSED'}`,
    );
  }
}
