// What a reader must never see on a rendered page, checked in the browser: message keys that
// did not resolve, English code words on a Chinese page, a page too tall to scroll on a phone, or
// wider than the phone. Used by the per-role journeys; the words allowed on a Chinese page are the
// names of formats and standards that Chinese government sites print as they are.
import type { Page } from 'playwright-core';

/** Formats, standards and proper names printed in Latin letters on Chinese government pages. */
export const LATIN_ALLOWED = new Set([
  'PDF',
  'DOCX',
  'DOC',
  'XLSX',
  'XLS',
  'OFD',
  'CSV',
  'JSON',
  'XML',
  'HTML',
  'API',
  'ID',
  'URL',
  'RSS',
  'Atom',
  'ICP',
  'WPS',
  'Word',
  'Excel',
  'HTTPS',
  'HTTP',
  'SMS',
  'Email',
  'E-mail',
  'Gongkai',
  'GB',
  'GB/T',
  'MB',
  'KB',
  'CA',
  'OpenAPI',
  'English',
  'App',
  'PNG',
  'JPG',
  'ZIP',
  'AA',
  'A',
]);

/** The longest page a phone reader is asked to scroll, in CSS pixels at 360 px wide. */
export const MAX_PHONE_HEIGHT = 20_000;

/** A message key: two or more dot-separated lower-case words with an underscore or a third part
 *  (nav.applications_hint, pub.field.body), which no sentence in either language contains. */
const MESSAGE_KEY = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*)+\b/g;

export interface PageProblems {
  readonly messageKeys: string[];
  readonly latinWords: string[];
}

/** The visible text of the page, without code, user-entered identifiers marked translate="no",
 *  and text marked as another language. */
async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = 'script, style, code, kbd, samp, [translate="no"], [lang]:not(html):not([lang^="zh"])';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      parts.push(node.textContent ?? '');
    }
    // Labels a screen reader reads count too.
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')))
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr);
        if (value && !el.closest(skip)) parts.push(value);
      }
    return parts.join('\n');
  });
}

/** Message keys anywhere, and on a Chinese page Latin words that are not allowed names. */
export async function scanText(page: Page, chinese: boolean): Promise<PageProblems> {
  const text = await readerText(page);
  const messageKeys = [...new Set(text.match(MESSAGE_KEY) ?? [])].filter((k) => !/\.(cn|com|org|gov|net)\b/.test(k));
  const latinWords = chinese
    ? [...new Set(text.match(/[A-Za-z][A-Za-z/-]*[A-Za-z]|\b[A-Za-z]\b/g) ?? [])].filter(
        (w) => !LATIN_ALLOWED.has(w) && !/^[A-Z]{1,3}$/.test(w),
      )
    : [];
  return { messageKeys, latinWords };
}

/** At 360 px: how tall the page is and how far it overflows sideways. */
export async function phoneFit(page: Page): Promise<{ height: number; overflow: number }> {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
}
