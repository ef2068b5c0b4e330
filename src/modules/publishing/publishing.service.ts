// Operations on information items. Each runs in one transaction with its audit event
// (platform/mutation.ts); versions and status rows are only ever added, never changed. Items are
// a kind of versioned document (item-documents.ts): transition() is the single way an item changes
// state, through the workflow table of its agency and category. What an item says changes in
// drafts.service.ts, its personal data in personal-data.service.ts, its files in
// attachments.service.ts; this file holds the service's one face and the catalog's settings.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { ConflictError, issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import type { Actor } from '../../platform/policy.ts';
import type { StepBy } from '../../platform/workflow/versioned-document.ts';
export {
  allFindingsOf,
  attachmentFindingsOf,
  findingCount,
  findingsOf,
  type FieldFindings,
  type TextFieldFindings,
} from './guard.ts';
import { provisionalYearsText, type CalendarListener } from '../calendar/index.ts';
export { nextIndexNumber, type IndexNumbering } from './index-numbers.ts';
import {
  disclosureDueOn,
  publicationLimitOf,
  validities,
  type ItemEvent,
  type ItemStatus,
  type Validity,
} from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import { normaliseSteps, type ReviewStep } from './workflow.ts';
import { changesStore, defaultValidityChangeDate, recordChange } from './changes.ts';
import {
  correctInTransaction,
  insertDraft,
  prepareDraft,
  updateDraft,
  type Correction,
  type ItemInput,
} from './drafts.service.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { itemDocuments, loadItem, publishingDeps } from './item-documents.ts';
import { maskPersonalData, overridePersonalData } from './personal-data.service.ts';

export {
  correctInTransaction,
  draftEditScope,
  draftScope,
  insertDraft,
  prepareDraft,
  type Correction,
  type CorrectionInput,
  type ItemInput,
  type PreparedDraft,
} from './drafts.service.ts';
export {
  assertPiiClean,
  carryAttachments,
  currentVersion,
  loadItem,
  publishingDeps,
  scopeOf,
  stepsFor,
  tableFor,
  transitionsFor,
} from './item-documents.ts';

/**
 * The actor's permission for a step of the item's workflow (to see the item, then the role of the
 * table's row from its state), which the route checks before `transition`; it passes the state it
 * checked on as `whileStatus`.
 */
export function authorizeTransition(
  db: Executor,
  actor: Actor | undefined,
  item: InformationItemRow,
  event: ItemEvent,
): Promise<void> {
  return itemDocuments.authorizeStep(db, actor, item, event);
}

/** A change of a normative document's validity. */
export interface ValidityChange {
  readonly validity: Validity;
  readonly date: string;
  readonly note?: string | null;
  /** Art. 26: the day the change was decided; by default the effective date, or today if later. */
  readonly changedOn?: string | null;
}

export interface TransitionOptions {
  reason?: string | null;
  /** The confidentiality reviewer's basis (审查依据) for confidentiality_approve. */
  basis?: string | null;
  /** The publication date of a scheduled item. */
  date?: string | null;
}

