import type { Generated, Insertable, Selectable } from 'kysely';

export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** Given to the applicant to follow the case; unguessable (see tracking.ts). */
  tracking_code: string;
  /** online | in_person | post_signed | post_unsigned | fax | email */
  channel: string;
  /** natural_person or one of the five organisation kinds of table 三 (docs/domain/annual-report.md#table-3). */
  applicant_kind: string;
  /** Encrypted (personal-data vault); null only for a name still waiting in applicant_name_clear. */
  applicant_name_enc: string | null;
  /** Keyed blind index of the normalised name (the vault's nameIndex), for look-ups by name and the
   *  duplicate detector; null only until the start-up step computes it (sealed-columns.ts). */
  applicant_name_index: string | null;
  /** A name stored before names were encrypted, until the start-up step seals it (applicant-names.ts);
   *  null once sealed, and for every name taken since. */
  applicant_name_clear: Generated<string | null>;
  /** Encrypted (personal-data vault); null when not given. */
  id_number_enc: string | null;
  /** Keyed blind index of the identity number, for repeat-applicant look-ups. */
  id_number_index: string | null;
  phone_enc: string | null;
  address_enc: string | null;
  email_enc: string | null;
  organisation_credit_code: string | null;
  /** An organisation's contact person, encrypted (personal-data vault); null when not given. */
  contact_person_enc: Generated<string | null>;
  /** A contact person stored before they were encrypted, until the start-up step seals it. */
  contact_person_clear: Generated<string | null>;
  description: string;
  document_number_hint: string | null;
  /** paper | electronic | either */
  form_wanted: string;
  /** post | email | pickup | online */
  delivery_way: string;
  /** 收到申请之日, Art. 31. */
  received_on: string;
  /** '2019' | '2008': the Regulation the clock follows. */
  rules: string;
  /** open | awaiting_correction | paused | awaiting_payment | closed — overdue and due soon are queries. */
  status: string;
  /** Stored; recomputed only by events (and calendar changes). Null while the clock is stopped. */
  due_date: string | null;
  /** Years without a loaded holiday notice that due_date was counted through ("2027"); null: final. */
  due_date_provisional_years: string | null;
  /** The applicant's own deadline while the case waits for them (correction or fee payment). */
  waiting_until: string | null;
  outcome: string | null;
  outcome_on: string | null;
  reply_summary: string | null;
  assigned_unit_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Keyed hash of the applicant's correction key (tracking-key.ts); null for old rows. */
  applicant_key_hash: Generated<string | null>;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  occurred_on: string;
  detail_json: string;
  /** 1: shown on the public timeline (never with its detail). */
  public: number;
  actor_user_id: number | null;
  created_at: string;
}

export interface ApplicationAttachmentTable {
  id: Generated<number>;
  application_id: number;
  name: string;
  mime: string;
  bytes: number;
  /** The file, base64, encrypted with the personal-data vault. */
  content_enc: string;
  /** id_copy | authorisation | other */
  kind: Generated<string | null>;
  /** SHA-256 of the plaintext, hex. */
  sha256: Generated<string | null>;
  created_by: number | null;
  created_at: string;
}

export type ApplicationRow = Selectable<ApplicationTable>;
export type NewApplication = Insertable<ApplicationTable>;
/** A stored application with the applicant's name decrypted (the service's `opened`), as the case
 *  page, the notices and the list show it. */
export type OpenedApplication = ApplicationRow & {
  readonly applicant_name: string;
  readonly contact_person: string | null;
};
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type ApplicationAttachmentRow = Selectable<ApplicationAttachmentTable>;
