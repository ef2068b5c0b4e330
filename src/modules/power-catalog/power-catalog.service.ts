// Operations on the power catalog, service guides and yearly figures. A power item or service
// guide is published through the same workflow as any information item: creating one creates a
// draft through the publishing service (index number, version, status row, audit), and the
// structured row is written next to it in the same transaction. Its content changes only while the draft is editable; a published
// entry is corrected here (correctPowerItem / correctServiceGuide): the row and a new version of
// the item with its public change note, in one transaction, through publishing's correction flow.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { ConflictError, issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import { authorize } from '../../platform/policy.ts';
import {
  correctInTransaction,
  insertDraft,
  prepareDraft,
  publishingService,
  type Caller,
  type ItemInput,
} from '../publishing/index.ts';
import type { StructuredEntryLookup } from '../publishing/index.ts';
import { publishingStore } from '../publishing/index.ts';
import { organisationStore } from '../organisation/index.ts';
import {
  art20ItemOf,
  figureKinds,
  GUIDE_CATEGORY,
  POWER_CATEGORY,
  powerItemBody,
  powerTypes,
  powerTypeZh,
  serviceGuideBody,
  type FigureKind,
  type GuideFields,
  type PowerType,
} from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';

export interface PowerItemInput {
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  responsible_unit_id: number;
  formation_date: string;
}

export interface ServiceGuideInput extends GuideFields {
  power_item_id: number | null;
  responsible_unit_id: number;
  formation_date: string;
}

async function unitOf(db: Db, unitId: number): Promise<{ id: number; agency_id: number; name: string } | undefined> {
  const unit = await organisationStore.unit(db, unitId);
  return unit?.active === 1 ? unit : undefined;
}

/** The name of the unit an entry's row names (it exists: the row refers to it). */
async function unitName(trx: Tx, unitId: number): Promise<string> {
  const unit = await organisationStore.unit(trx, unitId);
  if (!unit) throw new Error(`unit ${unitId} not found`);
  return unit.name;
}

function powerItemInput(input: PowerItemInput, unitName: string): ItemInput {
  return {
    title: `${powerTypeZh[input.power_type]}：${input.name.trim()}`,
    issuing_agencies: [],
    responsible_unit_id: input.responsible_unit_id,
    formation_date: input.formation_date,
    disclosure_mode: 'proactive',
    art20_item: art20ItemOf(input.power_type),
    catalog_category: POWER_CATEGORY,
    topic: powerTypeZh[input.power_type],
    genre: '职权目录',
    body_html: powerItemBody({ ...input, unitName }),
  };
}

function guideItemInput(input: ServiceGuideInput, unitName: string): ItemInput {
  return {
    title: `办事指南：${input.name.trim()}`,
    issuing_agencies: [],
    responsible_unit_id: input.responsible_unit_id,
    formation_date: input.formation_date,
    disclosure_mode: 'proactive',
    art20_item: 5,
    catalog_category: GUIDE_CATEGORY,
    genre: '办事指南',
    body_html: serviceGuideBody({ ...input, unitName }),
  };
}

/** The guide's unit (of `agencyId` when editing) and its power (of the same agency), or the issues. */
async function checkGuide(
  db: Db,
  input: ServiceGuideInput,
  agencyId: number | null,
): Promise<{ id: number; agency_id: number; name: string }> {
  const unit = await unitOf(db, input.responsible_unit_id);
  const issues: ValidationIssue[] = [];
  const agency = agencyId ?? unit?.agency_id;
  if (!unit || unit.agency_id !== agency) issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
  if (agency !== undefined && input.power_item_id != null) {
    const p = await store.powerItem(db, input.power_item_id);
    if (!p || p.agency_id !== agency) issues.push(issue('power_item_id', 'guide.error.power_item'));
  }
  if (issues.length) throw new ValidationError(issues);
  return unit!;
}

async function draftOnly(db: Db, itemId: number): Promise<void> {
  const item = await publishingStore.item(db, itemId);
  if (!item) throw new NotFoundError();
  if (item.status !== 'draft') throw new ConflictError('pub.error.not_draft');
}

