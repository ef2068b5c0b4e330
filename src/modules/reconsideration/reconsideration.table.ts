import type { Generated, Selectable } from 'kysely';

export interface ReconsiderationCaseTable {
  id: Generated<number>;
  /** The agency whose disclosure decision is challenged (the respondent, 被申请人 / 被告). */
  agency_id: number;
  /** The application the case challenges; null for a standalone case. */
  application_id: number | null;
  /** reconsideration | litigation_direct | litigation_after_reconsideration (the groups of table 四). */
  kind: string;
  /** For litigation after reconsideration: the reconsideration case it follows, when recorded. */
  prior_case_id: number | null;
  /** 复议机关 or the court. */
  body: string;
  case_number: string | null;
  /** The applicant or plaintiff, as staff entered it: encrypted (personal-data vault); null when not given. */
  applicant_name_enc: Generated<string | null>;
  /** A name stored before names were encrypted, until the start-up step seals it (review-names.ts). */
  applicant_name_clear: Generated<string | null>;
  filed_on: string;
  decided_on: string | null;
  /** upheld | corrected | other; null while pending (尚未审结). */
  result: string | null;
  summary: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type ReconsiderationCaseRow = Selectable<ReconsiderationCaseTable>;
/** A stored case with the applicant's or plaintiff's name decrypted (the service's `opened`), as its page shows it. */
export type OpenedReviewCase = ReconsiderationCaseRow & { readonly applicant_name: string | null };
