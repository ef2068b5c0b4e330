// Operations on information items. Each runs in one transaction with its audit event
// (platform/mutation.ts); versions and status rows are only ever added, never changed.
// transition() is the single way an item changes state: it checks the from-state against the
// workflow table of the item's agency and category, the actor's permission on the item, and the
// row's requirements, then writes the status row and the audit event together.
import { publicationChanged } from './publication-events.ts';
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import { authorize, can, type Actor, type Scoped } from '../../platform/policy.ts';
import { maskText } from '../../platform/pii/scanner.ts';
import { allFindingsOf, findingCount, findingsOf } from './guard.ts';
export {
  allFindingsOf,
  attachmentFindingsOf,
  findingCount,
  findingsOf,
  type FieldFindings,
  type TextFieldFindings,
} from './guard.ts';
import { getCalendar, type CalendarListener } from '../calendar/calendar.service.ts';
import { provisionalYearsText } from '../calendar/provisional.ts';
import { nextIndexNumber } from './index-numbers.ts';
export { nextIndexNumber, type IndexNumbering } from './index-numbers.ts';
import {
  ART20_ITEMS,
  disclosureDueOn,
  emergencyReviewDueOn,
  documentKindOf,
  MAX_PUBLICATION_LIMIT_DAYS,
  publicationLimitOf,
  publicStatuses,
  validities,
  type DisclosureMode,
  type ItemEvent,
  type ItemStatus,
  type Validity,
  type WorkingDays,
} from './publishing.ts';
import { stepPolicy } from './publishing.policy.ts';
import { publishingStore as store } from './publishing.store.ts';
import type { InformationItemRow, ItemVersionRow } from './publishing.table.ts';
import {
  DEFAULT_STEPS,
  findTransition,
  normaliseSteps,
  workflowTable,
  type ReviewStep,
  type Transition,
} from './workflow.ts';
import { sanitizeBody } from './sanitize.ts';
import { changesStore, defaultValidityChangeDate, publishPendingChanges, recordChange } from './changes.ts';

/** Who acts: the actor for permissions, the audit context for the log. */
export interface Caller {
  readonly actor: Actor;
  readonly ctx: AuditContext;
}

export interface ItemInput {
  title: string;
  document_number?: string | null;
  issuing_agencies: readonly string[];
  responsible_unit_id: number;
  formation_date: string;
  disclosure_mode: DisclosureMode;
  non_disclosure_basis?: string | null;
  art20_item?: number | null;
  catalog_category: string;
  topic?: string | null;
  genre?: string | null;
  keywords?: string | null;
  summary?: string | null;
  body_html?: string | null;
  /** For a policy interpretation (政策解读): the policy document it explains. */
  interprets_item_id?: number | null;
  /** regulation | normative_document | none; empty: from genre and category (documentKindOf). */
  document_kind?: string | null;
  /** Art. 26 ¶2: another law's limit in working days, with that law's name. */
  publication_limit_days?: number | null;
  publication_limit_law?: string | null;
}

export interface TransitionOptions {
  reason?: string | null;
  /** The confidentiality reviewer's basis (审查依据) for confidentiality_approve. */
  basis?: string | null;
  /** The publication date of a scheduled item. */
  date?: string | null;
}

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

/** The transitions of the table the actor may take on the item now. */
export function transitionsFor(
  actor: Actor | undefined,
  item: InformationItemRow,
  table: readonly Transition[],
): Transition[] {
  return table.filter((r) => r.from === item.status && can(actor, stepPolicy(r.requires), scopeOf(item)));
}

export async function loadItem(db: Executor, id: number): Promise<InformationItemRow> {
  const item = await store.item(db, id);
  if (!item) throw new NotFoundError();
  return item;
}

export async function currentVersion(db: Executor, item: InformationItemRow): Promise<ItemVersionRow> {
  const version = item.current_version_id === null ? undefined : await store.version(db, item.current_version_id);
  if (!version) throw new Error(`item ${item.id} has no current version`);
  return version;
}

