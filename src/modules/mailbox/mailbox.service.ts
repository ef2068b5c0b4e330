// The mailbox's operations: receiving letters and 12345 work orders, taking the workflow's steps,
// the settings of limits and routing, and the daily reminders. Each is one transaction with its
// audit event (platform/mutation.ts); the writer's personal data is sealed by the vault before it
// reaches the database and never written into the audit log.
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { mutate } from '../../platform/mutation.ts';
import type { StepBy } from '../../platform/workflow/versioned-document.ts';
import { newTrackingCode } from '../applications/index.ts';
import { getCalendar } from '../calendar/index.ts';
import { activeUnits } from '../organisation/index.ts';
import {
  isMailboxCategory,
  type MailboxCategory,
  type MailboxEvent,
  type MailboxSource,
  type WorkOrderInput,
} from './mailbox.ts';
import { computeDue, escalationsDue, limitFor, type DueResult } from './mailbox-limits.ts';
import { storedLimit } from './mailbox.clock.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';
import { mailboxDocuments, type MailboxStepInput } from './mailbox.workflow.ts';
import { limitIssues, letterIssues, orderIssues, type LetterInput, type LimitInput } from './mailbox-input.ts';

export type { LetterInput, LimitInput } from './mailbox-input.ts';

/** A case with the writer's personal data opened, for the people handling it. */
export type OpenedMailboxCase = MailboxCaseRow & {
  readonly writer_name: string | null;
  readonly writer_phone: string | null;
  readonly writer_email: string | null;
};

interface Dated {
  readonly calendar?: WorkingDayCalendar;
}

/** The China date of an instant. */
function chinaDateOf(instant: string): string {
  return todayInChina(new Date(instant));
}

async function dueOf(
  db: Executor,
  calendar: WorkingDayCalendar,
  c: {
    agencyId: number;
    source: MailboxSource;
    category: MailboxCategory;
    receivedOn: string;
    required?: string | null;
  },
): Promise<DueResult & { limitColumns: { limit_working_days: number | null; limit_same_day: number | null } }> {
  const configured = await store.limit(db, c.agencyId, c.source, c.category);
  const limit = limitFor(
    c.category,
    configured ? { workingDays: configured.working_days, sameDay: configured.same_day === 1 } : null,
  );
  const due = computeDue({ receivedOn: c.receivedOn, limit, requiredReplyDate: c.required ?? null }, calendar);
  const limitColumns = c.required
    ? { limit_working_days: null, limit_same_day: null }
    : { limit_working_days: limit.workingDays, limit_same_day: limit.sameDay ? 1 : 0 };
  return { ...due, limitColumns };
}

