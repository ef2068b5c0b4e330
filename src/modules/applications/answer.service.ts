// The answer online (issue 15, item 2). The tracking code shows the outcome and the date; the files
// (the reply notice names the applicant and repeats the request) need a proof that the case is
// the applicant's: the correction key, or the last 6 characters of the identity number or phone
// number given, compared with the sealed value opened by the vault, in constant time, on a
// rate-limited POST. A proof gives links signed with the vault's index key over the tracking
// code, the file and an expiry a few minutes ahead: a link cannot be guessed, moved to another
// case or another file, or kept for later. Every download is audited. When a case is answered,
// the applicant is told by e-mail (the mail outbox) and by SMS (the SMS outbox) once.
import { timingSafeEqual } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { enqueueSms, mobileNumber } from '../../platform/mail/sms.ts';
import { checkUpload } from '../../platform/files/check.ts';
import { PUBLICATION_KINDS } from '../../platform/files/kinds.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { applicantKeyMatches } from './applicant-key.ts';
import { applicationsStore as store } from './applications.store.ts';
import { attachmentRow, decryptAttachment, insertAttachments, MAX_ATTACHMENT_BYTES } from './attachments.ts';
import type { ApplicationRow } from './applications.table.ts';
import {
  ANSWER_LINK_MINUTES,
  answerFileName,
  answerNotification,
  parseProof,
  tailOf,
  type AnswerFile,
} from './answer.ts';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The released files of a case (kind `released`), without their content. */
export function releasedFiles(db: Executor, applicationId: number) {
  return db
    .selectFrom('application_attachments')
    .select(['id', 'name', 'mime', 'bytes'])
    .where('application_id', '=', applicationId)
    .where('kind', '=', 'released')
    .orderBy('id')
    .execute();
}

/** Tells the applicant that the case is answered: an e-mail when they gave an address, an SMS when
 *  they gave a mobile number. Called inside the reply's transaction; keyed by the case, so a second
 *  call queues nothing. */
export type AnswerNotifier = (trx: Executor, app: ApplicationRow, repliedOn: string) => Promise<void>;

export function answerNotifier(vault: PersonalDataVault, publicBaseUrl: string): AnswerNotifier {
  return async (trx, app, repliedOn) => {
    const email = vault.open(app.email_enc);
    const mobile = app.phone_enc ? mobileNumber(vault.open(app.phone_enc)) : null;
    if (!email && !mobile) return;
    const agency = await store.agency(trx, app.agency_id);
    const text = answerNotification({
      agencyName: agency?.name ?? '',
      trackingCode: app.tracking_code,
      repliedOn,
      trackingUrl: `${publicBaseUrl.replace(/\/+$/, '')}/apply/track/${app.tracking_code}`,
    });
    if (email)
      await enqueueMail(trx, { to: [email], subject: text.subject, text: text.mail, dedupeKey: `answered:${app.id}` });
    if (mobile)
      await enqueueSms(trx, { phoneSealed: vault.seal(mobile)!, text: text.sms, dedupeKey: `answered:${app.id}` });
  };
}

export function createAnswerService(vault: PersonalDataVault) {
  function signature(code: string, name: string, expires: number): string {
    return vault.blindIndex(`answer-link|${code}|${name}|${expires}`);
  }

  return {
    /** True when `typed` is the case's correction key or the tail of its identity or phone number. */
    proves(app: ApplicationRow, typed: unknown): 'ok' | 'wrong' | 'format' {
      const proof = parseProof(typed);
      if (!proof) return 'format';
      if (proof.kind === 'key')
        return applicantKeyMatches(vault, app.tracking_code, proof.key, app.applicant_key_hash) ? 'ok' : 'wrong';
      // Every candidate is compared, so the time taken does not say which one matched.
      const tails = [tailOf(vault.open(app.id_number_enc)), tailOf(vault.open(app.phone_enc))];
      let ok = false;
      for (const tail of tails) if (tail && same(tail, proof.tail)) ok = true;
      return ok ? 'ok' : 'wrong';
    },

    /** A download link for one file of the case, valid ANSWER_LINK_MINUTES from `nowMs`. */
    link(app: ApplicationRow, file: AnswerFile, nowMs: number): string {
      const name = answerFileName(file);
      const expires = Math.floor(nowMs / 1000) + ANSWER_LINK_MINUTES * 60;
      return `/apply/track/${app.tracking_code}/answer/${name}?expires=${expires}&sig=${signature(app.tracking_code, name, expires)}`;
    },

    /** Whether a link's signature holds for this case and file, and whether it is still valid. */
    check(app: ApplicationRow, name: string, expires: string | undefined, sig: string | undefined, nowMs: number) {
      if (!expires || !/^\d{1,12}$/.test(expires) || !sig) return 'bad' as const;
      if (!same(signature(app.tracking_code, name, Number(expires)), sig)) return 'bad' as const;
      return Number(expires) * 1000 < nowMs ? ('expired' as const) : ('ok' as const);
    },

    /** A released file of this case (404 for another case's file or an applicant's own attachment),
     *  with its download audited. */
    async released(db: Db, ctx: AuditContext, app: ApplicationRow, id: number) {
      const row = await attachmentRow(db, id);
      if (!row || row.application_id !== app.id || row.kind !== 'released') throw new NotFoundError();
      return mutate(db, ctx, async (_trx, audit) => {
        await audit({
          action: 'application.answer_download',
          subjectType: 'application',
          subjectId: app.id,
          after: { file: 'released', attachmentId: row.id },
        });
        return { name: row.name, mime: row.mime, data: decryptAttachment(vault, row.content_enc) };
      });
    },

    /** Records that the applicant fetched the reply notice (DOCX or web page). */
    async noticeFetched(db: Db, ctx: AuditContext, app: ApplicationRow, format: 'docx' | 'html'): Promise<void> {
      await mutate(db, ctx, async (_trx, audit) => {
        await audit({
          action: 'application.answer_download',
          subjectType: 'application',
          subjectId: app.id,
          after: { file: 'notice', format },
        });
      });
    },

    /** Attaches the information released with the reply (documents and images the portal accepts,
     *  sniffed, at most 5 MB each), for the applicant to download from the tracking page. */
    async attachReleased(
      db: Db,
      ctx: AuditContext,
      applicationId: number,
      files: readonly { name: string; data: Buffer }[],
    ): Promise<number> {
      const issues = files.flatMap((f) => {
        if (f.data.length > MAX_ATTACHMENT_BYTES)
          return [
            issue('released', 'applications.attachment.too_large', {
              name: f.name,
              max: MAX_ATTACHMENT_BYTES / 1048576,
            }),
          ];
        const check = checkUpload({ field: 'released', filename: f.name, bytes: f.data }, PUBLICATION_KINDS);
        return check.ok ? [] : [check.issue];
      });
      if (issues.length) throw new ValidationError(issues);
      const inputs = files.map((f) => ({
        field: 'released',
        kind: 'released' as const,
        name: f.name,
        declaredMime: '',
        data: f.data,
      }));
      return mutate(db, ctx, async (trx, audit) => {
        const n = await insertAttachments(trx, vault, applicationId, inputs, ctx.actorUserId, nowIso());
        await audit({
          action: 'application.released_attached',
          subjectType: 'application',
          subjectId: applicationId,
          after: { files: n },
        });
        return n;
      });
    },
  };
}

export type AnswerService = ReturnType<typeof createAnswerService>;
