// Letters that are applications, and applications that are letters (issue 16 item 6;
// docs/domain/mailbox-and-hotline.md#letters-and-applications). A letter or work order that asks
// for government information is registered as the disclosure application it is (Art. 29), with the
// day the mailbox received it as its date of receipt (Art. 31), through the applications module's
// own service and in the same transaction as the case's change, so that nothing is half-written.
// An application answered as a petition or complaint (Art. 39 ¶1) may be passed to the mailbox as
// a letter, which the limits of the mailbox then govern. The writer's personal data goes across
// sealed: opened in memory, sealed again by the receiving side, never in an event or the audit log.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { mutate } from '../../platform/mutation.ts';
import {
  applicationsStore,
  formatTrackingCode,
  newTrackingCode,
  type ApplicationsService,
  type Created,
} from '../applications/index.ts';
import { getCalendar } from '../calendar/index.ts';
import { openMailboxStatuses, type MailboxCategory, type MailboxStatus } from './mailbox.ts';
import { computeDue, limitFor } from './mailbox-limits.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import { conversionStore } from './conversion.store.ts';
import { mailboxDocuments } from './mailbox.workflow.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';

/** Art. 39 ¶1's outcome, the only one whose application may be passed to the mailbox. */
export const PASSABLE_OUTCOME = 'not_processed_petition';
/** A petition, complaint or report arrives in the mailbox as a complaint, the category with its limit. */
export const PASSED_CATEGORY: MailboxCategory = 'complaint';

/** Whether a case may still become an application: it waits for its answer and is not converted. */
export function convertible(row: Pick<MailboxCaseRow, 'status' | 'application_id'>): boolean {
  return row.application_id === null && (openMailboxStatuses as readonly string[]).includes(row.status);
}

/** The applicant's part of the form, with what the letter already says where the form leaves it empty. */
export function carriedOver(
  form: Record<string, unknown>,
  letter: { name: string | null; phone: string | null; email: string | null; request: string },
): Record<string, unknown> {
  const given = (key: string) =>
    typeof form[key] === 'string' && (form[key] as string).trim() !== '' ? form[key] : null;
  return {
    ...form,
    applicant_name: given('applicant_name') ?? letter.name ?? '',
    phone: given('phone') ?? letter.phone ?? '',
    email: given('email') ?? letter.email ?? '',
    description: given('description') ?? letter.request,
  };
}

