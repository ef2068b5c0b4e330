// The remedy sentence (救济途径告知) of a reply notice, and how the notice cites the Regulation.
// Pure: the outcome, the reply date and the agency's settings in, the sentence out
// (docs/domain/notices.md#remedies).
//
// - Administrative reconsideration: 60 days from knowing of the act (《中华人民共和国行政复议法》,
//   2023 revision Art. 20; before 2024-01-01 the 1999 law Art. 9, also 60 days).
// - Litigation: 6 months from knowing of the act (《中华人民共和国行政诉讼法》 Art. 46); after a
//   reconsideration decision, 15 days from receiving it (Art. 45).
// - Since 2024-01-01 (revised 行政复议法 Art. 23 ¶1 (四)) a refusal to disclose on an application
//   (“申请政府信息公开，行政机关不予公开”) must go to reconsideration first. Replies dated
//   before that date keep the choice.
import { OUTCOMES, type LegalBasis, type OutcomeCode } from '../outcome.ts';

export const REGULATION_FULL = '《中华人民共和国政府信息公开条例》';
export const RECONSIDERATION_FIRST_FROM = '2024-01-01';

export interface RemedyBodies {
  readonly reconsiderationBody: string | null;
  readonly court: string | null;
}

/** Whether the reply refuses, in whole or in part, to disclose information the agency holds: the
 *  不予公开 rows of table 三 (Arts. 14–16, 36(三), and 36(七) which the report counts there too)
 *  and a partial disclosure (Art. 37) for its withheld part. Over-inclusion is the safe side: an
 *  applicant told to go to reconsideration first loses no remedy, one told to sue directly when the
 *  law requires reconsideration first has the suit dismissed. */
export function isWithholding(outcome: OutcomeCode): boolean {
  const category = OUTCOMES[outcome].category;
  return category === 'withheld' || category === 'partially_disclosed';
}

export function reconsiderationFirst(outcome: OutcomeCode, replyDate: string): boolean {
  return replyDate >= RECONSIDERATION_FIRST_FROM && isWithholding(outcome);
}

export function remedySentence(outcome: OutcomeCode, replyDate: string, bodies: RemedyBodies): string {
  const body = bodies.reconsiderationBody ? `向${bodies.reconsiderationBody}` : '依法';
  const court = bodies.court ? `向${bodies.court}` : '依法向人民法院';
  const review = `可以自收到本告知书之日起60日内${body}申请行政复议`;
  const sue = `自收到本告知书之日起6个月内${court}提起行政诉讼`;
  const afterReview = `对行政复议决定不服的，可以自收到行政复议决定书之日起15日内${court}提起行政诉讼`;
  if (!reconsiderationFirst(outcome, replyDate)) return `如对本答复不服，${review}，也可以${sue}。`;
  const first = `根据《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议`;
  if (OUTCOMES[outcome].category === 'partially_disclosed')
    return `如对本答复中不予公开的部分不服，${review}（${first}）；${afterReview}。对本答复其他内容不服的，${review}，也可以${sue}。`;
  return `如对本答复不服，${review}（${first}）；${afterReview}。`;
}

const ITEM = /第（([一二三四五六七八九十]+)）项$/;

/** Cites the Regulation once by its full name and every further article of it by number only
 *  (“《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项”); other instruments by
 *  their own name. */
export function citeBasis(bases: readonly LegalBasis[]): string {
  const named = new Set<string>();
  return bases
    .map((b) => {
      if (b.instrument !== 'regulation_2019') return b.cite;
      const article = b.cite.slice(REGULATION_FULL.length);
      if (named.has(REGULATION_FULL)) return article;
      named.add(REGULATION_FULL);
      return b.cite;
    })
    .join('、');
}

/** The bases a reply of `outcome` rests on when answered with `templateKind`: where an outcome
 *  covers two items of Art. 36 the notice cites only the one the case is (36(一) only when the
 *  reply points to catalog items already disclosed; 36(四) does not exist, 36(五) not ours). */
export function basisFor(outcome: OutcomeCode, templateKind: string): readonly LegalBasis[] {
  const all = OUTCOMES[outcome].basis;
  const only = (item: string) => all.filter((b) => ITEM.exec(b.cite)?.[1] === item);
  switch (templateKind) {
    case 'already_disclosed':
      return only('一');
    case 'disclosure':
      return only('二');
    case 'not_exist':
      return only('四');
    case 'not_this_agency':
      return only('五');
    default:
      return all;
  }
}
