// The 互动交流 column as a section of the public site (portal/public-sections.ts): its pages for
// the sitemap and the static copy, its feed, its hits on the search page, and its part of the
// pages' cache stamp. Everything goes through the store's published-letters query, so a letter
// without its writer's consent is in none of them; and search matches only the guarded texts, so
// a phone number or a name struck from a letter cannot find it either.
import type { Executor } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import { createVault, resolveDataKeys, type PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import type { PublicSection, SectionHit, SectionPage } from '../portal/index.ts';
import { normalise, searchWords } from '../search/index.ts';
import { letterStore as store } from './letter.store.ts';
import { letterFacts } from './letter-rows.ts';
import { presentPublicAnswer, type PublicAnswer } from './letter.presenter.ts';

/** Published letters a search looks through (newest first): the column is small beside the catalog. */
const SEARCHED = 2000;
/** The column's page size on the site (answers.routes.tsx). */
export const COLUMN_PAGE = 20;

const vaults = new WeakMap<Config, PersonalDataVault>();
function vaultOf(config: Config): PersonalDataVault {
  let vault = vaults.get(config);
  if (!vault) {
    vault = createVault(
      config.personalDataCipher,
      resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
    );
    vaults.set(config, vault);
  }
  return vault;
}

/** The words of a query, as the catalog's search splits and normalises them. */
function wordsOfQuery(q: string): string[] {
  return searchWords(q)
    .map((w) => normalise(w))
    .filter(Boolean);
}

/** A published answer's hit when its guarded text holds every word of the query. */
export function answerHit(answer: PublicAnswer, words: readonly string[]): SectionHit | null {
  if (words.length === 0) return null;
  const text = normalise(`${answer.subject} ${answer.letter} ${answer.reply}`);
  if (!words.every((w) => text.includes(w))) return null;
  const snippet = answer.reply.length > 120 ? `${answer.reply.slice(0, 120)}…` : answer.reply;
  return { title: answer.subject, url: `/mailbox/answers/${answer.id}`, snippet, date: answer.repliedOn };
}

export const answersSection: PublicSection = {
  searchHeading: 'mailbox.answers.search_heading',

  async pages(db: Executor): Promise<SectionPage[]> {
    const [rows, agencies, total] = await Promise.all([
      store.publishedAll(db, 50_000),
      store.agencies(db),
      store.publishedCount(db, null),
    ]);
    const newest = rows[0]?.replied_on ?? null;
    const pages: SectionPage[] = [{ path: '/mailbox/answers', lastmod: newest }];
    for (let n = 2; n <= Math.ceil(total / COLUMN_PAGE); n++) pages.push({ path: `/mailbox/answers?page=${n}` });
    for (const a of agencies) pages.push({ path: `/mailbox/answers?agency=${a.code}` });
    for (const r of rows) pages.push({ path: `/mailbox/answers/${r.id}`, lastmod: r.replied_on });
    return pages;
  },

  async feeds(): Promise<string[]> {
    return ['/mailbox/answers.atom'];
  },

  async search(db, q, options): Promise<SectionHit[]> {
    const words = wordsOfQuery(q);
    if (!words.length) return [];
    const vault = vaultOf(options.config);
    const rows = await store.publishedAll(db, SEARCHED, options.agencyId ?? null);
    const hits: SectionHit[] = [];
    for (const row of rows) {
      const answer = presentPublicAnswer(letterFacts(row, vault), row.reply_body);
      const hit = answer && answerHit(answer, words);
      if (hit) hits.push(hit);
      if (hits.length >= options.limit) break;
    }
    return hits;
  },

  stamp: (db) => store.publicStamp(db),
};
