// What a reader must never see on a page rendered in the browser: the text checks of
// page-texts.ts (message keys, code words, English on a Chinese page) on the live document, and
// a page too tall to scroll on a phone or wider than the phone.
import type { Page } from 'playwright-core';
import { demoUsers } from '../../src/demo/demo-organisation.ts';
import { findTextProblems } from './page-texts.ts';

/** The longest page a phone reader is asked to scroll, in CSS pixels at 360 px wide. */
export const MAX_PHONE_HEIGHT = 20_000;

// Sign-in names are data the administrator typed, shown as they are (admin, officehead …).
const USERNAMES: ReadonlySet<string> = new Set(demoUsers.map((u) => u.username));

/** The text problems of the page as the browser holds it now (after its scripts ran). */
export async function scanText(page: Page, chinese: boolean): Promise<string[]> {
  return findTextProblems(await page.content(), chinese ? 'zh-CN' : 'en', USERNAMES);
}

/** At the current width: how tall the page is and how far it overflows sideways. */
export async function phoneFit(page: Page): Promise<{ height: number; overflow: number }> {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
}
