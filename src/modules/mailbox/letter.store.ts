// The queries of the citizen's side of the mailbox: the agencies a letter may be written to, a
// letter with its current reply, the 互动交流 column (only consented, answered letters — the one
// filter every public query shares, publishedLetters), the letters the interaction figures count,
// and the rating links. No rule is decided here.
import type { Executor } from '../../db/database.ts';
import { agencyDirectory, organisationStore } from '../organisation/index.ts';
import type { MailboxRatingLinkRow } from './letter.table.ts';

/** States in which a letter has been answered (the reply sent; after the callback, closed). */
const ANSWERED = ['replied', 'closed'];

/** Letters with their agency and current reply, as every query below reads them. */
function lettersWithReply(db: Executor) {
  return db
    .selectFrom('mailbox_cases as c')
    .innerJoin(agencyDirectory(db).as('a'), 'a.id', 'c.agency_id')
    .leftJoin('mailbox_reply_versions as v', 'v.id', 'c.current_version_id')
    .select([
      'c.id',
      'c.agency_id',
      'c.tracking_code',
      'c.category',
      'c.subject',
      'c.request_text',
      'c.writer_name_enc',
      'c.writer_phone_enc',
      'c.writer_email_enc',
      'c.consent_to_publish',
      'c.publish_name',
      'c.received_on',
      'c.due_date',
      'c.status',
      'c.replied_on',
      'c.current_version_id',
      'a.name as agency_name',
      'a.code as agency_code',
      'v.body as reply_body',
    ])
    .where('c.source', '=', 'letter');
}

export type LetterRow = Awaited<ReturnType<ReturnType<typeof lettersWithReply>['executeTakeFirstOrThrow']>>;

/** The only letters the portal may show: the writer consented and the answer was sent. */
function publishedLetters(db: Executor, agencyId: number | null) {
  let q = lettersWithReply(db)
    .where('c.consent_to_publish', '=', 1)
    .where('c.status', 'in', ANSWERED)
    .where('c.replied_on', 'is not', null)
    .where('v.body', 'is not', null);
  if (agencyId !== null) q = q.where('c.agency_id', '=', agencyId);
  return q;
}

export const letterStore = {
  agencies(db: Executor) {
    return organisationStore.agencies(db);
  },

  async letterByCode(db: Executor, code: string): Promise<LetterRow | undefined> {
    return lettersWithReply(db).where('c.tracking_code', '=', code).executeTakeFirst();
  },

  async letterById(db: Executor, id: number): Promise<LetterRow | undefined> {
    return lettersWithReply(db).where('c.id', '=', id).executeTakeFirst();
  },

  async publishedCount(db: Executor, agencyId: number | null): Promise<number> {
    const row = await publishedLetters(db, agencyId)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** One page of the column, newest answer first. */
  publishedPage(db: Executor, agencyId: number | null, offset: number, limit: number): Promise<LetterRow[]> {
    return publishedLetters(db, agencyId)
      .orderBy('c.replied_on', 'desc')
      .orderBy('c.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
  },

  publishedOne(db: Executor, id: number): Promise<LetterRow | undefined> {
    return publishedLetters(db, null).where('c.id', '=', id).executeTakeFirst();
  },

  /** Every published letter (sitemap, static export, feed, search), newest answer first, at most `limit`. */
  publishedAll(db: Executor, limit: number, agencyId: number | null = null): Promise<LetterRow[]> {
    return publishedLetters(db, agencyId)
      .orderBy('c.replied_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The website's letters of an agency (or all) received on or after `since`, as the figures count them. */
  countedLetters(db: Executor, agencyId: number | null, since: string) {
    let q = db
      .selectFrom('mailbox_cases')
      .select(['received_on', 'replied_on'])
      .where('source', '=', 'letter')
      .where('status', '!=', 'returned')
      .where('received_on', '>=', since);
    if (agencyId !== null) q = q.where('agency_id', '=', agencyId);
    return q.execute();
  },

  /** Answered letters whose writer has not been sent the answer and its rating link, oldest first. */
  answeredWithoutLink(db: Executor, limit: number): Promise<LetterRow[]> {
    return lettersWithReply(db)
      .where('c.status', 'in', ANSWERED)
      .where('c.replied_on', 'is not', null)
      .where('v.body', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('mailbox_rating_links as l')
              .select('l.id')
              .whereRef('l.case_id', '=', 'c.id')
              .whereRef('l.version_id', '=', 'c.current_version_id'),
          ),
        ),
      )
      .orderBy('c.replied_on')
      .orderBy('c.id')
      .limit(limit)
      .execute();
  },

  /** Moves whenever a consented letter changes (received, answered, sent back): the column's cache stamp. */
  async publicStamp(db: Executor): Promise<string> {
    const row = await db
      .selectFrom('mailbox_cases')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .where('source', '=', 'letter')
      .where('consent_to_publish', '=', 1)
      .executeTakeFirst();
    return `mailbox:${row?.n ?? 0}:${row?.at ?? ''}`;
  },

  async ratingLinkByHash(db: Executor, hash: string): Promise<MailboxRatingLinkRow | undefined> {
    return db.selectFrom('mailbox_rating_links').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  },

  /** The link of the letter's reply `versionId`, if one was sent. */
  async ratingLinkOf(
    db: Executor,
    caseId: number,
    versionId: number | null,
  ): Promise<MailboxRatingLinkRow | undefined> {
    if (versionId === null) return undefined;
    return db
      .selectFrom('mailbox_rating_links')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('version_id', '=', versionId)
      .executeTakeFirst();
  },

  /** Adds the rating link of a reply; false when that reply has one already. */
  async insertRatingLink(db: Executor, caseId: number, versionId: number, hash: string, at: string): Promise<boolean> {
    const result = await db
      .insertInto('mailbox_rating_links')
      .values({ case_id: caseId, version_id: versionId, token_hash: hash, created_at: at })
      .onConflict((oc) => oc.columns(['case_id', 'version_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  },

  /** Records the rating only if none was recorded: a second rating (two tabs, a replay) changes nothing. */
  async recordRating(
    db: Executor,
    linkId: number,
    rating: { rating: string; comment: string | null; at: string; on: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('mailbox_rating_links')
      .set({ rating: rating.rating, comment: rating.comment, rated_at: rating.at, rated_on: rating.on })
      .where('id', '=', linkId)
      .where('rating', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Writers' ratings of the given agencies' letters still awaiting the callback, dissatisfied first. */
  ratingsAwaitingCallback(db: Executor, agencyIds: readonly number[]) {
    return db
      .selectFrom('mailbox_rating_links as r')
      .innerJoin('mailbox_cases as c', (j) =>
        j.onRef('c.id', '=', 'r.case_id').onRef('c.current_version_id', '=', 'r.version_id'),
      )
      .select(['c.id', 'c.subject', 'c.agency_id', 'r.rating', 'r.comment', 'r.rated_on'])
      .where('r.rating', 'is not', null)
      .where('c.status', '=', 'replied')
      .where('c.agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
      .orderBy('r.rated_on')
      .limit(50)
      .execute();
  },
};
