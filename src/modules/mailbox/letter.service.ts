// The citizen's operations on the mailbox: writing a letter (the form's check spent, the letter
// received by the module's core, its files sealed), telling the writer of the answer with the one
// rating link, and recording the writer's rating. Every change goes through mutate with its event.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { enqueueSms, mobileNumber } from '../../platform/mail/sms.ts';
import { spendChallenge } from '../../platform/pow.ts';
import { issue, ValidationError } from '../../platform/errors.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import type { UploadedFile } from '../../platform/files/check.ts';
import { insertLetterAttachments } from './letter-attachments.ts';
import type { LetterFormInput } from './letter-form.ts';
import { letterStore as store, type LetterRow } from './letter.store.ts';
import { shownCode } from './letter.presenter.ts';
import { MAX_RATING_COMMENT, newRatingToken, ratingTokenHash, type Rating } from './rating.ts';
import type { MailboxRatingLinkRow } from './letter.table.ts';
import type { MailboxService } from './mailbox.service.ts';
import { AppError } from '../../platform/errors.ts';

/** What the citizen's side asks of the module's core (mailbox.service.ts). */
export type LetterCore = Pick<MailboxService, 'receiveLetter' | 'rateByWriter'>;

export function createLetterService(vault: PersonalDataVault, core: LetterCore, publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');

  /** The answer message: the reply, the tracking code and the rating link, in Chinese (an agency's words). */
  function replyMessage(row: LetterRow, token: string) {
    const params = {
      agency: row.agency_name,
      subject: row.subject,
      received: row.received_on,
      replied: row.replied_on ?? '',
      reply: row.reply_body ?? '',
      code: shownCode(row.tracking_code ?? ''),
      link: `${base}/mailbox/rate/${token}`,
    };
    return {
      subject: translate('zh-CN', 'mailbox.rate.mail_subject', params),
      mail: translate('zh-CN', 'mailbox.rate.mail_text', params),
      sms: translate('zh-CN', 'mailbox.rate.sms_text', params),
    };
  }

  return {
    /**
     * A letter from the portal form. The check is spent first, so a replayed form is refused
     * before anything is stored; the files were checked by the route and are sealed after the
     * letter is received.
     */
    async write(
      db: Db,
      ctx: AuditContext,
      input: LetterFormInput,
      options: { spend: { hash: string; expiresAt: string }; files: readonly UploadedFile[] },
    ) {
      if (!(await spendChallenge(db, options.spend)))
        throw new ValidationError([issue('pow_answer', 'mailbox.write.error.pow_spent')]);
      const received = await core.receiveLetter(db, ctx, {
        agencyId: input.agencyId,
        category: input.category,
        subject: input.subject,
        request: input.request,
        name: input.writerName,
        phone: input.phone,
        email: input.email,
        consentToPublish: input.consentToPublish,
        publishName: input.publishName,
      });
      if (options.files.length)
        await mutate(db, ctx, async (trx, audit) => {
          const n = await insertLetterAttachments(trx, vault, received.id, options.files, nowIso());
          await audit({
            action: 'mailbox.attach_letter_files',
            subjectType: 'mailbox_case',
            subjectId: received.id,
            after: { files: n },
          });
        });
      return received;
    },

    /**
     * Tells the writer of an answered letter, once per reply: an e-mail and/or SMS with the reply
     * and the rating link, queued in the outbox (delivered by deliverDue) in the transaction that
     * makes the link. A second call finds the link and queues nothing; a redone letter's new reply
     * gets its own message and link.
     */
    async notifyAnswered(trx: Executor, row: LetterRow): Promise<boolean> {
      const email = vault.open(row.writer_email_enc);
      const mobile = row.writer_phone_enc ? mobileNumber(vault.open(row.writer_phone_enc)) : null;
      if (row.current_version_id === null) return false;
      const token = newRatingToken();
      if (!(await store.insertRatingLink(trx, row.id, row.current_version_id, ratingTokenHash(token), nowIso())))
        return false;
      const text = replyMessage(row, token);
      const key = `mailbox-answered:${row.id}:${row.current_version_id}`;
      if (email) await enqueueMail(trx, { to: [email], subject: text.subject, text: text.mail, dedupeKey: key });
      if (mobile) await enqueueSms(trx, { phoneSealed: vault.seal(mobile)!, text: text.sms, dedupeKey: key });
      return true;
    },

    /** Sends the answer message of every answered letter that has none yet (a job and a command). */
    async notifyDue(db: Db, ctx: AuditContext, limit = 50): Promise<number> {
      const due = await store.answeredWithoutLink(db, limit);
      let sent = 0;
      for (const row of due)
        await mutate(db, ctx, async (trx, audit) => {
          // Another process may have sent it meanwhile: the event then says nothing was queued.
          const queued = await this.notifyAnswered(trx, row);
          if (queued) sent++;
          await audit({
            action: 'mailbox.notify_answered',
            subjectType: 'mailbox_case',
            subjectId: row.id,
            after: { queued },
          });
        });
      return sent;
    },

    /**
     * The writer's rating, once; a comment is kept with it. A satisfied or basically satisfied
     * writer's rating is the callback (回访) itself: the core records it and closes the letter. A
     * dissatisfied one waits for the disclosure office, which decides between the callback and a
     * redo (重办) — the start page's panel shows it (docs/domain/mailbox-and-hotline.md#order-life).
     */
    async rate(
      db: Db,
      ctx: AuditContext,
      link: MailboxRatingLinkRow,
      letter: { trackingCode: string },
      input: { rating: Rating; comment: string | null },
    ): Promise<boolean> {
      const comment = input.comment?.trim().slice(0, MAX_RATING_COMMENT) || null;
      const recorded = await mutate(db, ctx, async (trx, audit) => {
        const done = await store.recordRating(trx, link.id, {
          rating: input.rating,
          comment,
          at: nowIso(),
          on: todayInChina(),
        });
        await audit({
          action: 'mailbox.rate_reply',
          subjectType: 'mailbox_case',
          subjectId: link.case_id,
          after: { rating: input.rating, recorded: done },
        });
        return done;
      });
      if (recorded && input.rating !== 'dissatisfied') {
        try {
          await core.rateByWriter(db, ctx, letter.trackingCode, { rating: input.rating, comment });
        } catch (error) {
          // The office recorded the callback meanwhile: the writer's rating stays with the link.
          if (!(error instanceof AppError && error.status === 409)) throw error;
        }
      }
      return recorded;
    },
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