export function createMailboxService(vault: PersonalDataVault) {
  const opened = (row: MailboxCaseRow): OpenedMailboxCase => ({
    ...row,
    writer_name: vault.open(row.writer_name_enc),
    writer_phone: vault.open(row.writer_phone_enc),
    writer_email: vault.open(row.writer_email_enc),
  });
  return {
    /** A letter written to the mailbox of `input.agencyId`; returns its id and the writer's tracking code. */
    async receiveLetter(
      db: Db,
      ctx: AuditContext,
      input: LetterInput,
      options: Dated = {},
    ): Promise<{ id: number; trackingCode: string }> {
      const issues = letterIssues(input);
      if (issues.length) throw new ValidationError(issues);
      const receivedAt = input.receivedAt ?? nowIso();
      const receivedOn = chinaDateOf(receivedAt);
      const calendar = options.calendar ?? (await getCalendar(db));
      const category = input.category as MailboxCategory;
      return mutate(db, ctx, async (trx, audit) => {
        const due = await dueOf(trx, calendar, { agencyId: input.agencyId, source: 'letter', category, receivedOn });
        const trackingCode = newTrackingCode();
        const id = await insertCase(trx, {
          agency_id: input.agencyId,
          source: 'letter',
          external_no: null,
          tracking_code: trackingCode,
          category,
          subject: input.subject.trim(),
          request_text: input.request.trim(),
          writer_name_enc: vault.seal(input.name?.trim() || null),
          writer_phone_enc: vault.seal(input.phone?.trim() || null),
          writer_email_enc: vault.seal(input.email?.trim() || null),
          consent_to_publish: input.consentToPublish ? 1 : 0,
          publish_name: input.consentToPublish && input.publishName ? 1 : 0,
          received_at: receivedAt,
          received_on: receivedOn,
          due_date: due.dueDate,
          original_due_date: due.originalDueDate,
          required_reply_date: null,
          ...due.limitColumns,
        });
        await audit({
          action: 'mailbox.receive_letter',
          subjectType: 'mailbox_case',
          subjectId: id,
          after: {
            agencyId: input.agencyId,
            category,
            receivedOn,
            dueDate: due.dueDate,
            consent: !!input.consentToPublish,
          },
        });
        return { id, trackingCode };
      });
    },

    /**
     * Work orders dispatched by the 12345 centre to `agencyId`, all in one transaction: an invalid
     * order refuses the whole batch; an order number the agency already has (or one repeated in the
     * batch) changes nothing and is reported as known.
     */
    async receiveWorkOrders(
      db: Db,
      ctx: AuditContext,
      agencyId: number,
      orders: readonly WorkOrderInput[],
      options: Dated = {},
    ): Promise<{ created: string[]; known: string[] }> {
      const issues: ValidationIssue[] = orders.flatMap((o, i) => orderIssues(o, i));
      if (issues.length) throw new ValidationError(issues);
      const calendar = options.calendar ?? (await getCalendar(db));
      return mutate(db, ctx, async (trx, audit) => {
        const numbers = orders.map((o) => o.externalNo.trim());
        const seen = await store.knownOrderNumbers(trx, agencyId, numbers);
        const created: string[] = [];
        const known: string[] = [];
        for (const order of orders) {
          const no = order.externalNo.trim();
          if (seen.has(no)) {
            known.push(no);
            continue;
          }
          seen.add(no);
          await insertOrder(trx, calendar, agencyId, no, order, vault);
          created.push(no);
        }
        await audit({
          action: 'mailbox.receive_orders',
          subjectType: 'agency',
          subjectId: agencyId,
          after: { created: created.length, known: known.length, numbers: created.slice(0, 50) },
        });
        return { created, known };
      });
    },

    /**
     * One step of the workflow on case `id`. The route has authorized the actor on the case as it
     * loaded it (mailboxDocuments.authorizeStep); `by.whileStatus` is the state it saw.
     */
    async step(db: Db, ctx: AuditContext, id: number, event: MailboxEvent, input: MailboxStepInput, by: StepBy) {
      return mutate(db, ctx, async (trx, audit) =>
        mailboxDocuments.transition(trx, audit, await mailboxDocuments.load(trx, id), event, input, by),
      );
    },

    /**
     * The writer's own rating from the link of a replied letter (no account: the tracking code is
     * the proof): the callback step of the table, recorded with no user. Refused (409) unless the
     * letter is replied and not yet rated.
     */
    async rateByWriter(
      db: Db,
      ctx: AuditContext,
      trackingCode: string,
      input: { rating: string; comment?: string | null },
    ): Promise<void> {
      const found = await store.byTrackingCode(db, trackingCode);
      if (!found || found.source !== 'letter') throw new NotFoundError();
      await mutate(db, ctx, async (trx, audit) => {
        const doc = await mailboxDocuments.load(trx, found.id);
        // The status row's actor is null: the writer is no user of the platform.
        const writer: StepBy = { actedBy: null as unknown as number, whileStatus: 'replied' };
        const step: MailboxStepInput = { rating: input.rating, comment: input.comment ?? null };
        await mailboxDocuments.transition(trx, audit, doc, 'record_callback', step, writer);
      });
    },

    /** Sets the limit of one source and category for an agency, replacing the default. */
    async setLimit(db: Db, ctx: AuditContext, agencyId: number, input: LimitInput): Promise<void> {
      const issues = limitIssues(input);
      if (issues.length) throw new ValidationError(issues);
      await mutate(db, ctx, async (trx, audit) => {
        await store.setLimit(trx, {
          agency_id: agencyId,
          source: input.source,
          category: input.category,
          working_days: input.sameDay ? 0 : input.workingDays,
          same_day: input.sameDay ? 1 : 0,
          updated_at: nowIso(),
        });
        await audit({ action: 'mailbox.set_limit', subjectType: 'agency', subjectId: agencyId, after: { ...input } });
      });
    },

    /** Removes an agency's limit: the default applies again to cases received from now on. */
    async removeLimit(db: Db, ctx: AuditContext, agencyId: number, source: string, category: string): Promise<void> {
      await mutate(db, ctx, async (trx, audit) => {
        await store.removeLimit(trx, agencyId, source, category);
        await audit({
          action: 'mailbox.remove_limit',
          subjectType: 'agency',
          subjectId: agencyId,
          before: { source, category },
        });
      });
    },

    /** The unit that handles a category's cases when the office assigns without choosing. */
    async setRoutingRule(db: Db, ctx: AuditContext, agencyId: number, category: string, unitId: number): Promise<void> {
      if (!isMailboxCategory(category)) throw new ValidationError([issue('category', 'mailbox.error.category')]);
      await mutate(db, ctx, async (trx, audit) => {
        if (!(await activeUnits(trx, agencyId)).some((u) => u.id === unitId))
          throw new ValidationError([issue('unit_id', 'mailbox.error.unit_unknown')]);
        await store.setRoutingRule(trx, agencyId, category, unitId, nowIso());
        await audit({
          action: 'mailbox.set_route',
          subjectType: 'agency',
          subjectId: agencyId,
          after: { category, unitId },
        });
      });
    },

    async removeRoutingRule(db: Db, ctx: AuditContext, agencyId: number, category: string): Promise<void> {
      await mutate(db, ctx, async (trx, audit) => {
        await store.removeRoutingRule(trx, agencyId, category);
        await audit({
          action: 'mailbox.remove_route',
          subjectType: 'agency',
          subjectId: agencyId,
          before: { category },
        });
      });
    },

    /**
     * The daily job: for every unanswered case past its due date, the reminder and escalation on
     * the first working day after it and the bulletin entry 5 working days later, each recorded
     * once (a second run on the same day, or the next, adds nothing).
     */
    async runReminders(db: Db, ctx: AuditContext, options: Dated & { today?: string } = {}): Promise<number> {
      const today = options.today ?? todayInChina();
      const calendar = options.calendar ?? (await getCalendar(db));
      const overdue = await store.overdue(db, null, today);
      const have = new Set(
        (
          await store.escalations(
            db,
            overdue.map((c) => c.id),
          )
        ).map((e) => `${e.case_id}:${e.kind}`),
      );
      const wanted = overdue.flatMap((c) =>
        escalationsDue(c.due_date, today, calendar)
          .filter((e) => !have.has(`${c.id}:${e.kind}`))
          .map((e) => ({ caseId: c.id, ...e })),
      );
      if (wanted.length === 0) return 0;
      return mutate(db, ctx, async (trx, audit) => {
        const at = nowIso();
        const byCase = new Map<number, string[]>();
        for (const w of wanted)
          if (await store.addEscalation(trx, w.caseId, w.kind, w.dueOn, at))
            byCase.set(w.caseId, [...(byCase.get(w.caseId) ?? []), w.kind]);
        for (const [caseId, kinds] of byCase)
          await audit({
            action: 'mailbox.remind',
            subjectType: 'mailbox_case',
            subjectId: caseId,
            after: { today, kinds },
          });
        // Another run took them all first: the job still records that it ran.
        if (byCase.size === 0)
          await audit({
            action: 'mailbox.remind',
            subjectType: 'mailbox_case',
            subjectId: wanted[0]!.caseId,
            after: { today, kinds: [] },
          });
        return [...byCase.values()].reduce((n, k) => n + k.length, 0);
      });
    },

    /** The due date of a case and why, day by day, with the extensions granted since. */
    async clock(db: Executor, row: MailboxCaseRow, options: Dated = {}): Promise<DueResult> {
      const calendar = options.calendar ?? (await getCalendar(db));
      const extensions = (await store.extensions(db, row.id)).map((e) => ({ on: e.asked_on, to: e.to_date }));
      return computeDue(
        {
          receivedOn: row.received_on,
          limit: storedLimit(row),
          requiredReplyDate: row.required_reply_date,
          extensions,
        },
        calendar,
      );
    },

    /** The writer's personal data in full, for one who asked to see it: every such view is an audit event. */
    async revealPersonalData(db: Db, ctx: AuditContext, row: MailboxCaseRow): Promise<OpenedMailboxCase> {
      return mutate(db, ctx, async (_trx, audit) => {
        await audit({
          action: 'mailbox.personal_data_view',
          subjectType: 'mailbox_case',
          subjectId: row.id,
          after: {
            fields: (['name', 'phone', 'email'] as const).filter((f) => row[`writer_${f}_enc`] !== null),
          },
        });
        return opened(row);
      });
    },

    /** The case with the writer's personal data opened. */
    opened,
  };
}

