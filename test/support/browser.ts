// Browser tests drive Debian's Chromium through playwright-core against a real server on a
// loopback port. Without Chromium they skip with a one-line notice, unless
// GONGKAI_REQUIRE_BROWSER=1 (as CI sets it), when they fail.
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { connectSqlite, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo, testApp } from './app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && process.env.GONGKAI_REQUIRE_BROWSER === '1') {
    throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but Chromium is not at ${CHROMIUM}`);
  }
  if (!present) console.log(`# browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return present;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface LiveServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly handle: DatabaseHandle;
  stop(): Promise<void>;
}

/** A real server on 127.0.0.1 with a fresh SQLite database and the demo. */
export async function startServer(): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
  const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
  await migrateToLatest(handle.db);
  await seedDemo(handle);
  const app = await testApp(handle);
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
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as {
    violations: AxeViolation[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