/** What a published correction of a power may change: its content, not its unit or date. */
export type PowerCorrectionInput = Pick<PowerItemInput, 'code' | 'name' | 'power_type' | 'legal_basis'>;
export type GuideCorrectionInput = Omit<ServiceGuideInput, 'responsible_unit_id' | 'formation_date'>;

/** The item's text without its catalog placement: what publishCorrection takes. */
function contentOf(input: ItemInput) {
  const { responsible_unit_id: _u, formation_date: _f, disclosure_mode: _d, catalog_category: _c, ...content } = input;
  return content;
}

// The item page sends edits and corrections of these items to the pages below.
export const powerCatalogStructuredEntries: StructuredEntryLookup = async (db, itemId) => {
  const power = await db.selectFrom('power_items').select('id').where('item_id', '=', itemId).executeTakeFirst();
  if (power)
    return {
      editHref: `/admin/power-catalog/${power.id}/edit`,
      correctHref: `/admin/power-catalog/${power.id}/correct`,
    };
  const guide = await db.selectFrom('service_guides').select('id').where('item_id', '=', itemId).executeTakeFirst();
  if (guide)
    return {
      editHref: `/admin/service-guides/${guide.id}/edit`,
      correctHref: `/admin/service-guides/${guide.id}/correct`,
    };
  return null;
};

