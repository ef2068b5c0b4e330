// The answer to an application: the handler's draft, the head's approval or return, and the
// reply itself (clock stopped on its date, notice numbered); apart from intake and case events.
// Each runs in one transaction with its events and audit event, like applications.service.ts.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';
import { getCalendar } from '../calendar/index.ts';
import { DeadlineInputError, type DeadlineIssue, type DeadlineResult } from './deadline.ts';
import { applicationsStore as store } from './applications.store.ts';
import { clockIssue, deadlineOf, storedClock } from './applications.clock.ts';
import {
  approvalSpec,
  checkEnding,
  parseReply,
  pendingDraft,
  returnSpec,
  type CatalogRef,
  type ParsedReply,
  type ReplyDraft,
} from './applications.events.ts';
import type { ApplicationRow } from './applications.table.ts';
import { currentTemplate, templateUse } from './notices/templates.service.ts';
import { replyTemplateKey } from './notices/notices.ts';
import { allocateNoticeNumber } from './notices/notice-settings.ts';
import type { AnswerNotifier } from './answer.service.ts';

export interface Recorded {
  readonly result: DeadlineResult;
  /** Violations this event introduced (e.g. a correction requested after 7 working days). */
  readonly newViolations: readonly DeadlineIssue[];
}

/** Reads the reply form and checks the catalog items it names (Art. 36(一): the answer names
 *  where the information is already public — published items of the agency's catalog). */
async function checkedReply(
  db: Db,
  app: ApplicationRow,
  body: unknown,
): Promise<{ reply: ParsedReply; catalogItems: CatalogRef[] }> {
  const parsed = parseReply(body, app, todayInChina());
  if (parsed.issues.length || !parsed.reply) throw new ValidationError(parsed.issues);
  const refs = parsed.reply.catalogRefs;
  const catalogItems = refs.length ? await store.publishedItems(db, app.agency_id, refs) : [];
  const unknown = refs.filter((r) => !catalogItems.some((i) => i.indexNumber === r));
  if (unknown.length)
    throw new ValidationError([
      issue('catalog_items', 'applications.error.catalog_item_not_found', { refs: unknown.join('、') }),
    ]);
  return { reply: parsed.reply, catalogItems };
}

/** The pending draft the approver saw (its id is in the form): a newer draft or a decision
 *  since then makes the form stale rather than approving something else. */
function currentDraft(rows: Parameters<typeof pendingDraft>[0], draftId: number): ReplyDraft {
  const draft = pendingDraft(rows);
  if (!draft || draft.id !== draftId) throw new ValidationError([issue('draft', 'applications.error.draft_stale')]);
  return draft;
}

/** Issues the reply inside the caller's transaction: the clock stops on the reply date, the
 *  notice is made with the template's current version, and the audit event says who drafted it. */
async function issueReply(
  trx: Tx,
  audit: Audit,
  ctx: AuditContext,
  app: ApplicationRow,
  calendar: Awaited<ReturnType<typeof getCalendar>>,
  reply: ParsedReply,
  catalogItems: readonly CatalogRef[],
  approval: { draftId: number; draftedBy: number | null } | null,
  notify: AnswerNotifier | undefined,
): Promise<Recorded> {
  const { outcome, date, summary, redactions } = reply;
  const id = app.id;
  const rows = await store.events(trx, id);
  const before = deadlineOf(app, rows, calendar, { asOf: date });
  const ending = checkEnding(outcome, before, date);
  if (ending.length) throw new ValidationError(ending);
  let result: DeadlineResult;
  try {
    result = deadlineOf(app, rows, calendar, { extra: { type: 'replied', date } });
  } catch (error) {
    if (error instanceof DeadlineInputError)
      throw new ValidationError([clockIssue(approval ? 'draft' : 'reply_date', error)]);
    throw error;
  }
  const at = nowIso();
  const template = templateUse(
    await currentTemplate(trx, app.agency_id, replyTemplateKey(outcome, catalogItems.length > 0)),
  );
  // The reply notice's 发文字号, taken in this transaction so that a failed reply leaves no gap.
  const documentNumber = await allocateNoticeNumber(trx, {
    agencyId: app.agency_id,
    kind: 'reply',
    issuedOn: date,
    applicationId: id,
  });
  const detail = {
    outcome,
    template,
    documentNumber,
    ...(redactions ? { redactions } : {}),
    ...(catalogItems.length ? { catalogItems } : {}),
    ...(approval ? { draftId: approval.draftId } : {}),
  };
  await store.addEvent(trx, {
    application_id: id,
    kind: 'replied',
    occurred_on: date,
    detail,
    public: true,
    actor_user_id: ctx.actorUserId,
    created_at: at,
  });
  const next = storedClock(result, rows);
  await store.update(trx, id, { ...next, outcome, outcome_on: date, reply_summary: summary, updated_at: at });
  // The applicant is told that the answer is online (e-mail, SMS), in this transaction, once.
  await notify?.(trx, app, date);
  await audit({
    action: 'application.reply',
    subjectType: 'application',
    subjectId: id,
    before: { status: app.status, dueDate: app.due_date },
    after: {
      outcome,
      date,
      onTime: result.repliedOnTime ?? null,
      ...(approval ? { approvedDraft: approval.draftId, draftedBy: approval.draftedBy } : {}),
    },
  });
  return { result, newViolations: result.violations.filter((v) => !before.violations.some((b) => b.code === v.code)) };
}

async function load(db: Db | Tx, id: number): Promise<ApplicationRow> {
  const app = await store.byId(db, id);
  if (!app) throw new NotFoundError();
  return app;
}

