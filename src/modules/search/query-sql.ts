// The query syntax of each engine for one phrase's plan (FTS5 MATCH, PostgreSQL tsquery), and the
// title score computed in JavaScript: shared by the phrase search and the search for several words.
import { JUNCTION_MARK, type QueryPlan } from './tokenizer.ts';

/** Tokens of the phrase asked of FTS5 after the last junction, when the match is verified anyway. */
const JUNCTION_WINDOW = 4;

export function ftsMatch(plan: IndexPlan, column = ''): string {
  if (plan.rare.length)
    return `${column}${plan.rare.length > 1 ? '(' : ''}${plan.rare.map((t) => `"${t}"`).join(' AND ')}${plan.rare.length > 1 ? ')' : ''}`;
  if (plan.prefixes.length) return `${column}"${plan.prefixes[0]}" *`;
  // One FTS5 phrase: the needle's tokens at consecutive positions (see phraseTokens). A phrase of
  // many common tokens is slow to match (a document number: every candidate holding 20, 01, 13
  // and 12 has its positions compared), so a verified query asks only for a window of it — any
  // run of consecutive tokens of the phrase is present wherever the needle is — starting at the
  // last junction: 3〕1 in 岳人社发〔2013〕12号 is far rarer than 岳人社发 or 发〔2.
  const last = plan.all.findLastIndex((t) => t.includes(JUNCTION_MARK));
  const tokens =
    !plan.exact && last >= 0 && plan.all.length > JUNCTION_WINDOW
      ? plan.all.slice(last, last + JUNCTION_WINDOW)
      : plan.all;
  return `${column}"${tokens.join(' ')}"`;
}

export function tsQuery(plan: IndexPlan, weight = ''): string {
  return [
    ...plan.all.map((t) => `'${t}'${weight && `:${weight}`}`),
    ...plan.prefixes.map((t) => `'${t}':*${weight}`),
    ...plan.selective.map((t) => `'${t}'`),
  ].join(' & ');
}

/**
 * A query plan fitted to the index as it stands. `rare` (SQLite): the selective tokens held by
 * fewer than RARE_BELOW documents; when there are any, FTS5 is asked for them alone (a few short
 * doclists) instead of the phrase, whose common tokens cost a seek each per candidate, and the
 * candidates are verified. PostgreSQL's GIN index intersects the posting lists itself, so it is
 * given every token.
 */
export interface IndexPlan extends QueryPlan {
  readonly rare: string[];
}

/** The same score in JavaScript, for a match set already fetched (see pageOfSet). */
export function titleScoreOf(today: number, needleLength: number, titleLength: number, day: number | null): number {
  return (needleLength / Math.max(1, titleLength)) * (1 + 0.5 * Math.max(0, 1 - (today - (day ?? 0)) / 3650));
}