export const powerCatalogService = {
  async createPowerItem(db: Db, caller: Caller, input: PowerItemInput): Promise<number> {
    const unit = await unitOf(db, input.responsible_unit_id);
    const issues: ValidationIssue[] = [];
    if (!unit) issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
    if (!powerTypes.includes(input.power_type)) issues.push(issue('power_type', 'power.error.type'));
    if (unit && (await store.codeTaken(db, unit.agency_id, input.code.trim())))
      issues.push(issue('code', 'power.error.code_taken'));
    if (issues.length) throw new ValidationError(issues);
    authorize(caller.actor, 'power_catalog.edit', { agencyId: unit!.agency_id, unitId: unit!.id });
    // The draft and the entry in one transaction: neither exists without the other.
    const itemInput = powerItemInput(input, unit!.name);
    const prepared = await prepareDraft(db, caller, itemInput);
    return mutate(db, caller.ctx, async (trx, audit) => {
      const { id: itemId } = await insertDraft(trx, audit, caller, itemInput, prepared);
      const now = nowIso();
      const row = await trx
        .insertInto('power_items')
        .values({
          agency_id: unit!.agency_id,
          item_id: itemId,
          code: input.code.trim(),
          name: input.name.trim(),
          power_type: input.power_type,
          legal_basis: input.legal_basis.trim(),
          responsible_unit_id: unit!.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'power_catalog.create',
        subjectType: 'power_item',
        subjectId: row.id,
        after: { ...input, item_id: itemId },
      });
      return row.id;
    });
  },

  async updatePowerItem(db: Db, caller: Caller, id: number, input: PowerItemInput): Promise<void> {
    const before = await store.powerItem(db, id);
    if (!before) throw new NotFoundError();
    authorize(caller.actor, 'power_catalog.edit', { agencyId: before.agency_id, unitId: before.responsible_unit_id });
    await draftOnly(db, before.item_id);
    const unit = await unitOf(db, input.responsible_unit_id);
    const issues: ValidationIssue[] = [];
    if (!unit || unit.agency_id !== before.agency_id)
      issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
    if (await store.codeTaken(db, before.agency_id, input.code.trim(), id))
      issues.push(issue('code', 'power.error.code_taken'));
    if (issues.length) throw new ValidationError(issues);
    await publishingService.updateDraft(
      db,
      caller,
      before.item_id,
      powerItemInput(input, unit!.name),
      async (trx, audit) => {
        await trx
          .updateTable('power_items')
          .set({
            code: input.code.trim(),
            name: input.name.trim(),
            power_type: input.power_type,
            legal_basis: input.legal_basis.trim(),
            responsible_unit_id: unit!.id,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await audit({ action: 'power_catalog.update', subjectType: 'power_item', subjectId: id, before, after: input });
      },
    );
  },

  async createServiceGuide(db: Db, caller: Caller, input: ServiceGuideInput): Promise<number> {
    const unit = await checkGuide(db, input, null);
    authorize(caller.actor, 'power_catalog.edit', { agencyId: unit.agency_id, unitId: unit.id });
    const itemInput = guideItemInput(input, unit.name);
    const prepared = await prepareDraft(db, caller, itemInput);
    return mutate(db, caller.ctx, async (trx, audit) => {
      const { id: itemId } = await insertDraft(trx, audit, caller, itemInput, prepared);
      const now = nowIso();
      const { formation_date: _f, ...fields } = input;
      const row = await trx
        .insertInto('service_guides')
        .values({ ...fields, agency_id: unit.agency_id, item_id: itemId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'service_guide.create',
        subjectType: 'service_guide',
        subjectId: row.id,
        after: { ...input, item_id: itemId },
      });
      return row.id;
    });
  },

  async updateServiceGuide(db: Db, caller: Caller, id: number, input: ServiceGuideInput): Promise<void> {
    const before = await store.serviceGuide(db, id);
    if (!before) throw new NotFoundError();
    authorize(caller.actor, 'power_catalog.edit', { agencyId: before.agency_id, unitId: before.responsible_unit_id });
    await draftOnly(db, before.item_id);
    const unit = await checkGuide(db, input, before.agency_id);
    await publishingService.updateDraft(
      db,
      caller,
      before.item_id,
      guideItemInput(input, unit.name),
      async (trx, audit) => {
        const { formation_date: _f, ...fields } = input;
        await trx
          .updateTable('service_guides')
          .set({ ...fields, updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
        await audit({
          action: 'service_guide.update',
          subjectType: 'service_guide',
          subjectId: id,
          before,
          after: input,
        });
      },
    );
  },

  /**
   * A published power corrected (发布更正): the row and the item's text change together, in one
   * transaction — a new version of the item with the public change note (publishing's
   * correction flow: the disclosure office, the guard, the history), then the row.
   */
  async correctPowerItem(
    db: Db,
    caller: Caller,
    id: number,
    input: PowerCorrectionInput,
    changeNote: string,
  ): Promise<number> {
    return mutate(db, caller.ctx, async (trx, audit) => {
      const before = await store.powerItem(trx, id);
      if (!before) throw new NotFoundError();
      const item = await publishingStore.item(trx, before.item_id);
      if (!item) throw new NotFoundError();
      authorize(caller.actor, 'publishing.correct', { agencyId: item.agency_id, unitId: item.responsible_unit_id });
      const issues: ValidationIssue[] = [];
      if (!powerTypes.includes(input.power_type)) issues.push(issue('power_type', 'power.error.type'));
      if (await store.codeTaken(trx, before.agency_id, input.code.trim(), id))
        issues.push(issue('code', 'power.error.code_taken'));
      if (!changeNote.trim()) issues.push(issue('change_note', 'pub.error.reason_required'));
      if (issues.length) throw new ValidationError(issues);
      const unitLabel = await unitName(trx, before.responsible_unit_id);
      const full: PowerItemInput = {
        ...input,
        responsible_unit_id: before.responsible_unit_id,
        formation_date: item.formation_date,
      };
      const versionId = await correctInTransaction(
        trx,
        audit,
        caller,
        item.id,
        contentOf(powerItemInput(full, unitLabel)),
        changeNote,
      );
      // The type decides the Art. 20 item the entry is counted under (第五项 or 第六项).
      await publishingStore.setArt20Item(trx, item.id, art20ItemOf(input.power_type));
      await trx
        .updateTable('power_items')
        .set({
          code: input.code.trim(),
          name: input.name.trim(),
          power_type: input.power_type,
          legal_basis: input.legal_basis.trim(),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await audit({
        action: 'power_catalog.correct',
        subjectType: 'power_item',
        subjectId: id,
        before: {
          code: before.code,
          name: before.name,
          power_type: before.power_type,
          legal_basis: before.legal_basis,
        },
        after: { ...input, version_id: versionId, change_note: changeNote.trim() },
      });
      return versionId;
    });
  },

  /** A published service guide corrected: the row and the item's text together (see correctPowerItem). */
  async correctServiceGuide(
    db: Db,
    caller: Caller,
    id: number,
    input: GuideCorrectionInput,
    changeNote: string,
  ): Promise<number> {
    return mutate(db, caller.ctx, async (trx, audit) => {
      const before = await store.serviceGuide(trx, id);
      if (!before) throw new NotFoundError();
      const item = await publishingStore.item(trx, before.item_id);
      if (!item) throw new NotFoundError();
      authorize(caller.actor, 'publishing.correct', { agencyId: item.agency_id, unitId: item.responsible_unit_id });
      const issues: ValidationIssue[] = [];
      if (input.power_item_id != null) {
        const p = await store.powerItem(trx, input.power_item_id);
        if (!p || p.agency_id !== before.agency_id) issues.push(issue('power_item_id', 'guide.error.power_item'));
      }
      if (!changeNote.trim()) issues.push(issue('change_note', 'pub.error.reason_required'));
      if (issues.length) throw new ValidationError(issues);
      const unitLabel = await unitName(trx, before.responsible_unit_id);
      const full: ServiceGuideInput = {
        ...input,
        responsible_unit_id: before.responsible_unit_id,
        formation_date: item.formation_date,
      };
      const versionId = await correctInTransaction(
        trx,
        audit,
        caller,
        item.id,
        contentOf(guideItemInput(full, unitLabel)),
        changeNote,
      );
      await trx
        .updateTable('service_guides')
        .set({ ...input, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      await audit({
        action: 'service_guide.correct',
        subjectType: 'service_guide',
        subjectId: id,
        before,
        after: { ...input, version_id: versionId, change_note: changeNote.trim() },
      });
      return versionId;
    });
  },

  /** The console's entry of a year's figures (see saveFigures). */
  async setFigures(
    db: Db,
    caller: Caller,
    agencyId: number,
    year: number,
    values: Partial<Record<FigureKind, number>>,
    source: 'entered' | 'imported' = 'entered',
    note: string | null = null,
  ): Promise<void> {
    authorize(caller.actor, 'figures.edit', { agencyId });
    await saveFigures(db, caller.ctx, caller.actor.userId, agencyId, year, values, source, note);
  },
};

/** The problems of one year's figures (before anything is written). */
export function figureIssues(year: number, values: Partial<Record<FigureKind, number>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(year) || year < 2008 || year > 2100) issues.push(issue('year', 'figures.error.year'));
  for (const kind of figureKinds) {
    const v = values[kind];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0)) issues.push(issue(kind, 'figures.error.value'));
  }
  return issues;
}

/**
 * Writes an agency's figures of a year inside the caller's transaction: one row per kind given;
 * decisions for licence / penalty / coercion, fen for the fee income. A correction overwrites
 * the row and the audit event keeps the old value.
 */
export async function writeFigures(
  trx: Tx,
  audit: Audit,
  userId: number | null,
  agencyId: number,
  year: number,
  values: Partial<Record<FigureKind, number>>,
  source: 'entered' | 'imported',
  note: string | null = null,
): Promise<void> {
  for (const kind of figureKinds) {
    const v = values[kind];
    if (v === undefined) continue;
    const columns = kind === 'fee' ? { decisions: null, amount_fen: v } : { decisions: v, amount_fen: null };
    const before = await trx
      .selectFrom('yearly_figures')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const common = { ...columns, source, note, updated_by: userId, updated_at: nowIso() };
    if (before) await trx.updateTable('yearly_figures').set(common).where('id', '=', before.id).execute();
    else
      await trx
        .insertInto('yearly_figures')
        .values({ agency_id: agencyId, year, kind, ...common })
        .execute();
    await audit({
      action: 'figures.set',
      subjectType: 'agency',
      subjectId: agencyId,
      before: before ? { decisions: before.decisions, amount_fen: before.amount_fen } : undefined,
      after: { year, kind, ...columns, source },
    });
  }
}

/**
 * Enters (or corrects) an agency's figures of a year, in one transaction. Callers authorize (the
 * console) or are the operator (demo, CLI).
 */
export async function saveFigures(
  db: Db,
  ctx: AuditContext,
  userId: number | null,
  agencyId: number,
  year: number,
  values: Partial<Record<FigureKind, number>>,
  source: 'entered' | 'imported',
  note: string | null = null,
): Promise<void> {
  const issues = figureIssues(year, values);
  if (issues.length) throw new ValidationError(issues);
  await mutate(db, ctx, (trx, audit) => writeFigures(trx, audit, userId, agencyId, year, values, source, note));
}
