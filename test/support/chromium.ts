// Chromium for the browser suites: launched once per test process and shared by every suite in it
// (each test works in contexts of its own), instead of one launch per file. A browser that crashed
// or was closed is launched again by the next sharedBrowser(). test/all.test.ts closes it when every
// file has run; a file run on its own (node --test FILE) closes it after its suite instead, so the
// process can end. Kept free of the application's imports, so the entry can load it cheaply.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && process.env.GONGKAI_REQUIRE_BROWSER === '1') {
    throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but Chromium is not at ${CHROMIUM}`);
  }
  if (!present) console.log(`# browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return present;
}

/** A browser of its own, for a caller that closes it (the long XSS run, the benchmarks). */
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

let shared: Promise<Browser> | undefined;
let closedByEntry = false;

/** The process's browser: the one already running, or a new one when there is none or it died. */
export async function sharedBrowser(): Promise<Browser> {
  const running = await shared?.catch(() => undefined);
  if (running?.isConnected()) return running;
  const launching = launchBrowser();
  shared = launching;
  launching.then(
    (browser) => browser.on('disconnected', () => shared === launching && (shared = undefined)),
    () => shared === launching && (shared = undefined),
  );
  return launching;
}

/** After a suite: closes the contexts it left open, and the browser too unless the entry will. */
export async function releaseSharedBrowser(): Promise<void> {
  const running = await shared?.catch(() => undefined);
  if (!running) return;
  if (!closedByEntry) return closeSharedBrowser();
  for (const context of running.contexts()) await context.close().catch(() => undefined);
}

export async function closeSharedBrowser(): Promise<void> {
  const running = await shared?.catch(() => undefined);
  shared = undefined;
  await running?.close().catch(() => undefined);
}

/** For the entry that runs many files in one process: keep the browser between suites, close it
 *  at the end (the caller registers closeSharedBrowser as its last hook). */
export function keepSharedBrowserBetweenSuites(): void {
  closedByEntry = true;
}