export type MailboxService = ReturnType<typeof createMailboxService>;

type NewCase = Omit<
  Parameters<typeof store.insert>[1],
  'status' | 'current_version_id' | 'created_at' | 'updated_at' | 'assigned_unit_id'
>;

/** The case in its first state with its creation status row. */
async function insertCase(trx: Tx, values: NewCase): Promise<number> {
  const at = nowIso();
  const id = await store.insert(trx, {
    ...values,
    status: mailboxDocuments.kind.initialStatus,
    assigned_unit_id: null,
    current_version_id: null,
    created_at: at,
    updated_at: at,
  });
  await mailboxDocuments.recordStatus(trx, {
    documentId: id,
    versionId: null,
    from: null,
    to: mailboxDocuments.kind.initialStatus,
    event: 'create',
    userId: null,
    reason: null,
  });
  return id;
}

async function insertOrder(
  trx: Tx,
  calendar: WorkingDayCalendar,
  agencyId: number,
  externalNo: string,
  order: WorkOrderInput,
  vault: PersonalDataVault,
): Promise<number> {
  const receivedOn = chinaDateOf(order.receivedAt);
  const due = await dueOf(trx, calendar, {
    agencyId,
    source: 'hotline',
    category: order.category,
    receivedOn,
    required: order.requiredReplyDate ?? null,
  });
  return insertCase(trx, {
    agency_id: agencyId,
    source: 'hotline',
    external_no: externalNo,
    tracking_code: null,
    category: order.category,
    subject: order.subject.trim(),
    request_text: order.request.trim(),
    writer_name_enc: vault.seal(order.callerName?.trim() || null),
    writer_phone_enc: vault.seal(order.callerPhone?.trim() || null),
    writer_email_enc: null,
    consent_to_publish: 0,
    publish_name: 0,
    received_at: new Date(order.receivedAt).toISOString(),
    received_on: receivedOn,
    due_date: due.dueDate,
    original_due_date: due.originalDueDate,
    required_reply_date: order.requiredReplyDate ?? null,
    ...due.limitColumns,
  });
}