export const publishingService = {
  /** A new draft; the route has authorized `publishing.draft` on its `draftScope`. */
  async createDraft(
    db: Db,
    ctx: AuditContext,
    input: ItemInput,
    by: { createdBy: number },
  ): Promise<{ id: number; indexNumber: string }> {
    const prepared = await prepareDraft(db, input);
    return mutate(db, ctx, (trx, audit) => insertDraft(trx, audit, input, prepared, by));
  },

  /**
   * A new immutable version of a draft; the item's catalog fields follow the input. `alongside`
   * runs in the same transaction (a module's own row of the entry the item carries).
   */
  updateDraft,

  /**
   * A step of the item's workflow. The route has authorized the actor (authorizeTransition) on the
   * item in the state `by.whileStatus`; whether the table has the step from the item's state, as
   * the transaction reads it, is the workflow's rule and checked here (409).
   */
  async transition(
    db: Db,
    ctx: AuditContext,
    itemId: number,
    event: ItemEvent,
    options: TransitionOptions,
    by: StepBy,
  ): Promise<ItemStatus> {
    return mutate(db, ctx, async (trx, audit) =>
      itemDocuments.transition(trx, audit, await loadItem(trx, itemId), event, options, by),
    );
  },

  /**
   * A published correction: a new version with its public change note; the item stays published.
   * The route has authorized `publishing.correct` on the item.
   */
  async publishCorrection(
    db: Db,
    ctx: AuditContext,
    correction: Correction,
    by: { correctedBy: number },
  ): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => correctInTransaction(trx, audit, correction, by));
  },

  /** One click: a new version with every finding masked (430602********1234). */
  maskPersonalData,

  /** A confidentiality reviewer lets the current version through the guard, with a reason. */
  overridePersonalData,

  /**
   * 有效 / 已修改 / 已废止 / 已失效 of a normative document, appended with its date. The route has
   * authorized `publishing.validity` on the item.
   */
  async setValidity(
    db: Db,
    ctx: AuditContext,
    itemId: number,
    change: ValidityChange,
    by: { createdBy: number },
  ): Promise<void> {
    const { validity, date, note, changedOn } = change;
    await mutate(db, ctx, async (trx, audit) => {
      const item = await loadItem(trx, itemId);
      const issues: ValidationIssue[] = [];
      if (item.is_normative !== 1 && item.document_kind === null) throw new ConflictError('pub.error.not_normative');
      if (!validities.includes(validity)) issues.push(issue('validity', 'pub.error.validity_invalid'));
      if (!isRealDate(date) || date < item.formation_date)
        issues.push(issue('effective_date', 'pub.error.validity_date'));
      const today = todayInChina();
      const changeDate = changedOn || (isRealDate(date) ? defaultValidityChangeDate(date, today) : today);
      if (!isRealDate(changeDate) || changeDate < item.formation_date || changeDate > today)
        issues.push(issue('changed_on', 'pub.error.changed_on_invalid'));
      if (issues.length) throw new ValidationError(issues);
      const validityRow = await trx
        .insertInto('item_validity_history')
        .values({
          item_id: itemId,
          validity,
          effective_date: date,
          note: note?.trim() || null,
          created_by: by.createdBy,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordChange(
        trx,
        await publishingDeps.calendar(trx),
        item,
        { kind: 'validity', changedOn: changeDate, validityId: validityRow.id },
        by.createdBy,
        today,
      );
      await audit({
        action: 'publishing.validity',
        subjectType: 'information_item',
        subjectId: itemId,
        after: { validity, effective_date: date, note, changed_on: changeDate },
      });
    });
  },

  /**
   * Sets the review steps of a category for an agency ('*' for every unconfigured category). The
   * route has authorized `publishing.configure` on the agency.
   */
  async configureWorkflow(
    db: Db,
    ctx: AuditContext,
    agencyId: number,
    categoryKey: string,
    steps: readonly string[],
    by: { updatedBy: number },
  ): Promise<void> {
    let ordered: ReviewStep[];
    try {
      ordered = normaliseSteps(steps);
    } catch {
      throw new ValidationError([issue('steps', 'pub.error.steps_invalid')]);
    }
    await mutate(db, ctx, async (trx, audit) => {
      const before = await store.workflowConfig(trx, agencyId, categoryKey);
      const values = { steps: JSON.stringify(ordered), updated_by: by.updatedBy, updated_at: nowIso() };
      if (before) await trx.updateTable('workflow_configs').set(values).where('id', '=', before.id).execute();
      else
        await trx
          .insertInto('workflow_configs')
          .values({ agency_id: agencyId, category_key: categoryKey, ...values })
          .execute();
      await audit({
        action: 'publishing.workflow_config',
        subjectType: 'agency',
        subjectId: agencyId,
        before: before ? { steps: before.steps } : undefined,
        after: { category: categoryKey, steps: ordered },
      });
    });
  },

  /**
   * Art. 26 counts of an agency for the year the items fell due: new items and changes alike
   * (docs/domain/readings.md#art-26-change).
   */
  async lateCount(db: Executor, agencyId: number, year: number, today = todayInChina()) {
    const [items, changes] = await Promise.all([
      store.lateCount(db, agencyId, year, today),
      changesStore.lateCount(db, agencyId, year, today),
    ]);
    return {
      total: items.total + changes.total,
      late: items.late + changes.late,
      lateUnpublished: items.lateUnpublished + changes.lateUnpublished,
    };
  },
};

// A change to the official calendar moves the Art. 26 due dates of items not yet published.
export const itemDueDatesFollowCalendar: CalendarListener = async (trx, calendar) => {
  let changed = 0;
  for (const item of await store.unpublishedWithDeadline(trx)) {
    const due = disclosureDueOn(calendar, item.formation_date, publicationLimitOf(item).days);
    const provisional = provisionalYearsText(calendar, item.formation_date, due);
    if (due !== item.disclosure_due_on || provisional !== item.disclosure_due_provisional_years) {
      await trx
        .updateTable('information_items')
        .set({ disclosure_due_on: due, disclosure_due_provisional_years: provisional })
        .where('id', '=', item.id)
        .execute();
      changed++;
    }
  }
  return changed;
};