/** Spread into the applications service (createApplicationsService); `notify` tells the applicant
 *  when a case is answered (none: nobody is told, as in imports and most tests). */
export const replyOperations = (notify?: AnswerNotifier) => ({
  /** The answer recorded at once, without the approval step: only for the demo loader and
   *  imports of cases answered elsewhere (the console drafts, and the head approves). An
   *  outcome in the categories of table 三 (outcome.ts), its date and a summary. Ending a case
   *  because the applicant did not correct or did not pay is a reply too, with the outcomes
   *  other_no_correction and other_fee_unpaid. */
  async reply(db: Db, ctx: AuditContext, id: number, body: unknown): Promise<Recorded> {
    const app = await load(db, id);
    const { reply, catalogItems } = await checkedReply(db, app, body);
    const calendar = await getCalendar(db);
    return mutate(db, ctx, async (trx, audit) =>
      issueReply(trx, audit, ctx, app, calendar, reply, catalogItems, null, notify),
    );
  },

  /** The handler's draft of the answer (the reply form): checked as the reply will be, stored
   *  as a reply_drafted event. The case is not answered by it and its clock keeps running; a
   *  new draft replaces a pending one. */
  async draftReply(db: Db, ctx: AuditContext, id: number, body: unknown): Promise<{ draftId: number }> {
    const app = await load(db, id);
    const { reply, catalogItems } = await checkedReply(db, app, body);
    const calendar = await getCalendar(db);
    return mutate(db, ctx, async (trx, audit) => {
      const rows = await store.events(trx, id);
      const ending = checkEnding(reply.outcome, deadlineOf(app, rows, calendar, { asOf: reply.date }), reply.date);
      if (ending.length) throw new ValidationError(ending);
      // The reply date must fit the steps already recorded, as it will have to when issued.
      try {
        deadlineOf(app, rows, calendar, { extra: { type: 'replied', date: reply.date } });
      } catch (error) {
        if (error instanceof DeadlineInputError) throw new ValidationError([clockIssue('reply_date', error)]);
        throw error;
      }
      const detail: Record<string, unknown> = {
        outcome: reply.outcome,
        replyDate: reply.date,
        summary: reply.summary,
        ...(reply.redactions ? { redactions: reply.redactions } : {}),
        ...(catalogItems.length ? { catalogItems } : {}),
      };
      const draftId = await store.addEvent(trx, {
        application_id: id,
        kind: 'reply_drafted',
        occurred_on: todayInChina() < app.received_on ? app.received_on : todayInChina(),
        detail,
        public: false,
        actor_user_id: ctx.actorUserId,
        created_at: nowIso(),
      });
      await audit({
        action: 'application.reply_draft',
        subjectType: 'application',
        subjectId: id,
        after: { draftId, outcome: reply.outcome, replyDate: reply.date },
      });
      return { draftId };
    });
  },

  /** The head's approval: the pending draft named in the form becomes the reply (outcome, date,
   *  notice with its template version) in the same transaction. Separation of duties: the one
   *  who drafted it may not approve it. */
  async approveReply(db: Db, ctx: AuditContext, id: number, body: unknown): Promise<Recorded> {
    const app = await load(db, id);
    const { values, issues } = readForm(approvalSpec, body);
    if (issues.length || values.draft === null) throw new ValidationError(issues);
    if (app.status === 'closed') throw new ValidationError([issue('draft', 'applications.error.closed')]);
    const calendar = await getCalendar(db);
    return mutate(db, ctx, async (trx, audit) => {
      const draft = currentDraft(await store.events(trx, id), values.draft!);
      if (draft.actorUserId !== null && draft.actorUserId === ctx.actorUserId)
        throw new ValidationError([issue('draft', 'applications.error.self_approval')]);
      const refs = draft.catalogItems.map((i) => i.indexNumber);
      // An item withdrawn since the draft can no longer be named as the place to find it.
      const catalogItems = refs.length ? await store.publishedItems(trx, app.agency_id, refs) : [];
      const gone = refs.filter((r) => !catalogItems.some((i) => i.indexNumber === r));
      if (gone.length)
        throw new ValidationError([
          issue('draft', 'applications.error.catalog_item_not_found', { refs: gone.join('、') }),
        ]);
      const reply: ParsedReply = {
        outcome: draft.outcome,
        date: draft.replyDate,
        summary: draft.summary,
        redactions: draft.redactions,
        catalogRefs: refs,
      };
      return issueReply(
        trx,
        audit,
        ctx,
        app,
        calendar,
        reply,
        catalogItems,
        { draftId: draft.id, draftedBy: draft.actorUserId },
        notify,
      );
    });
  },

  /** The head sends the pending draft back with the reason; the handler drafts again. */
  async returnReply(db: Db, ctx: AuditContext, id: number, body: unknown): Promise<void> {
    const app = await load(db, id);
    const { values, issues } = readForm(returnSpec, body);
    if (issues.length || values.draft === null || !values.return_reason) throw new ValidationError(issues);
    if (app.status === 'closed') throw new ValidationError([issue('draft', 'applications.error.closed')]);
    await mutate(db, ctx, async (trx, audit) => {
      const draft = currentDraft(await store.events(trx, id), values.draft!);
      await store.addEvent(trx, {
        application_id: id,
        kind: 'reply_returned',
        occurred_on: todayInChina() < app.received_on ? app.received_on : todayInChina(),
        detail: { draftId: draft.id, reason: values.return_reason },
        public: false,
        actor_user_id: ctx.actorUserId,
        created_at: nowIso(),
      });
      await audit({
        action: 'application.reply_return',
        subjectType: 'application',
        subjectId: id,
        after: { draftId: draft.id },
      });
    });
  },
});
