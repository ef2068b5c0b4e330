// Browser tests drive Debian's Chromium through playwright-core against a real server on a
// loopback port, in the process's shared browser (chromium.ts). Without Chromium they skip with a
// one-line notice, unless GONGKAI_REQUIRE_BROWSER=1 (as CI sets it), when they fail.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { connectSqlite, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo, seedDemoOrganisation, seedSmallDemo, testApp, testConfig } from './app.ts';
import { demoVault } from '../../src/demo/demo-applications.ts';

export {
  browserAvailable,
  CHROMIUM,
  closeSharedBrowser,
  launchBrowser,
  releaseSharedBrowser,
  sharedBrowser,
} from './chromium.ts';

export interface LiveServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly handle: DatabaseHandle;
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 with a fresh SQLite database and the demo: the whole demo by default;
 * `{ demo: 'small' }` its people and its 50 publications of 2024 (seedSmallDemo), `{ demo:
 * 'organisation' }` its people alone, for suites that bring their own records (seeding the whole
 * catalog cost each suite several seconds of CPU).
 */
export async function startServer(
  options: { demo?: 'everything' | 'full' | 'small' | 'organisation' } = {},
): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
  const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
  await migrateToLatest(handle.db);
  // 'everything': the demo as `npm start` loads it, applications included (under a test key).
  const overrides = options.demo === 'everything' ? { personalDataKeys: ['7'.repeat(64)], dataDir: dir } : {};
  if (options.demo === 'organisation') await seedDemoOrganisation(handle);
  else if (options.demo === 'small') await seedSmallDemo(handle);
  else if (options.demo === 'everything') await seedDemo(handle, false, demoVault(testConfig(overrides)));
  else await seedDemo(handle);
  const app = await testApp(handle, overrides);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    handle,
    async stop() {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
  await page.evaluate(axeSource);
  // resultTypes: only violations are collected node by node (passes and the rest are counted, not
  // described), which is most of axe's time on a long page; the same rules run.
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  )) as {
    violations: AxeViolation[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A full-page screenshot to look at by hand, written only when GONGKAI_SCREENSHOTS names a
 * directory: nothing reads them, and encoding long pages as PNG cost the browser suites more than
 * many of their checks.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.GONGKAI_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: join(dir, `gongkai-${name}.png`), fullPage: true });
}

/** Signs a demo user in on `page` (the sign-in form, the demo password) and waits for the workbench. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#field-username').fill(username);
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL(`${baseUrl}/admin`),
    page.locator('form[action="/sign-in"] button[type=submit]').click(),
  ]);
}

/**
 * The checks every page of a browser journey passes, at desktop and phone width: axe without
 * serious or critical findings, the text scan (no message key, no stray English on a Chinese page),
 * nothing wider than the screen. Problems are collected in `problems`, so that one test lists them
 * all; a screenshot of each width is kept when GONGKAI_SCREENSHOTS names a folder.
 */
export async function checkPage(page: Page, name: string, lang: 'zh-CN' | 'en', problems: string[]): Promise<void> {
  const { findTextProblems } = await import('./page-texts.ts');
  for (const width of [1366, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const where = `${name} (${lang}, ${width})`;
    for (const v of await seriousViolations(page))
      problems.push(`${where}: ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    for (const p of findTextProblems(await page.content(), lang)) problems.push(`${where}: ${p}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${where}: ${overflow}px horizontal overflow`);
    await screenshot(page, `${name}-${lang}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
