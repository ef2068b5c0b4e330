// What the applicant does after applying, and the officer's handling of the applicant's secrets
// and files: the correction sent through the tracking page (Art. 30: the clock restarts from
// the receipt of the corrected application), a new correction key, and the audited download of
// an attachment. Each change is one transaction with its audit event.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { getCalendar } from '../calendar/index.ts';
import { applicationsStore as store } from './applications.store.ts';
import { deadlineOf, detailOf, storedClock } from './applications.clock.ts';
import { applicantKeyHash, applicantKeyMatches, newApplicantKey } from './applicant-key.ts';
import { attachmentRow, decryptAttachment } from './attachments.ts';
import type { ApplicationRow } from './applications.table.ts';

export const correctionSpec = {
  applicant_key: { kind: 'text', label: 'applications.correction.key', required: true, max: 40 },
  description: { kind: 'text', label: 'applications.field.description', required: true, max: 2000 },
  document_number_hint: { kind: 'text', label: 'applications.field.document_number_hint', max: 200 },
  correction_note: { kind: 'text', label: 'applications.correction.note', max: 1000 },
} as const;

/** The correction request the applicant must answer: what to correct and by when. */
export function pendingCorrection(
  app: ApplicationRow,
  events: readonly { kind: string; occurred_on: string; detail_json: string }[],
): { requestedOn: string; correctBy: string | null; note: string } | null {
  if (app.status !== 'awaiting_correction') return null;
  const request = [...events].reverse().find((e) => e.kind === 'correction_requested');
  if (!request) return null;
  const d = detailOf(request);
  return {
    requestedOn: request.occurred_on,
    correctBy: typeof d.correctBy === 'string' ? d.correctBy : null,
    note: typeof d.note === 'string' ? d.note : '',
  };
}

export function createApplicantService(vault: PersonalDataVault) {
  function keyMatches(app: ApplicationRow, typed: unknown): boolean {
    return typeof typed === 'string' && applicantKeyMatches(vault, app.tracking_code, typed, app.applicant_key_hash);
  }

  return {
    keyMatches,

    /** The applicant's corrected application, sent with the correction key. Recorded as
     *  correction_received on today's date (Art. 31: online, confirmed on receipt), which restarts
     *  the 20 working days (Art. 30); the earlier wording is kept in the event. */
    async correct(db: Db, ctx: AuditContext, app: ApplicationRow, body: unknown): Promise<{ dueDate: string | null }> {
      const { values: v, issues } = readForm(correctionSpec, body);
      if (!keyMatches(app, v.applicant_key))
        throw new ValidationError([issue('applicant_key', 'applications.correction.key_wrong')]);
      if (issues.length) throw new ValidationError(issues);
      const calendar = await getCalendar(db);
      const today = todayInChina();
      return mutate(db, ctx, async (trx, audit) => {
        // Re-read inside the transaction: a second submission of the same form finds the case
        // no longer waiting and is refused, so a replay records nothing.
        const current = await store.byId(trx, app.id);
        if (!current) throw new NotFoundError();
        const events = await store.events(trx, app.id);
        const pending = pendingCorrection(current, events);
        if (!pending) throw new ValidationError([issue('description', 'applications.correction.not_pending')]);
        // Art. 30 ends the case only for a correction late “无正当理由”: a late one is still taken
        // (the office judges the reason) and marked, unless the office has already closed the case.
        const late = pending.correctBy !== null && today > pending.correctBy;
        const result = deadlineOf(current, events, calendar, { extra: { type: 'correction_received', date: today } });
        const detail = {
          by: 'applicant',
          previousDescription: current.description,
          previousDocumentNumberHint: current.document_number_hint,
          ...(v.correction_note ? { note: v.correction_note } : {}),
          ...(late ? { late: true } : {}),
        };
        const at = nowIso();
        await store.addEvent(trx, {
          application_id: app.id,
          kind: 'correction_received',
          occurred_on: today,
          detail,
          public: true,
          actor_user_id: null,
          created_at: at,
        });
        const next = storedClock(result, [
          ...events,
          { kind: 'correction_received', occurred_on: today, detail_json: JSON.stringify(detail) },
        ]);
        await store.update(trx, app.id, {
          ...next,
          description: v.description!,
          document_number_hint: v.document_number_hint,
          updated_at: at,
        });
        await audit({
          action: 'application.corrected_by_applicant',
          subjectType: 'application',
          subjectId: app.id,
          before: { status: current.status },
          after: { date: today, status: next.status, dueDate: next.due_date, late },
        });
        return { dueDate: next.due_date };
      });
    },

    /** A new correction key for the applicant (a counter application, or a lost key); the old one
     *  stops working. Returned once, for the officer to hand over. */
    async issueKey(db: Db, ctx: AuditContext, app: ApplicationRow): Promise<string> {
      const key = newApplicantKey();
      await mutate(db, ctx, async (trx, audit) => {
        await store.update(trx, app.id, {
          applicant_key_hash: applicantKeyHash(vault, app.tracking_code, key),
          updated_at: nowIso(),
        });
        await audit({ action: 'application.applicant_key_issued', subjectType: 'application', subjectId: app.id });
      });
      return key;
    },

    /** An attachment's plaintext, for a role that may see personal data; every view is audited. */
    async viewAttachment(
      db: Db,
      ctx: AuditContext,
      app: ApplicationRow,
      attachmentId: number,
    ): Promise<{ name: string; mime: string; data: Buffer }> {
      const row = await attachmentRow(db, attachmentId);
      if (!row || row.application_id !== app.id) throw new NotFoundError();
      return mutate(db, ctx, async (_trx, audit) => {
        await audit({
          action: 'application.attachment_view',
          subjectType: 'application',
          subjectId: app.id,
          after: { attachmentId: row.id, kind: row.kind },
        });
        return { name: row.name, mime: row.mime, data: decryptAttachment(vault, row.content_enc) };
      });
    },
  };
}

export type ApplicantService = ReturnType<typeof createApplicantService>;
