// The duplicate-request detector: earlier applications to the same agency from the same
// applicant, or asking for the same information, and — when several applicants ask for the same
// information — the proposal to make it proactive. Pure: the store hands over the candidates.
//
// Art. 36(六) 2019 Regulation: a repeated application after an answer is not handled again
// (不予重复处理), so the officer needs to see the earlier answer to the same applicant. Art. 44:
// “多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动
// 公开的范围” (docs/domain/regulation.md#art-44). The Regulation does not say how many are “several”; ASSUMPTION:
// three different applicants, the current one included (PROACTIVE_PROPOSAL_APPLICANTS).

/** Descriptions at least this similar (Dice coefficient of character bigrams) ask for the same information. */
export const SAME_INFORMATION_THRESHOLD = 0.6;
/** Different applicants asking for the same information before the proposal of Art. 44 is made. */
export const PROACTIVE_PROPOSAL_APPLICANTS = 3;

export interface Candidate {
  readonly id: number;
  readonly tracking_code: string;
  /** Keyed blind index of the normalised name (never the name). */
  readonly applicant_name_index: string | null;
  readonly applicant_kind: string;
  /** Keyed blind index of the identity number (never the number). */
  readonly id_number_index: string | null;
  readonly organisation_credit_code: string | null;
  readonly description: string;
  readonly received_on: string;
  readonly outcome: string | null;
}

export interface SimilarApplication {
  readonly id: number;
  readonly trackingCode: string;
  readonly receivedOn: string;
  readonly outcome: string | null;
  readonly sameApplicant: boolean;
  readonly sameInformation: boolean;
  /** 0–1, rounded to two places. */
  readonly similarity: number;
}

export interface DuplicateReport {
  readonly similar: readonly SimilarApplication[];
  /** Different applicants (the current one included) asking for the same information. */
  readonly applicantsForSameInformation: number;
  /** Art. 44: propose making the information proactive. */
  readonly proposeProactive: boolean;
}

// Words every application uses; they say nothing about which information is wanted.
const FILLER =
  /申请公开|申请获取|依申请|政府信息|信息公开|请求|申请|公开|提供|关于|有关|相关|要求|获取|我想|本人|贵单位|贵局|贵机关|的|了|和|与|及/g;

/** The words that identify the information: no spaces, punctuation, quotes or filler. */
export function normaliseDescription(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(FILLER, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the character bigrams of the normalised descriptions (1: identical). */
export function descriptionSimilarity(a: string, b: string): number {
  const x = bigrams(normaliseDescription(a));
  const y = bigrams(normaliseDescription(b));
  const total = [...x.values()].reduce((s, n) => s + n, 0) + [...y.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return 0;
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / total;
}

/** The numbers a description names (years, document numbers): 2024 and 2025 figures are not the
 *  same information however alike the words are. */
function numbersOf(text: string): string {
  return [...new Set(text.normalize('NFKC').match(/\d+/g) ?? [])].sort().join(',');
}

/** Same information: alike enough, and the same numbers. */
export function sameInformation(a: string, b: string): boolean {
  return numbersOf(a) === numbersOf(b) && descriptionSimilarity(a, b) >= SAME_INFORMATION_THRESHOLD;
}

/** Who the applicant is, for counting different applicants: the identity number's blind index,
 *  the organisation's credit code, or (neither given) the kind and the name's blind index — of the
 *  name as normaliseName reads it (platform/crypto/personal-data.ts), so the same name typed with
 *  other widths or spaces (张 三, 张三) is the same; a name not yet indexed is no match. */
export function applicantIdentity(
  c: Pick<Candidate, 'id' | 'applicant_kind' | 'applicant_name_index' | 'id_number_index' | 'organisation_credit_code'>,
): string {
  if (c.id_number_index) return `id:${c.id_number_index}`;
  if (c.organisation_credit_code) return `org:${c.organisation_credit_code.toUpperCase()}`;
  return `name:${c.applicant_kind}:${c.applicant_name_index ?? `case:${c.id}`}`;
}

/** `knownAs`: the current applicant's identities under every configured key (the service computes
 *  them from the decrypted case), so that an earlier application indexed under a key since rotated
 *  out of first place is still the same applicant's. Two earlier applications of a third person made
 *  under different keys count as two applicants: telling them apart would mean decrypting them. */
export function detectDuplicates(
  current: Candidate,
  earlier: readonly Candidate[],
  knownAs: readonly string[] = [],
): DuplicateReport {
  const me = applicantIdentity(current);
  const mine = new Set([me, ...knownAs]);
  const similar: SimilarApplication[] = [];
  const askers = new Set<string>([me]);
  for (const other of earlier) {
    if (other.id === current.id) continue;
    const similarity = descriptionSimilarity(current.description, other.description);
    const identity = applicantIdentity(other);
    const sameApplicant = mine.has(identity);
    const same = similarity >= SAME_INFORMATION_THRESHOLD && sameInformation(current.description, other.description);
    if (same) askers.add(sameApplicant ? me : identity);
    if (sameApplicant || same) {
      similar.push({
        id: other.id,
        trackingCode: other.tracking_code,
        receivedOn: other.received_on,
        outcome: other.outcome,
        sameApplicant,
        sameInformation: same,
        similarity: Math.round(similarity * 100) / 100,
      });
    }
  }
  // Same information first (most similar first), then the applicant's other applications, newest first.
  similar.sort(
    (a, b) =>
      Number(b.sameInformation) - Number(a.sameInformation) ||
      b.similarity - a.similarity ||
      b.receivedOn.localeCompare(a.receivedOn),
  );
  return {
    similar,
    applicantsForSameInformation: askers.size,
    proposeProactive: askers.size >= PROACTIVE_PROPOSAL_APPLICANTS,
  };
}
