// What test/requests/page-texts.test.ts looks for on a page, and the demo records it fills a
// route's parameters with (issue 15 item 8).
import type { Db } from '../../src/db/database.ts';
import { TEMPLATE_KEYS } from '../../src/modules/applications/notices/templates.ts';

/** The text a reader sees: no tags, scripts, styles, comments or attribute values. */
export function visibleText(html: string): string {
  return (
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|textarea|pre|code)\b[\s\S]*?<\/\1>/g, ' ')
      // Text marked as another language (the language switch "English") is meant as it is.
      .replace(/<(a|span)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
      // A placeholder a user types into a template ({creditCode}, {seq:5}) is shown as typed.
      .replace(/\{[A-Za-z][A-Za-z0-9:]*\}/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/g, ' ')
  );
}

// A dotted lower-case identifier such as nav.reports_hint or applications.status.open.
const MESSAGE_KEY = /(?<![\w.@/-])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?![\w@/-])/g;
// A snake_case code such as work_news or natural_person.
const CODE_WORD = /(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
// A word of Latin letters (two or more), not part of an address, a file name or a number.
const LATIN_WORD = /(?<![\w.@/:-])[A-Za-z][A-Za-z]+(?![\w@/-]|\.[A-Za-z])/g;

/**
 * Words a Chinese page may show in Latin letters: format and technical abbreviations a Chinese
 * government site uses as they are, proper names and the platform's own name. Keep it small.
 */
export const ALLOWED_LATIN = new Set([
  'PDF',
  'DOCX',
  'DOC',
  'XLSX',
  'OFD',
  'CSV',
  'JSON',
  'API',
  'ID',
  'URL',
  'RSS',
  'ICP',
  'XML',
  'HTML',
  'PNG',
  'JPG',
  'JPEG',
  'ZIP',
  'TXT',
  'WPS',
  'Word',
  'Excel',
  'Atom',
  'Gongkai',
  'KB',
  'MB',
  'GB',
  'SMS',
  'IP',
  'APP',
  'App',
  'QQ',
  'TOTP',
  'HTTP',
  'HTTPS',
  'SMTP',
  'AES',
  'GCM',
  'SM',
  'KiB',
  'MiB',
  'SHA',
  'HMAC',
  'UTC',
  'No',
  'GB',
  'T',
  // The ILO's "Start Your Business" training, named so in Chinese titles (创业培训（SYB）班).
  'SYB',
]);

/** Where a word stands in the text, for the failure message. */
function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 20), index + length + 20)
    .replace(/\s+/g, ' ')
    .trim();
}

function matches(text: string, pattern: RegExp): { word: string; at: string }[] {
  return [...text.matchAll(pattern)].map((m) => ({ word: m[0], at: around(text, m.index, m[0].length) }));
}

/** What is wrong with the visible text of a page in the given language. */
export function findTextProblems(html: string, lang: 'zh-CN' | 'en', names: ReadonlySet<string> = new Set()): string[] {
  const text = visibleText(html);
  const problems: string[] = [];
  for (const { word, at } of matches(text, MESSAGE_KEY)) {
    // A domain name (www.gov.cn), a file name (report.pdf) or an abbreviation (e.g.) is not a key.
    if (/\.(cn|com|org|net|gov|pdf|docx|xlsx|csv|json|ofd|xml|zip|txt|png|jpg)$/.test(word)) continue;
    if (/^(e\.g|i\.e)$/.test(word)) continue;
    problems.push(`message key "${word}" in "${at}"`);
  }
  for (const { word, at } of matches(text, CODE_WORD)) problems.push(`code word "${word}" in "${at}"`);
  if (lang === 'zh-CN')
    for (const { word, at } of matches(text, LATIN_WORD))
      if (!ALLOWED_LATIN.has(word) && !names.has(word)) problems.push(`English word "${word}" in "${at}"`);
  return problems;
}

export interface PageParams {
  /** The route's URL with its parameters filled from the demo, or undefined when none fits. */
  fill(url: string): string | undefined;
}

/** Demo records for the parameters of the routes: the bureau's (岳阳市人力资源和社会保障局). */
export async function pageParams(db: Db): Promise<PageParams> {
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', 'yueyang-hrss')
    .executeTakeFirstOrThrow();
  const first = async <T>(q: Promise<T | undefined>): Promise<T | undefined> => q;
  const unit = await first(db.selectFrom('units').select('id').where('agency_id', '=', agency.id).executeTakeFirst());
  const user = await first(db.selectFrom('users').select('id').where('username', '=', 'drafter').executeTakeFirst());
  const item = await first(
    db
      .selectFrom('information_items')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  );
  const application = await first(
    db
      .selectFrom('applications')
      .select(['id', 'tracking_code'])
      .where('agency_id', '=', agency.id)
      .orderBy('id')
      .executeTakeFirst(),
  );
  const review = await first(db.selectFrom('review_cases').select('id').orderBy('id').executeTakeFirst());
  const letter = await first(db.selectFrom('mailbox_cases').select('id').orderBy('id').executeTakeFirst());
  const power = await first(db.selectFrom('power_items').select('id').orderBy('id').executeTakeFirst());
  const guide = await first(db.selectFrom('service_guides').select('id').orderBy('id').executeTakeFirst());
  const reportDocument = await first(db.selectFrom('report_documents').select('id').orderBy('id').executeTakeFirst());
  const screen = await first(db.selectFrom('display_screens').select('name').orderBy('name').executeTakeFirst());
  const published = await first(
    db
      .selectFrom('mailbox_cases')
      .select('id')
      .where('source', '=', 'letter')
      .where('consent_to_publish', '=', 1)
      .where('status', 'in', ['replied', 'closed'])
      .orderBy('id')
      .executeTakeFirst(),
  );
  const year = 2025;
  const values: Record<string, string | undefined> = {
    '/admin/agencies/:id': String(agency.id),
    '/admin/units/:id': unit && String(unit.id),
    '/admin/users/:id': user && String(user.id),
    '/admin/items/:id': item && String(item.id),
    '/items/:id': item && String(item.id),
    '/admin/applications/:id': application && String(application.id),
    '/api/v1/applications/:id': application && String(application.id),
    '/apply/track/:code': application?.tracking_code,
    '/admin/reviews/:id': review && String(review.id),
    '/admin/mailbox/:id': letter && String(letter.id),
    '/admin/power-catalog/:id': power && String(power.id),
    '/admin/service-guides/:id': guide && String(guide.id),
    '/admin/report-documents/:id': reportDocument && String(reportDocument.id),
    '/admin/notice-templates/:key': TEMPLATE_KEYS[0],
    '/admin/reports/:code/:year': `${agency.code}/${year}`,
    '/reports/:code/:year': `${agency.code}/${year}`,
    '/agencies/:code': agency.code,
    '/screen/:name': screen?.name ?? 'default',
    '/mailbox/answers/:id': published && String(published.id),
  };
  return {
    fill(url) {
      if (!url.includes(':')) return url;
      for (const [pattern, value] of Object.entries(values)) {
        if (!url.startsWith(pattern) || value === undefined) continue;
        const rest = url.slice(pattern.length);
        if (rest.includes(':')) return undefined; // a second parameter (an attachment, a file)
        const base = pattern.replace(/:[a-z]+(\/:[a-z]+)?$/, '');
        return `${base}${value}${rest}`;
      }
      return undefined;
    },
  };
}
