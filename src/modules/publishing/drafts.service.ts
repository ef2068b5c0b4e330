// What an item says: a new draft (checked, numbered, version 1), a new version of a draft, and a
// published correction (a new version with its public change note, through the 'correct' row of
// the workflow table). Versions are written through the item kind (item-documents.ts) and never
// changed; the catalog fields of the item follow the draft.
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { ConflictError, issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import type { Scoped } from '../../platform/policy.ts';
import { provisionalYearsText } from '../calendar/index.ts';
import { organisationStore } from '../organisation/index.ts';
import { recordChange } from './changes.ts';
import { nextIndexNumber } from './index-numbers.ts';
import { carryAttachments, itemDocuments, loadItem, publishingDeps, tableFor } from './item-documents.ts';
import {
  ART20_ITEMS,
  disclosureDueOn,
  documentKindOf,
  MAX_PUBLICATION_LIMIT_DAYS,
  publicationLimitOf,
  type DisclosureMode,
  type ItemStatus,
} from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { sanitizeBody } from './sanitize.ts';
import { findTransition } from './workflow.ts';

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

/** Rejects input the form spec cannot judge alone: unit of another agency, missing legal basis. */
async function checkInput(
  db: Executor,
  input: ItemInput,
  today: string,
): Promise<{ agencyId: number; issues: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  const unit = await organisationStore.unit(db, input.responsible_unit_id);
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

/** The columns of a version (its item and number are the kind's to set). */
function versionValues(input: ItemInput, userId: number, changeNote: string | null) {
  return {
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

/** A draft checked, ready to be written (prepareDraft → insertDraft). */
export interface PreparedDraft {
  readonly agencyId: number;
  readonly due: string | null;
}

/**
 * Checks a new draft before its transaction (reads only). Its agency is its unit's, so the form's
 * 422 comes before the route can authorize `publishing.draft` on `draftScope`.
 */
export async function prepareDraft(db: Executor, input: ItemInput): Promise<PreparedDraft> {
  const { agencyId, issues } = await checkInput(db, input, todayInChina());
  if (issues.length) throw new ValidationError(issues);
  return { agencyId, due: await dueDate(db, input) };
}

/** Where a draft sits, for `publishing.draft`: its agency and responsible unit. */
export function draftScope(prepared: PreparedDraft, input: Pick<ItemInput, 'responsible_unit_id'>): Scoped {
  return { agencyId: prepared.agencyId, unitId: input.responsible_unit_id };
}

/** The catalog fields of an item, as its draft's form sets them. */
function catalogFields(input: ItemInput, due: string | null, dueProvisionalYears: string | null) {
  return {
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
  };
}

/**
 * Writes a prepared draft inside the caller's transaction: index number, item, first version,
 * status row, audit event. Modules whose entries an item carries (the power catalog) write
 * their row in the same transaction, so neither exists without the other.
 */
export async function insertDraft(
  trx: Tx,
  audit: Audit,
  input: ItemInput,
  prepared: PreparedDraft,
  by: { createdBy: number },
): Promise<{ id: number; indexNumber: string }> {
  const indexNumber = await nextIndexNumber(trx, prepared.agencyId, input.formation_date);
  const now = nowIso();
  const id = await itemDocuments.create(trx, audit, by.createdBy, {
    values: {
      agency_id: prepared.agencyId,
      index_number: indexNumber,
      ...catalogFields(input, prepared.due, await dueProvisional(trx, input.formation_date, prepared.due)),
      scheduled_on: null,
      publication_date: null,
      created_by: by.createdBy,
      created_at: now,
      updated_at: now,
    },
    version: versionValues(input, by.createdBy, null),
    after: (versionId) => ({ index_number: indexNumber, version_id: versionId, unit_id: input.responsible_unit_id }),
  });
  return { id, indexNumber };
}

/** The content a published correction may change (the catalog placement stays). */
export type CorrectionInput = Omit<
  ItemInput,
  'responsible_unit_id' | 'formation_date' | 'disclosure_mode' | 'catalog_category'
>;

/** What a correction says; `changedOn` (Art. 26): the day the information changed, today when not given. */
export type Correction = [itemId: number, input: CorrectionInput, changeNote: string, changedOn?: string | null];

/**
 * A published correction inside the caller's transaction, for modules whose entries are carried
 * by an item (the power catalog corrects its row and the item's text together): the 'correct'
 * transition of the item's table, a new version with the public change note, the files carried.
 * The route has authorized `publishing.correct` on the item; whether the item's state allows a
 * correction is read here, on the item as the transaction reads it.
 */
export async function correctInTransaction(
  trx: Tx,
  audit: Audit,
  [itemId, input, changeNote, changedOn]: Correction,
  by: { correctedBy: number },
): Promise<number> {
  const item = await loadItem(trx, itemId);
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
  const { id: versionId } = await itemDocuments.appendVersion(
    trx,
    itemId,
    versionValues(full, by.correctedBy, changeNote.trim()),
  );
  await carryAttachments(trx, item.current_version_id, versionId);
  await itemDocuments.setCurrentVersion(trx, item, versionId);
  await itemDocuments.transition(
    trx,
    audit,
    { ...item, current_version_id: versionId },
    'correct',
    { reason: changeNote },
    { actedBy: by.correctedBy },
  );
  await recordChange(
    trx,
    await publishingDeps.calendar(trx),
    item,
    { kind: 'correction', changedOn: changeDate, versionId },
    by.correctedBy,
    today,
  );
  return versionId;
}

/**
 * What a draft's edit is checked against before the route authorizes it: the item is still a
 * draft (409), the input is valid for its agency (422). Gives the scope the edited draft will sit
 * in, on which the route authorizes `publishing.draft` (a drafter cannot move it to another unit).
 */
export async function draftEditScope(db: Executor, item: InformationItemRow, input: ItemInput): Promise<Scoped> {
  if (item.status !== 'draft') throw new ConflictError('pub.error.not_draft');
  const { agencyId, issues } = await checkInput(db, input, todayInChina());
  if (agencyId !== 0 && agencyId !== item.agency_id)
    issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
  if (input.interprets_item_id === item.id) issues.push(issue('interprets_item_id', 'pub.error.interprets_invalid'));
  if (issues.length) throw new ValidationError(issues);
  return { agencyId: item.agency_id, unitId: input.responsible_unit_id };
}

/** What an edit of a draft writes beside its version: who drafts it, and a module's own row. */
export interface DraftEditOptions {
  readonly createdBy: number;
  /** Runs in the same transaction (a module's own row of the entry the item carries). */
  readonly alongside?: (trx: Tx, audit: Audit) => Promise<void>;
}

/**
 * A new immutable version of a draft; the item's catalog fields follow the input. The route has
 * authorized `publishing.draft` on the item and on `draftEditScope`.
 */
export async function updateDraft(
  db: Db,
  ctx: AuditContext,
  itemId: number,
  input: ItemInput,
  options: DraftEditOptions,
): Promise<number> {
  const item = await loadItem(db, itemId);
  await draftEditScope(db, item, input);
  const due = await dueDate(db, input);
  const dueProvisionalYears = await dueProvisional(db, input.formation_date, due);
  return mutate(db, ctx, async (trx, audit) => {
    const version = await itemDocuments.appendVersion(trx, itemId, versionValues(input, options.createdBy, null));
    await carryAttachments(trx, item.current_version_id, version.id);
    await itemDocuments.setCurrentVersion(trx, item, version.id, {
      set: { ...catalogFields(input, due, dueProvisionalYears), updated_at: nowIso() },
      whileStatus: 'draft',
    });
    await audit({
      action: 'publishing.update',
      subjectType: 'information_item',
      subjectId: itemId,
      before: { version_id: item.current_version_id },
      after: { version_id: version.id, version_no: version.versionNo },
    });
    await options.alongside?.(trx, audit);
    return version.id;
  });
}
