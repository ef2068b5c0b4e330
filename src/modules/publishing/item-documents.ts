// Information items as a kind of versioned document (platform/workflow/versioned-document.ts):
// their tables, their workflow table (workflow.ts, configured per agency and category), their audit
// subject, and what a step of theirs adds — the personal-data guard, the confidentiality review
// recorded as a decision, the publication dates, and the listeners of what the public sees.
import type { Executor, Tx } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { AppError, issue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import type { Scoped } from '../../platform/policy.ts';
import { versionedDocuments, type Step, type StepEffect } from '../../platform/workflow/versioned-document.ts';
import { getCalendar } from '../calendar/index.ts';
import { publishPendingChanges } from './changes.ts';
import { allFindingsOf, findingCount } from './guard.ts';
import { publicationChanged } from './publication-events.ts';
import { emergencyReviewDueOn, publicStatuses, type WorkingDays } from './publishing.ts';
import { stepPolicy } from './publishing.policy.ts';
import { publishingStore as store } from './publishing.store.ts';
import type { InformationItemRow, ItemVersionRow } from './publishing.table.ts';
import {
  DEFAULT_STEPS,
  normaliseSteps,
  REVIEW_CHAIN,
  workflowTable,
  type ReviewStep,
  type Transition,
} from './workflow.ts';

/** The working-day calendar; tests may replace it. */
export const publishingDeps: { calendar: (db: Executor) => Promise<WorkingDays> } = {
  calendar: (db) => getCalendar(db),
};

export function scopeOf(item: Pick<InformationItemRow, 'agency_id' | 'responsible_unit_id'>): Scoped {
  return { agencyId: item.agency_id, unitId: item.responsible_unit_id };
}

/** The configured review steps for an agency and category (or the built-in default). */
export async function stepsFor(db: Executor, agencyId: number, category: string): Promise<ReviewStep[]> {
  const row = (await store.workflowConfig(db, agencyId, category)) ?? (await store.workflowConfig(db, agencyId, '*'));
  if (row) return normaliseSteps(JSON.parse(row.steps) as string[]);
  return [...(DEFAULT_STEPS[category as keyof typeof DEFAULT_STEPS] ?? DEFAULT_STEPS['*'])];
}

export async function tableFor(
  db: Executor,
  item: Pick<InformationItemRow, 'agency_id' | 'catalog_category'>,
): Promise<Transition[]> {
  return workflowTable(await stepsFor(db, item.agency_id, item.catalog_category));
}

/** The personal-data guard of publishing: findings block unless overridden for this version. */
export async function assertPiiClean(trx: Executor, item: InformationItemRow): Promise<void> {
  const version = await itemDocuments.currentVersion(trx, item);
  const count = findingCount(await allFindingsOf(trx, version));
  if (count > 0 && !(await store.hasOverride(trx, version.id))) {
    throw new AppError(409, 'pii_findings', textOf('pub.error.pii_blocked', { count }));
  }
}

/**
 * Confidentiality review (保密审查) is a recorded decision: reviewer, basis, date — also when the
 * reviewer sends the item back.
 */
async function recordReview({
  trx,
  userId,
  doc: item,
  row,
  reason,
  basis,
  today,
}: Step<InformationItemRow, Transition>) {
  if (
    !row.needs.includes('confidentiality_review') &&
    !(row.event === 'return' && row.requires === 'confidentiality_reviewer')
  )
    return;
  await trx
    .insertInto('confidentiality_reviews')
    .values({
      item_id: item.id,
      version_id: item.current_version_id!,
      reviewer_user_id: userId,
      decision: row.event === 'return' ? 'returned' : 'approved',
      basis: (row.event === 'return' ? reason : basis)!,
      decided_on: today,
      created_at: nowIso(),
    })
    .execute();
}

/** What a step of an item adds: guard, review record, dates, and the public's listeners after. */
async function itemStep(step: Step<InformationItemRow, Transition>): Promise<StepEffect> {
  const { trx, doc: item, row, from, input, today } = step;
  if (row.needs.includes('pii_clean')) await assertPiiClean(trx, item);
  await recordReview(step);
  const versionId = item.current_version_id;
  const goesPublic = publicStatuses.includes(row.to) && !publicStatuses.includes(from);
  const leavesPublic = publicStatuses.includes(from) && !publicStatuses.includes(row.to);
  const set = {
    ...(goesPublic ? { publication_date: today, scheduled_on: null } : {}),
    ...(row.event === 'schedule' ? { scheduled_on: input.date! } : {}),
    ...(row.event === 'emergency_publish'
      ? { emergency_review_due_on: emergencyReviewDueOn(await publishingDeps.calendar(trx), today) }
      : {}),
    ...(row.event === 'approve_emergency' ? { emergency_review_due_on: null } : {}),
    ...(row.to === 'returned' || row.to === 'draft' ? { scheduled_on: null } : {}),
    // A withdrawn item that is redrafted will be published anew: its publication date is the new one.
    ...(row.event === 'redraft' && from === 'withdrawn' ? { publication_date: null } : {}),
  };
  const change = goesPublic ? 'published' : leavesPublic ? 'withdrawn' : row.event === 'correct' ? 'corrected' : null;
  return {
    set,
    audit: { date: input.date ?? undefined, version_id: versionId },
    after: async () => {
      if (change) await publicationChanged(trx, { itemId: item.id, agencyId: item.agency_id, change, versionId });
      if (goesPublic) await publishPendingChanges(trx, item.id, today);
    },
  };
}

export const itemDocuments = versionedDocuments<InformationItemRow, ItemVersionRow, Transition>({
  name: 'item',
  tables: {
    documents: 'information_items',
    versions: 'item_versions',
    history: 'item_status_history',
    documentColumn: 'item_id',
  },
  audit: { subjectType: 'information_item', actionPrefix: 'publishing' },
  ...REVIEW_CHAIN,
  load: (db, id) => store.item(db, id),
  scopeOf,
  readPolicy: 'publishing.read',
  stepPolicy,
  table: tableFor,
  validate: ({ row, input, today }) =>
    row.needs.includes('date') && !(input.date && isRealDate(input.date) && input.date >= today)
      ? [issue('date', 'pub.error.schedule_date')]
      : [],
  prepare: itemStep,
});

/** The transitions of the table the actor may take on the item now (the buttons of its page). */
export const transitionsFor = itemDocuments.transitionsFor;
export const loadItem = itemDocuments.load;
export const currentVersion = itemDocuments.currentVersion;

/** A new version keeps its predecessor's files (rows copied; the content is stored once). */
export async function carryAttachments(
  trx: Tx,
  fromVersionId: number | null,
  toVersionId: number,
  except: readonly number[] = [],
): Promise<void> {
  if (fromVersionId === null) return;
  for (const { id, version_id: _v, ...rest } of await store.attachments(trx, fromVersionId)) {
    if (except.includes(id)) continue;
    await trx
      .insertInto('item_attachments')
      .values({ ...rest, version_id: toVersionId })
      .execute();
  }
}

/** A copy of a version with some columns changed, its files carried (but those named). */
export async function copyVersion(
  trx: Tx,
  version: ItemVersionRow,
  userId: number,
  changes: Partial<Pick<ItemVersionRow, 'title' | 'summary' | 'body_html' | 'change_note'>>,
  exceptAttachments: readonly number[] = [],
): Promise<number> {
  const { id: _id, item_id: itemId, version_no: _no, ...rest } = version;
  const { id } = await itemDocuments.appendVersion(trx, itemId, {
    ...rest,
    change_note: null,
    ...changes,
    created_by: userId,
    created_at: nowIso(),
  });
  await carryAttachments(trx, version.id, id, exceptAttachments);
  return id;
}