/** Rejects input the form spec cannot judge alone: unit of another agency, missing legal basis. */
async function checkInput(
  db: Executor,
  input: ItemInput,
  today: string,
): Promise<{ agencyId: number; issues: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  const unit = await db
    .selectFrom('units')
    .select(['id', 'agency_id', 'active'])
    .where('id', '=', input.responsible_unit_id)
    .executeTakeFirst();
  if (!unit || unit.active !== 1) issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
  if (!input.title.trim()) issues.push(issue('title', 'pub.error.title_required'));
  if (input.formation_date > today) issues.push(issue('formation_date', 'pub.error.formation_in_future'));
  if (input.disclosure_mode === 'not_disclosed' && !input.non_disclosure_basis)
    issues.push(issue('non_disclosure_basis', 'pub.error.basis_required'));
  if (input.art20_item != null && !ART20_ITEMS.includes(input.art20_item))
    issues.push(issue('art20_item', 'pub.error.art20_invalid'));
  if (input.interprets_item_id != null) {
    // An interpretation explains a policy document of the same agency; it is not itself one.
    const target = await store.item(db, input.interprets_item_id);
    if (input.catalog_category !== 'policy_interpretation')
      issues.push(issue('interprets_item_id', 'pub.error.interprets_only_interpretation'));
    else if (!target || target.agency_id !== unit?.agency_id || target.catalog_category === 'policy_interpretation')
      issues.push(issue('interprets_item_id', 'pub.error.interprets_invalid'));
  }
  issues.push(...limitIssues(input));
  return { agencyId: unit?.agency_id ?? 0, issues };
}

/** Art. 26 ¶2: a limit of another law needs both the days and the law's name. */
function limitIssues(input: ItemInput): ValidationIssue[] {
  const days = input.publication_limit_days ?? null;
  const law = input.publication_limit_law?.trim() || null;
  if (days === null) return law ? [issue('publication_limit_days', 'pub.error.limit_days_required')] : [];
  const out: ValidationIssue[] = [];
  if (!Number.isInteger(days) || days < 1 || days > MAX_PUBLICATION_LIMIT_DAYS)
    out.push(issue('publication_limit_days', 'pub.error.limit_days_invalid', { max: MAX_PUBLICATION_LIMIT_DAYS }));
  if (!law) out.push(issue('publication_limit_law', 'pub.error.limit_law_required'));
  return out;
}

/** The columns an item's form sets beyond its version: kind for table 二, own publication limit. */
function kindAndLimit(input: ItemInput) {
  const limit = publicationLimitOf(input);
  return {
    document_kind: documentKindOf(input),
    publication_limit_days: limit.law ? limit.days : null,
    publication_limit_law: limit.law,
  };
}

function versionValues(input: ItemInput, itemId: number, versionNo: number, userId: number, changeNote: string | null) {
  return {
    item_id: itemId,
    version_no: versionNo,
    title: input.title.trim(),
    document_number: input.document_number || null,
    issuing_agencies: JSON.stringify(input.issuing_agencies),
    topic: input.topic || null,
    genre: input.genre || null,
    keywords: input.keywords || null,
    summary: input.summary || null,
    body_html: sanitizeBody(input.body_html ?? ''),
    change_note: changeNote,
    created_by: userId,
    created_at: nowIso(),
  };
}

