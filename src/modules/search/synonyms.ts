// The synonym dictionary's rules (docs/adr/0023-search-words.md): a group is two or more terms that
// mean the same in a query (社保, 社会保险, 社会保障). Pure: text in, terms or issues out.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { normalise } from './tokenizer.ts';

export const MIN_TERMS = 2;
export const MAX_TERM_LENGTH = 20;
export const MAX_GROUP_TERMS = 10;

export interface SynonymGroup {
  readonly id: number;
  readonly terms: readonly string[];
  readonly updatedAt: string;
}

/** The terms typed in one field, separated by 、 ， , ; ； / or white space. */
export function splitTermsInput(text: string): string[] {
  return text
    .split(/[\s、，,;；/／]+/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * The issues of a group: at least two terms, each 1–20 characters of letters and digits (a query
 * word never holds a space or a quote), none twice, none already in another group (a term in two
 * groups would make the widening depend on their order). Terms compare normalised.
 */
export function groupIssues(
  terms: readonly string[],
  others: readonly SynonymGroup[],
  field = 'terms',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (terms.length < MIN_TERMS) issues.push(issue(field, 'search.synonyms.too_few'));
  if (terms.length > MAX_GROUP_TERMS) issues.push(issue(field, 'search.synonyms.too_many', { max: MAX_GROUP_TERMS }));
  for (const term of terms) {
    const length = Array.from(term).length;
    if (length > MAX_TERM_LENGTH || !/^[\p{L}\p{N}]+$/u.test(term))
      issues.push(issue(field, 'search.synonyms.bad_term', { term, max: MAX_TERM_LENGTH }));
  }
  const seen = new Set<string>();
  for (const term of terms) {
    const key = normalise(term);
    if (seen.has(key)) issues.push(issue(field, 'search.synonyms.repeated', { term }));
    seen.add(key);
  }
  for (const group of others) {
    const inOther = terms.filter((t) => group.terms.some((o) => normalise(o) === normalise(t)));
    for (const term of inOther)
      issues.push(issue(field, 'search.synonyms.in_other', { term, group: group.terms.join('、') }));
  }
  return issues;
}
