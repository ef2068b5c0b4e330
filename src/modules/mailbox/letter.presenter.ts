// Rows of letters → what the writer's pages and the 互动交流 column show. The column's presenter
// is where the personal-data guard runs (public-answers.ts): nothing reaches a public answer's
// view model unguarded, and the contact never does.
import { guardPublicText, publicWriterName } from './public-answers.ts';
import type { Rating } from './rating.ts';

/** The columns of a letter these presenters read (mailbox_cases), opened by the vault where sealed. */
export interface LetterFacts {
  readonly id: number;
  readonly trackingCode: string;
  readonly agencyName: string;
  readonly category: string;
  readonly subject: string;
  readonly requestText: string;
  readonly receivedOn: string;
  readonly dueDate: string;
  readonly repliedOn: string | null;
  readonly writerName: string | null;
  readonly consentToPublish: boolean;
  readonly publishName: boolean;
}

/** The code as the writer reads it, in groups of four (XXXX-XXXX-XXXX-X). */
export function shownCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

export interface LetterReceipt {
  readonly trackingCode: string;
  readonly shownCode: string;
  readonly category: string;
  readonly receivedOn: string;
  readonly dueDate: string;
  /** Urgent letters are due the day they arrive, which the receipt says in other words. */
  readonly sameDay: boolean;
}

export function presentReceipt(row: Pick<LetterFacts, 'trackingCode' | 'category' | 'receivedOn' | 'dueDate'>) {
  return {
    trackingCode: row.trackingCode,
    shownCode: shownCode(row.trackingCode),
    category: row.category,
    receivedOn: row.receivedOn,
    dueDate: row.dueDate,
    sameDay: row.dueDate === row.receivedOn,
  } satisfies LetterReceipt;
}

export interface TrackedLetter {
  readonly shownCode: string;
  readonly agencyName: string;
  readonly subject: string;
  readonly receivedOn: string;
  readonly dueDate: string;
  readonly state: 'open' | 'replied';
  readonly repliedOn: string | null;
  /** The reply as sent to the writer (the writer's own letter: not guarded). */
  readonly reply: string | null;
  readonly rating: Rating | null;
  /** The id of its page in the 互动交流 column, when published. */
  readonly publishedId: number | null;
}

export function presentTracked(
  row: LetterFacts,
  reply: string | null,
  rating: Rating | null,
  published: boolean,
): TrackedLetter {
  const replied = row.repliedOn !== null && reply !== null;
  return {
    shownCode: shownCode(row.trackingCode),
    agencyName: row.agencyName,
    subject: row.subject,
    receivedOn: row.receivedOn,
    dueDate: row.dueDate,
    state: replied ? 'replied' : 'open',
    repliedOn: replied ? row.repliedOn : null,
    reply: replied ? reply : null,
    rating,
    publishedId: published ? row.id : null,
  };
}

export interface PublicAnswer {
  readonly id: number;
  readonly agencyName: string;
  readonly category: string;
  readonly subject: string;
  readonly letter: string;
  readonly reply: string;
  readonly receivedOn: string;
  readonly repliedOn: string;
  /** Only when the writer asked to be named. */
  readonly writerName: string | null;
}

/** A consented, answered letter as the column shows it; null for any other letter. */
export function presentPublicAnswer(row: LetterFacts, reply: string | null): PublicAnswer | null {
  if (!row.consentToPublish || row.repliedOn === null || reply === null) return null;
  const name = row.writerName;
  return {
    id: row.id,
    agencyName: row.agencyName,
    category: row.category,
    subject: guardPublicText(row.subject, name, row.publishName),
    letter: guardPublicText(row.requestText, name, row.publishName),
    reply: guardPublicText(reply, name, row.publishName),
    receivedOn: row.receivedOn,
    repliedOn: row.repliedOn,
    writerName: publicWriterName({ consent: row.consentToPublish, publishName: row.publishName, writerName: name }),
  };
}
