// The writer's rating of a reply (回访, docs/domain/mailbox-and-hotline.md#order-life): three
// grades, given once from a link in the reply message. The link carries a random token rather than
// the letter's id or tracking code, so nobody can rate a letter that is not theirs; only the
// token's hash is stored, so a copy of the database cannot be used to rate either
// (docs/domain/mailbox-and-hotline.md#letters-on-the-portal).
import { createHash, randomBytes } from 'node:crypto';
import { isMailboxRating, mailboxRatings, type MailboxRating } from './mailbox.ts';

/** The grades are the callback's (mailbox.ts): the writer's rating can be recorded as the callback. */
export const ratings = mailboxRatings;
export type Rating = MailboxRating;
export const isRating = isMailboxRating;

/** The longest comment kept with a rating. */
export const MAX_RATING_COMMENT = 500;

/** 256 random bits, URL-safe: cannot be guessed or enumerated. */
export function newRatingToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token, and what a presented token is looked up by. */
export function ratingTokenHash(token: string): string {
  return createHash('sha256').update(`gongkai/mailbox-rating.${token}`).digest('hex');
}

/** A token as a link may carry it: 43 base64url characters, nothing else looked up. */
export function isRatingTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