async function insertVersion(trx: Tx, values: ReturnType<typeof versionValues>): Promise<number> {
  const row = await trx.insertInto('item_versions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

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

export async function writeStatus(
  trx: Tx,
  item: Pick<InformationItemRow, 'id'>,
  from: ItemStatus | null,
  to: ItemStatus,
  event: ItemEvent | 'create',
  userId: number | null,
  reason: string | null,
  versionId: number | null,
): Promise<void> {
  await trx
    .insertInto('item_status_history')
    .values({
      item_id: item.id,
      version_id: versionId,
      from_status: from,
      to_status: to,
      event,
      actor_user_id: userId,
      reason,
      created_at: nowIso(),
    })
    .execute();
}

/** The personal-data guard of publishing: findings block unless overridden for this version. */
export async function assertPiiClean(trx: Executor, item: InformationItemRow): Promise<void> {
  const version = await currentVersion(trx, item);
  const count = findingCount(await allFindingsOf(trx, version));
  if (count > 0 && !(await store.hasOverride(trx, version.id))) {
    throw new AppError(409, 'pii_findings', textOf('pub.error.pii_blocked', { count }));
  }
}

/** The heart of transition(): runs inside a transaction the caller opened. */
async function applyTransition(
  trx: Tx,
  audit: Audit,
  caller: Caller,
  item: InformationItemRow,
  event: ItemEvent,
  options: TransitionOptions,
): Promise<ItemStatus> {
  const { actor } = caller;
  authorize(actor, 'publishing.read', scopeOf(item));
  const table = await tableFor(trx, item);
  const from = item.status as ItemStatus;
  const row = findTransition(table, from, event);
  if (!row) throw new ConflictError('pub.error.transition_not_allowed', { event, status: from });
  if (!can(actor, stepPolicy(row.requires), scopeOf(item))) throw new ForbiddenError('pub.error.not_your_step');

  const today = todayInChina();
  const reason = options.reason?.trim() || null;
  const basis = options.basis?.trim() || null;
  const issues: ValidationIssue[] = [];
  if (row.needs.includes('reason') && !reason) issues.push(issue('reason', 'pub.error.reason_required'));
  if (reason && reason.length > 2000) issues.push(issue('reason', 'pub.error.reason_too_long'));
  if (row.needs.includes('confidentiality_review') && !basis)
    issues.push(issue('basis', 'pub.error.review_basis_required'));
  if (row.needs.includes('date') && !(options.date && isRealDate(options.date) && options.date >= today))
    issues.push(issue('date', 'pub.error.schedule_date'));
  if (issues.length) throw new ValidationError(issues);
  if (row.needs.includes('pii_clean')) await assertPiiClean(trx, item);

  const versionId = item.current_version_id;
  // Confidentiality review (保密审查) is a recorded decision: reviewer, basis, date — also when
  // the reviewer sends the item back.
  if (
    row.needs.includes('confidentiality_review') ||
    (row.event === 'return' && row.requires === 'confidentiality_reviewer')
  ) {
    await trx
      .insertInto('confidentiality_reviews')
      .values({
        item_id: item.id,
        version_id: versionId!,
        reviewer_user_id: actor.userId,
        decision: row.event === 'return' ? 'returned' : 'approved',
        basis: (row.event === 'return' ? reason : basis)!,
        decided_on: today,
        created_at: nowIso(),
      })
      .execute();
  }

  const goesPublic = publicStatuses.includes(row.to) && !publicStatuses.includes(from);
  const changes = {
    status: row.to,
    updated_at: nowIso(),
    ...(goesPublic ? { publication_date: today, scheduled_on: null } : {}),
    ...(row.event === 'schedule' ? { scheduled_on: options.date! } : {}),
    ...(row.event === 'emergency_publish'
      ? { emergency_review_due_on: emergencyReviewDueOn(await publishingDeps.calendar(trx), today) }
      : {}),
    ...(row.event === 'approve_emergency' ? { emergency_review_due_on: null } : {}),
    ...(row.to === 'returned' || row.to === 'draft' ? { scheduled_on: null } : {}),
    // A withdrawn item that is redrafted will be published anew: its publication date is the new one.
    ...(row.event === 'redraft' && from === 'withdrawn' ? { publication_date: null } : {}),
  };
  // Compare-and-set on the status: two people pressing a button at once cannot both move it.
  const updated = await trx
    .updateTable('information_items')
    .set(changes)
    .where('id', '=', item.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('pub.error.changed_meanwhile');
  await writeStatus(trx, item, from, row.to, event, actor.userId, reason ?? basis, versionId);
  const leavesPublic = publicStatuses.includes(from) && !publicStatuses.includes(row.to);
  const change = goesPublic ? 'published' : leavesPublic ? 'withdrawn' : row.event === 'correct' ? 'corrected' : null;
  if (change) await publicationChanged(trx, { itemId: item.id, agencyId: item.agency_id, change, versionId });
  if (goesPublic) await publishPendingChanges(trx, item.id, today);
  await audit({
    action: `publishing.${event}`,
    subjectType: 'information_item',
    subjectId: item.id,
    before: { status: from },
    after: { status: row.to, reason, basis, date: options.date ?? undefined, version_id: versionId },
  });
  return row.to;
}

async function dueDate(
  db: Executor,
  input: Pick<ItemInput, 'disclosure_mode' | 'formation_date' | 'publication_limit_days' | 'publication_limit_law'>,
): Promise<string | null> {
  if (input.disclosure_mode !== 'proactive') return null;
  return disclosureDueOn(await publishingDeps.calendar(db), input.formation_date, publicationLimitOf(input).days);
}

/** The years without a loaded holiday notice that an Art. 26 due date was counted through. */
async function dueProvisional(db: Executor, formationDate: string, due: string | null): Promise<string | null> {
  return due ? provisionalYearsText(await publishingDeps.calendar(db), formationDate, due) : null;
}

/** A draft checked and authorized, ready to be written (prepareDraft → insertDraft). */
export interface PreparedDraft {
  readonly agencyId: number;
  readonly due: string | null;
}

/** Checks and authorizes a new draft before its transaction (reads only). */
export async function prepareDraft(db: Executor, caller: Caller, input: ItemInput): Promise<PreparedDraft> {
  const { agencyId, issues } = await checkInput(db, input, todayInChina());
  if (issues.length) throw new ValidationError(issues);
  authorize(caller.actor, 'publishing.draft', { agencyId, unitId: input.responsible_unit_id });
  return { agencyId, due: await dueDate(db, input) };
}

/**
 * Writes a prepared draft inside the caller's transaction: index number, item, first version,
 * status row, audit event. Modules whose entries an item carries (the power catalog) write
 * their row in the same transaction, so neither exists without the other.
 */
export async function insertDraft(
  trx: Tx,
  audit: Audit,
  caller: Caller,
  input: ItemInput,
  prepared: PreparedDraft,
): Promise<{ id: number; indexNumber: string }> {
  const indexNumber = await nextIndexNumber(trx, prepared.agencyId, input.formation_date);
  const now = nowIso();
  const item = await trx
    .insertInto('information_items')
    .values({
      agency_id: prepared.agencyId,
      index_number: indexNumber,
      current_version_id: null,
      status: 'draft',
      disclosure_mode: input.disclosure_mode,
      non_disclosure_basis: input.disclosure_mode === 'not_disclosed' ? (input.non_disclosure_basis ?? null) : null,
      art20_item: input.art20_item ?? null,
      catalog_category: input.catalog_category,
      responsible_unit_id: input.responsible_unit_id,
      formation_date: input.formation_date,
      disclosure_due_on: prepared.due,
      disclosure_due_provisional_years: await dueProvisional(trx, input.formation_date, prepared.due),
      scheduled_on: null,
      publication_date: null,
      is_normative: input.catalog_category === 'normative_document' ? 1 : 0,
      ...kindAndLimit(input),
      interprets_item_id: input.interprets_item_id ?? null,
      created_by: caller.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const versionId = await insertVersion(trx, versionValues(input, item.id, 1, caller.actor.userId, null));
  await trx.updateTable('information_items').set({ current_version_id: versionId }).where('id', '=', item.id).execute();
  await writeStatus(trx, item, null, 'draft', 'create', caller.actor.userId, null, versionId);
  await audit({
    action: 'publishing.create',
    subjectType: 'information_item',
    subjectId: item.id,
    after: { index_number: indexNumber, version_id: versionId, unit_id: input.responsible_unit_id },
  });
  return { id: item.id, indexNumber };
}

/** The content a published correction may change (the catalog placement stays). */
export type CorrectionInput = Omit<
  ItemInput,
  'responsible_unit_id' | 'formation_date' | 'disclosure_mode' | 'catalog_category'
>;

/**
 * A published correction inside the caller's transaction, for modules whose entries are carried
 * by an item (the power catalog corrects its row and the item's text together): the 'correct'
 * transition of the item's table, a new version with the public change note, the files carried.
 */
export async function correctInTransaction(
  trx: Tx,
  audit: Audit,
  caller: Caller,
  itemId: number,
  input: CorrectionInput,
  changeNote: string,
  /** Art. 26: the day the information changed; today when not given. */
  changedOn?: string | null,
): Promise<number> {
  const item = await loadItem(trx, itemId);
  authorize(caller.actor, 'publishing.correct', scopeOf(item));
  if (!findTransition(await tableFor(trx, item), item.status as ItemStatus, 'correct'))
    throw new ConflictError('pub.error.transition_not_allowed', { event: 'correct', status: item.status });
  if (!changeNote.trim()) throw new ValidationError([issue('reason', 'pub.error.reason_required')]);
  const today = todayInChina();
  const changeDate = changedOn || today;
  if (!isRealDate(changeDate) || changeDate < item.formation_date || changeDate > today)
    throw new ValidationError([issue('changed_on', 'pub.error.changed_on_invalid')]);
  const full: ItemInput = {
    ...input,
    responsible_unit_id: item.responsible_unit_id,
    formation_date: item.formation_date,
    disclosure_mode: item.disclosure_mode as DisclosureMode,
    catalog_category: item.catalog_category,
  };
  const versionNo = (await store.lastVersionNo(trx, itemId)) + 1;
  const versionId = await insertVersion(
    trx,
    versionValues(full, itemId, versionNo, caller.actor.userId, changeNote.trim()),
  );
  await carryAttachments(trx, item.current_version_id, versionId);
  await trx.updateTable('information_items').set({ current_version_id: versionId }).where('id', '=', itemId).execute();
  await applyTransition(trx, audit, caller, { ...item, current_version_id: versionId }, 'correct', {
    reason: changeNote,
  });
  await recordChange(
    trx,
    await publishingDeps.calendar(trx),
    item,
    { kind: 'correction', changedOn: changeDate, versionId },
    caller.actor.userId,
    today,
  );
  return versionId;
}

export const publishingService = {
  async createDraft(db: Db, caller: Caller, input: ItemInput): Promise<{ id: number; indexNumber: string }> {
    const prepared = await prepareDraft(db, caller, input);
    return mutate(db, caller.ctx, (trx, audit) => insertDraft(trx, audit, caller, input, prepared));
  },

  /**
   * A new immutable version of a draft; the item's catalog fields follow the input. `alongside`
   * runs in the same transaction (a module's own row of the entry the item carries).
   */
  async updateDraft(
    db: Db,
    caller: Caller,
    itemId: number,
    input: ItemInput,
    alongside?: (trx: Tx, audit: Audit) => Promise<void>,
  ): Promise<number> {
    const item = await loadItem(db, itemId);
    authorize(caller.actor, 'publishing.draft', scopeOf(item));
    if (item.status !== 'draft') throw new ConflictError('pub.error.not_draft');
    const { agencyId, issues } = await checkInput(db, input, todayInChina());
    if (agencyId !== 0 && agencyId !== item.agency_id)
      issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
    if (input.interprets_item_id === itemId) issues.push(issue('interprets_item_id', 'pub.error.interprets_invalid'));
    if (issues.length) throw new ValidationError(issues);
    authorize(caller.actor, 'publishing.draft', { agencyId: item.agency_id, unitId: input.responsible_unit_id });
    const due = await dueDate(db, input);
    const dueProvisionalYears = await dueProvisional(db, input.formation_date, due);
    return mutate(db, caller.ctx, async (trx, audit) => {
      const versionNo = (await store.lastVersionNo(trx, itemId)) + 1;
      const versionId = await insertVersion(trx, versionValues(input, itemId, versionNo, caller.actor.userId, null));
      await carryAttachments(trx, item.current_version_id, versionId);
      const updated = await trx
        .updateTable('information_items')
        .set({
          current_version_id: versionId,
          disclosure_mode: input.disclosure_mode,
          non_disclosure_basis: input.disclosure_mode === 'not_disclosed' ? (input.non_disclosure_basis ?? null) : null,
          art20_item: input.art20_item ?? null,
          catalog_category: input.catalog_category,
          responsible_unit_id: input.responsible_unit_id,
          formation_date: input.formation_date,
          disclosure_due_on: due,
          disclosure_due_provisional_years: dueProvisionalYears,
          is_normative: input.catalog_category === 'normative_document' ? 1 : 0,
          ...kindAndLimit(input),
          interprets_item_id: input.interprets_item_id ?? null,
          updated_at: nowIso(),
        })
        .where('id', '=', itemId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('pub.error.changed_meanwhile');
      await audit({
        action: 'publishing.update',
        subjectType: 'information_item',
        subjectId: itemId,
        before: { version_id: item.current_version_id },
        after: { version_id: versionId, version_no: versionNo },
      });
      await alongside?.(trx, audit);
      return versionId;
    });
  },

  async transition(
    db: Db,
    caller: Caller,
    itemId: number,
    event: ItemEvent,
    options: TransitionOptions = {},
  ): Promise<ItemStatus> {
    return mutate(db, caller.ctx, async (trx, audit) =>
      applyTransition(trx, audit, caller, await loadItem(trx, itemId), event, options),
    );
  },

  /** A published correction: a new version with its public change note; the item stays published. */
  async publishCorrection(
    db: Db,
    caller: Caller,
    itemId: number,
    input: CorrectionInput,
    changeNote: string,
    changedOn?: string | null,
  ): Promise<number> {
    return mutate(db, caller.ctx, async (trx, audit) =>
      correctInTransaction(trx, audit, caller, itemId, input, changeNote, changedOn),
    );
  },

  /** One click: a new version with every finding masked (430602********1234). */
  async maskPersonalData(db: Db, caller: Caller, itemId: number): Promise<{ versionId: number; masked: number }> {
    return mutate(db, caller.ctx, async (trx, audit) => {
      const item = await loadItem(trx, itemId);
      authorize(caller.actor, 'publishing.mask', scopeOf(item));
      const version = await currentVersion(trx, item);
      const fields = findingsOf(version);
      const masked = findingCount(fields);
      if (masked === 0) throw new ConflictError('pub.error.nothing_to_mask');
      const next = { title: version.title, summary: version.summary, body_html: version.body_html };
      for (const f of fields) next[f.field] = maskText(version[f.field]!, f.findings);
      const versionNo = (await store.lastVersionNo(trx, itemId)) + 1;
      const { id: _id, ...rest } = version;
      const versionId = await insertVersion(trx, {
        ...rest,
        ...next,
        version_no: versionNo,
        // Public items say why their text changed; a draft's masking is internal.
        change_note: publicStatuses.includes(item.status as ItemStatus) ? textOf('pub.mask.change_note').zh : null,
        created_by: caller.actor.userId,
        created_at: nowIso(),
      });
      await carryAttachments(trx, version.id, versionId);
      await trx
        .updateTable('information_items')
        .set({ current_version_id: versionId, updated_at: nowIso() })
        .where('id', '=', itemId)
        .execute();
      // The log keeps kinds and positions, never the personal data itself.
      await audit({
        action: 'publishing.mask',
        subjectType: 'information_item',
        subjectId: itemId,
        before: { version_id: version.id },
        after: {
          version_id: versionId,
          masked,
          kinds: [...new Set(fields.flatMap((f) => f.findings.map((x) => x.kind)))],
        },
      });
      return { versionId, masked };
    });
  },

  /** A confidentiality reviewer lets the current version through the guard, with a reason. */
  async overridePersonalData(db: Db, caller: Caller, itemId: number, reason: string): Promise<void> {
    await mutate(db, caller.ctx, async (trx, audit) => {
      const item = await loadItem(trx, itemId);
      authorize(caller.actor, 'publishing.pii_override', scopeOf(item));
      if (!reason.trim()) throw new ValidationError([issue('override_reason', 'pub.error.reason_required')]);
      const version = await currentVersion(trx, item);
      const fields = await allFindingsOf(trx, version);
      if (findingCount(fields) === 0) throw new ConflictError('pub.error.nothing_to_override');
      const findings = fields.flatMap((f) =>
        f.findings.map((x) => ({
          field: f.field,
          kind: x.kind,
          start: x.start,
          end: x.end,
          line: x.line,
          masked: x.masked,
        })),
      );
      await trx
        .insertInto('pii_overrides')
        .values({
          item_id: itemId,
          version_id: version.id,
          reviewer_user_id: caller.actor.userId,
          reason: reason.trim(),
          findings_json: JSON.stringify(findings),
          created_at: nowIso(),
        })
        .execute();
      await audit({
        action: 'publishing.pii_override',
        subjectType: 'information_item',
        subjectId: itemId,
        after: { version_id: version.id, reason: reason.trim(), findings: findings.length },
      });
    });
  },

  /** 有效 / 已修改 / 已废止 / 已失效 of a normative document, appended with its date. */
  async setValidity(
    db: Db,
    caller: Caller,
    itemId: number,
    validity: Validity,
    date: string,
    note?: string | null,
    /** Art. 26: the day the change was decided; by default the effective date, or today if later. */
    changedOn?: string | null,
  ): Promise<void> {
    await mutate(db, caller.ctx, async (trx, audit) => {
      const item = await loadItem(trx, itemId);
      authorize(caller.actor, 'publishing.validity', scopeOf(item));
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
          created_by: caller.actor.userId,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordChange(
        trx,
        await publishingDeps.calendar(trx),
        item,
        { kind: 'validity', changedOn: changeDate, validityId: validityRow.id },
        caller.actor.userId,
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

  /** Sets the review steps of a category for an agency ('*' for every unconfigured category). */
  async configureWorkflow(
    db: Db,
    caller: Caller,
    agencyId: number,
    categoryKey: string,
    steps: readonly string[],
  ): Promise<void> {
    authorize(caller.actor, 'publishing.configure', { agencyId });
    let ordered: ReviewStep[];
    try {
      ordered = normaliseSteps(steps);
    } catch {
      throw new ValidationError([issue('steps', 'pub.error.steps_invalid')]);
    }
    await mutate(db, caller.ctx, async (trx, audit) => {
      const before = await store.workflowConfig(trx, agencyId, categoryKey);
      const values = { steps: JSON.stringify(ordered), updated_by: caller.actor.userId, updated_at: nowIso() };
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
