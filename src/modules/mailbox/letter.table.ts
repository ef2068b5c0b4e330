import type { Generated, Selectable } from 'kysely';

/** A file attached to a letter on the portal; its content sealed by the personal-data vault. */
export interface MailboxLetterAttachmentTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  /** Read from the content, not from the browser's claim. */
  mime: string;
  bytes: number;
  content_enc: string;
  /** Keyed hash (the vault's blind index) of the content. */
  sha256: string;
  created_at: string;
}

/** The rating link of an answered letter: one per reply sent, used once. */
export interface MailboxRatingLinkTable {
  id: Generated<number>;
  case_id: number;
  /** The reply (mailbox_reply_versions) the link rates. */
  version_id: number;
  /** SHA-256 of the token the link carries (rating.ts); the token itself is only in the message. */
  token_hash: string;
  created_at: string;
  /** satisfied | basically_satisfied | dissatisfied; null until the writer rates. */
  rating: string | null;
  comment: string | null;
  rated_at: string | null;
  /** The China date of rated_at. */
  rated_on: string | null;
}

export type MailboxLetterAttachmentRow = Selectable<MailboxLetterAttachmentTable>;
export type MailboxRatingLinkRow = Selectable<MailboxRatingLinkTable>;