export function createConversionService(vault: PersonalDataVault, applications: ApplicationsService) {
  return {
    /**
     * Registers the letter or work order as a disclosure application and closes the case as
     * converted; `form` is the applicant's part of the application form (Art. 29 (一)–(三)).
     */
    async convertToApplication(
      db: Db,
      ctx: AuditContext,
      caseId: number,
      form: Record<string, unknown>,
      by: { actedBy: number; whileStatus?: string },
    ): Promise<Created> {
      const row = await store.byId(db, caseId);
      if (!row) throw new NotFoundError();
      if (!convertible(row)) throw new ValidationError([issue('case', 'mailbox.conversion.not_convertible')]);
      const body = carriedOver(form, {
        name: vault.open(row.writer_name_enc),
        phone: vault.open(row.writer_phone_enc),
        email: vault.open(row.writer_email_enc),
        request: row.request_text,
      });
      const whileStatus = by.whileStatus ?? row.status;
      return mutate(db, ctx, async (trx, audit) => {
        const created = await applications.registerConverted(trx, audit, ctx, row.agency_id, body, {
          receivedOn: row.received_on,
          from: {
            source: row.source === 'hotline' ? 'hotline' : 'letter',
            caseId,
            reference: row.external_no ?? formatTrackingCode(row.tracking_code ?? ''),
          },
        });
        if (!(await conversionStore.markConverted(trx, caseId, whileStatus, created.id)))
          throw new ConflictError('mailbox.error.changed_meanwhile');
        await mailboxDocuments.recordStatus(trx, {
          documentId: caseId,
          versionId: null,
          from: whileStatus,
          to: 'converted',
          event: 'convert',
          userId: by.actedBy,
          reason: null,
        });
        await audit({
          action: 'mailbox.convert_to_application',
          subjectType: 'mailbox_case',
          subjectId: caseId,
          before: { status: whileStatus },
          after: { status: 'converted', applicationId: created.id, receivedOn: row.received_on },
        });
        return created;
      });
    },

    /**
     * The application, answered as a petition, complaint or report (Art. 39 ¶1 “可以告知通过相应渠道提出”),
     * passed to the mailbox as a complaint received today; the letter names the application.
     */
    async passFromApplication(
      db: Db,
      ctx: AuditContext,
      applicationId: number,
    ): Promise<{ id: number; trackingCode: string }> {
      const app = await applicationsStore.byId(db, applicationId);
      if (!app) throw new NotFoundError();
      if (app.outcome !== PASSABLE_OUTCOME)
        throw new ValidationError([issue('application', 'mailbox.conversion.not_passable')]);
      if (await conversionStore.passedTo(db, applicationId))
        throw new ValidationError([issue('application', 'mailbox.conversion.passed_already')]);
      const personal = applications.personalData(app);
      const writer = { name: applications.applicantName(app), phone: personal.phone, email: personal.email };
      const calendar = await getCalendar(db);
      const receivedAt = nowIso();
      const receivedOn = todayInChina();
      return mutate(db, ctx, async (trx, audit) => {
        const configured = await store.limit(trx, app.agency_id, 'letter', PASSED_CATEGORY);
        const limit = limitFor(
          PASSED_CATEGORY,
          configured ? { workingDays: configured.working_days, sameDay: configured.same_day === 1 } : null,
        );
        const due = computeDue({ receivedOn, limit, requiredReplyDate: null }, calendar);
        const trackingCode = newTrackingCode();
        const id = await insertPassed(
          trx,
          {
            agency_id: app.agency_id,
            source: 'letter',
            external_no: null,
            tracking_code: trackingCode,
            category: PASSED_CATEGORY,
            subject: `政府信息公开申请 ${formatTrackingCode(app.tracking_code)} 转来`,
            request_text: app.description,
            writer_name_enc: vault.seal(writer.name || null),
            writer_phone_enc: vault.seal(writer.phone),
            writer_email_enc: vault.seal(writer.email),
            consent_to_publish: 0,
            publish_name: 0,
            received_at: receivedAt,
            received_on: receivedOn,
            due_date: due.dueDate,
            original_due_date: due.originalDueDate,
            required_reply_date: null,
            // Kept with the case, so that a change of the calendar recounts it on the same limit.
            limit_working_days: limit.workingDays,
            limit_same_day: limit.sameDay ? 1 : 0,
            from_application_id: app.id,
          },
          ctx.actorUserId,
        );
        await audit({
          action: 'mailbox.pass_from_application',
          subjectType: 'mailbox_case',
          subjectId: id,
          after: { applicationId: app.id, category: PASSED_CATEGORY, receivedOn, dueDate: due.dueDate },
        });
        return { id, trackingCode };
      });
    },
  };
}

export type ConversionService = ReturnType<typeof createConversionService>;

/** The passed letter in the workflow's first state, with its creation status row. */
async function insertPassed(
  trx: Tx,
  values: Omit<Parameters<typeof store.insert>[1], 'status' | 'current_version_id' | 'created_at' | 'updated_at'>,
  userId: number | null,
): Promise<number> {
  const at = nowIso();
  const initial = mailboxDocuments.kind.initialStatus as MailboxStatus;
  const id = await store.insert(trx, {
    ...values,
    status: initial,
    assigned_unit_id: null,
    current_version_id: null,
    created_at: at,
    updated_at: at,
  });
  await mailboxDocuments.recordStatus(trx, {
    documentId: id,
    versionId: null,
    from: null,
    to: initial,
    event: 'create',
    userId,
    reason: null,
  });
  return id;
}
