// Letters and work orders as a kind of versioned document (platform/workflow, ADR 0020): the case
// is the document, its replies are the versions, and every step goes through the table of
// mailbox.ts with its status row and its audit event `mailbox.<event>`. The hooks here add what
// the steps of this kind carry: the unit of an assignment (by hand, or by the routing rule of
// the category), the reply's text as a new version, the new due date of an extension, the day of
// the answer and the callback's rating.
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import {
  versionedDocuments,
  type Step,
  type StepEffect,
  type TransitionInput,
} from '../../platform/workflow/versioned-document.ts';
import { activeUnits } from '../organisation/index.ts';
import {
  extensionProblem,
  isMailboxRating,
  mailboxWorkflow,
  type MailboxStatus,
  type MailboxTransition,
} from './mailbox.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import type { MailboxCaseRow, MailboxReplyVersionRow } from './mailbox.table.ts';

/** What a step may carry besides a reason and a date. */
export interface MailboxStepInput extends TransitionInput {
  readonly unitId?: number | null;
  readonly replyText?: string | null;
  readonly rating?: string | null;
  readonly comment?: string | null;
}

/** The longest reply and callback comment kept. */
export const MAX_REPLY_LENGTH = 20_000;
export const MAX_COMMENT_LENGTH = 2_000;

type MailboxStep = Step<MailboxCaseRow, MailboxTransition>;

function validate(step: MailboxStep): ValidationIssue[] {
  const input = step.input as MailboxStepInput;
  const needs = step.row.needs;
  const issues: ValidationIssue[] = [];
  if (needs.includes('reply_text')) {
    const text = input.replyText?.trim() ?? '';
    if (!text) issues.push(issue('reply_text', 'mailbox.error.reply_required'));
    else if (text.length > MAX_REPLY_LENGTH) issues.push(issue('reply_text', 'mailbox.error.too_long'));
  }
  if (needs.includes('rating') && !isMailboxRating(input.rating))
    issues.push(issue('rating', 'mailbox.error.rating_required'));
  if ((input.comment?.length ?? 0) > MAX_COMMENT_LENGTH) issues.push(issue('comment', 'mailbox.error.too_long'));
  if (needs.includes('date')) {
    const problem = extensionProblem(step.doc.due_date, input.date, step.today);
    if (problem) issues.push(issue('date', `mailbox.error.extension_${problem}`, { dueDate: step.doc.due_date }));
  }
  return issues;
}

/** The unit an assignment names, or the category's routing rule when it names none. */
async function assignedUnit(db: Executor, doc: MailboxCaseRow, unitId: number | null | undefined): Promise<number> {
  const chosen = unitId ?? (await store.routedUnit(db, doc.agency_id, doc.category));
  if (!chosen) throw new ValidationError([issue('unit_id', 'mailbox.error.unit_required')]);
  const units = await activeUnits(db, doc.agency_id);
  if (!units.some((u) => u.id === chosen)) throw new ValidationError([issue('unit_id', 'mailbox.error.unit_unknown')]);
  return chosen;
}

async function prepare(step: MailboxStep): Promise<StepEffect> {
  const { trx, doc, row, today } = step;
  const input = step.input as MailboxStepInput;
  switch (row.event) {
    case 'assign': {
      const unitId = await assignedUnit(trx, doc, input.unitId);
      return { set: { assigned_unit_id: unitId }, audit: { unitId } };
    }
    case 'submit_reply': {
      const version = await mailboxDocuments.appendVersion(trx, doc.id, {
        body: input.replyText!.trim(),
        created_by: step.userId,
        created_at: nowIso(),
      });
      return {
        set: { current_version_id: version.id },
        versionId: version.id,
        audit: { version_id: version.id, version_no: version.versionNo },
      };
    }
    case 'extend': {
      await store.addExtension(trx, {
        case_id: doc.id,
        asked_on: today,
        from_date: doc.due_date,
        to_date: input.date!,
        reason: step.reason!,
        actor_user_id: step.userId,
        created_at: nowIso(),
      });
      return { set: { due_date: input.date }, audit: { from: doc.due_date, to: input.date } };
    }
    case 'reply':
      return { set: { replied_on: today }, audit: { version_id: doc.current_version_id, replied_on: today } };
    case 'record_callback': {
      const comment = input.comment?.trim() || null;
      return {
        set: { rating: input.rating, rating_comment: comment, rated_on: today },
        audit: { rating: input.rating },
      };
    }
    case 'redo':
      return { set: { replied_on: null }, audit: {} };
    default:
      return { audit: {} };
  }
}

export const mailboxDocuments = versionedDocuments<MailboxCaseRow, MailboxReplyVersionRow, MailboxTransition>({
  name: 'mailbox case',
  tables: {
    documents: 'mailbox_cases',
    versions: 'mailbox_reply_versions',
    history: 'mailbox_status_history',
    documentColumn: 'case_id',
  },
  audit: { subjectType: 'mailbox_case', actionPrefix: 'mailbox' },
  initialStatus: 'dispatched' satisfies MailboxStatus,
  messages: {
    notAllowed: 'mailbox.error.not_allowed',
    notYourStep: 'mailbox.error.not_your_step',
    reasonRequired: 'mailbox.error.reason_required',
    reasonTooLong: 'mailbox.error.too_long',
    basisRequired: 'mailbox.error.reason_required',
    changedMeanwhile: 'mailbox.error.changed_meanwhile',
  },
  load: (db, id) => store.byId(db, id),
  scopeOf: (doc) => ({ agencyId: doc.agency_id, unitId: doc.assigned_unit_id }),
  readPolicy: 'mailbox.read',
  stepPolicy: (role) => `mailbox.step.${role}`,
  table: async () => mailboxWorkflow,
  validate,
  prepare,
});
