// Operations on the power catalog, service guides and yearly figures. A power item or service
// guide is published through the same workflow as any information item: creating one creates a
// draft through the publishing service (index number, version, status row, audit), and the
// structured row is written next to it in the same transaction. Its content changes only while the draft is editable; a published
// entry is corrected here (correctPowerItem / correctServiceGuide): the row and a new version of
// the item with its public change note, in one transaction, through publishing's correction flow.
// The routes authorize (power_catalog.edit, the same drafter's permission as publishing.draft, on
// the unit the checks of entry-checks.ts give; publishing.correct on the item) before the services
// write.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import {
  correctInTransaction,
  insertDraft,
  prepareDraft,
  publishingService,
  type ItemInput,
} from '../publishing/index.ts';
import type { StructuredEntryLookup } from '../publishing/index.ts';
import { publishingStore } from '../publishing/index.ts';
import { art20ItemOf, figureKinds, powerTypes, type FigureKind } from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';
import {
  checkGuide,
  checkGuideEdit,
  checkPowerEdit,
  guideItemInput,
  powerItemInput,
  powerItemUnit,
  unitName,
  type GuideCorrectionInput,
  type PowerCorrectionInput,
  type PowerItemInput,
  type ServiceGuideInput,
} from './entry-checks.ts';

export type { PowerItemInput, ServiceGuideInput } from './entry-checks.ts';

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
  /** A new power and its draft; the route has authorized `power_catalog.edit` on its `powerItemUnit`. */
  async createPowerItem(db: Db, ctx: AuditContext, input: PowerItemInput, by: { createdBy: number }): Promise<number> {
    const unit = await powerItemUnit(db, input);
    // The draft and the entry in one transaction: neither exists without the other.
    const itemInput = powerItemInput(input, unit.name);
    const prepared = await prepareDraft(db, itemInput);
    return mutate(db, ctx, async (trx, audit) => {
      const { id: itemId } = await insertDraft(trx, audit, itemInput, prepared, by);
      const now = nowIso();
      const row = await trx
        .insertInto('power_items')
        .values({
          agency_id: unit.agency_id,
          item_id: itemId,
          code: input.code.trim(),
          name: input.name.trim(),
          power_type: input.power_type,
          legal_basis: input.legal_basis.trim(),
          responsible_unit_id: unit.id,
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

  /**
   * A draft power edited, with its item. The route has authorized `power_catalog.edit` on the power
   * and `publishing.draft` on its `powerItemEditScope`.
   */
  async updatePowerItem(
    db: Db,
    ctx: AuditContext,
    id: number,
    input: PowerItemInput,
    by: { createdBy: number },
  ): Promise<void> {
    const before = await store.powerItem(db, id);
    if (!before) throw new NotFoundError();
    const { unit, itemInput } = await checkPowerEdit(db, before, input);
    await publishingService.updateDraft(db, ctx, before.item_id, itemInput, {
      createdBy: by.createdBy,
      alongside: async (trx, audit) => {
        await trx
          .updateTable('power_items')
          .set({
            code: input.code.trim(),
            name: input.name.trim(),
            power_type: input.power_type,
            legal_basis: input.legal_basis.trim(),
            responsible_unit_id: unit.id,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await audit({ action: 'power_catalog.update', subjectType: 'power_item', subjectId: id, before, after: input });
      },
    });
  },

  /** A new guide and its draft; the route has authorized `power_catalog.edit` on its `checkGuide` unit. */
  async createServiceGuide(
    db: Db,
    ctx: AuditContext,
    input: ServiceGuideInput,
    by: { createdBy: number },
  ): Promise<number> {
    const unit = await checkGuide(db, input, null);
    const itemInput = guideItemInput(input, unit.name);
    const prepared = await prepareDraft(db, itemInput);
    return mutate(db, ctx, async (trx, audit) => {
      const { id: itemId } = await insertDraft(trx, audit, itemInput, prepared, by);
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

  /** A draft guide edited, with its item (authorized as updatePowerItem, on `guideEditScope`). */
  async updateServiceGuide(
    db: Db,
    ctx: AuditContext,
    id: number,
    input: ServiceGuideInput,
    by: { createdBy: number },
  ): Promise<void> {
    const before = await store.serviceGuide(db, id);
    if (!before) throw new NotFoundError();
    const { itemInput } = await checkGuideEdit(db, before, input);
    await publishingService.updateDraft(db, ctx, before.item_id, itemInput, {
      createdBy: by.createdBy,
      alongside: async (trx, audit) => {
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
    });
  },

  /**
   * A published power corrected (发布更正): the row and the item's text change together, in one
   * transaction — a new version of the item with the public change note (publishing's
   * correction flow: the guard, the history), then the row. The route has authorized
   * `publishing.correct` on the item; its state is read here, in the transaction.
   */
  async correctPowerItem(
    db: Db,
    ctx: AuditContext,
    id: number,
    input: PowerCorrectionInput,
    changeNote: string,
    by: { correctedBy: number },
  ): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => {
      const before = await store.powerItem(trx, id);
      if (!before) throw new NotFoundError();
      const item = await publishingStore.item(trx, before.item_id);
      if (!item) throw new NotFoundError();
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
      const content = contentOf(powerItemInput(full, unitLabel));
      const versionId = await correctInTransaction(trx, audit, [item.id, content, changeNote], by);
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
    ctx: AuditContext,
    id: number,
    input: GuideCorrectionInput,
    changeNote: string,
    by: { correctedBy: number },
  ): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => {
      const before = await store.serviceGuide(trx, id);
      if (!before) throw new NotFoundError();
      const item = await publishingStore.item(trx, before.item_id);
      if (!item) throw new NotFoundError();
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
      const content = contentOf(guideItemInput(full, unitLabel));
      const versionId = await correctInTransaction(trx, audit, [item.id, content, changeNote], by);
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

  /** The console's entry of a year's figures (see saveFigures); the route has authorized `figures.edit`. */
  async setFigures(
    db: Db,
    ctx: AuditContext,
    agencyId: number,
    year: number,
    values: Partial<Record<FigureKind, number>>,
    by: { updatedBy: number },
  ): Promise<void> {
    await saveFigures(db, ctx, by.updatedBy, agencyId, year, values, 'entered');
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
