// What a power or service guide is checked against before anything is written, and the catalog
// item that carries it. The routes call the checks that give a scope (powerItemUnit, checkGuide,
// powerItemEditScope, guideEditScope) before they authorize, so the form's 422 comes before the
// 403 as it did when the services authorized; the services run the same checks again.
import type { Db, Tx } from '../../db/database.ts';
import { ConflictError, issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import type { Scoped } from '../../platform/policy.ts';
import { draftEditScope, publishingStore, type ItemInput } from '../publishing/index.ts';
import { organisationStore } from '../organisation/index.ts';
import {
  art20ItemOf,
  GUIDE_CATEGORY,
  POWER_CATEGORY,
  powerItemBody,
  powerTypes,
  powerTypeZh,
  serviceGuideBody,
  type GuideFields,
  type PowerType,
} from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';
import type { PowerItemRow, ServiceGuideRow } from './power-catalog.table.ts';

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

type Unit = { id: number; agency_id: number; name: string };

async function unitOf(db: Db, unitId: number): Promise<Unit | undefined> {
  const unit = await organisationStore.unit(db, unitId);
  return unit?.active === 1 ? unit : undefined;
}

/** The name of the unit an entry's row names (it exists: the row refers to it). */
export async function unitName(trx: Tx, unitId: number): Promise<string> {
  const unit = await organisationStore.unit(trx, unitId);
  if (!unit) throw new Error(`unit ${unitId} not found`);
  return unit.name;
}

export function powerItemInput(input: PowerItemInput, unitName: string): ItemInput {
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

export function guideItemInput(input: ServiceGuideInput, unitName: string): ItemInput {
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

/**
 * The unit a new power sits in, or the form's issues (422): the route authorizes
 * `power_catalog.edit` on it after these, as the form's errors come first.
 */
export async function powerItemUnit(db: Db, input: PowerItemInput): Promise<Unit> {
  const unit = await unitOf(db, input.responsible_unit_id);
  const issues: ValidationIssue[] = [];
  if (!unit) issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
  if (!powerTypes.includes(input.power_type)) issues.push(issue('power_type', 'power.error.type'));
  if (unit && (await store.codeTaken(db, unit.agency_id, input.code.trim())))
    issues.push(issue('code', 'power.error.code_taken'));
  if (issues.length) throw new ValidationError(issues);
  return unit!;
}

/** The scope of a unit, for the policies. */
export function unitScope(unit: Unit): Scoped {
  return { agencyId: unit.agency_id, unitId: unit.id };
}

/** An edit of a draft power checked (409 not a draft, 422 the form and the draft's item). */
export async function checkPowerEdit(db: Db, before: PowerItemRow, input: PowerItemInput) {
  await draftOnly(db, before.item_id);
  const unit = await unitOf(db, input.responsible_unit_id);
  const issues: ValidationIssue[] = [];
  if (!unit || unit.agency_id !== before.agency_id) issues.push(issue('responsible_unit_id', 'pub.error.unit_invalid'));
  if (await store.codeTaken(db, before.agency_id, input.code.trim(), before.id))
    issues.push(issue('code', 'power.error.code_taken'));
  if (issues.length) throw new ValidationError(issues);
  const itemInput = powerItemInput(input, unit!.name);
  const scope = await draftEditScope(db, (await publishingStore.item(db, before.item_id))!, itemInput);
  return { unit: unit!, itemInput, scope };
}

/**
 * The scope an edited draft power will sit in, after its checks: the route, which authorized
 * `power_catalog.edit` on the power as loaded, authorizes `publishing.draft` on it (a drafter keeps
 * the entry in a unit of theirs).
 */
export async function powerItemEditScope(db: Db, before: PowerItemRow, input: PowerItemInput): Promise<Scoped> {
  return (await checkPowerEdit(db, before, input)).scope;
}

/** An edit of a draft guide checked, like checkPowerEdit. */
export async function checkGuideEdit(db: Db, before: ServiceGuideRow, input: ServiceGuideInput) {
  await draftOnly(db, before.item_id);
  const unit = await checkGuide(db, input, before.agency_id);
  const itemInput = guideItemInput(input, unit.name);
  const scope = await draftEditScope(db, (await publishingStore.item(db, before.item_id))!, itemInput);
  return { itemInput, scope };
}

/** The scope an edited draft guide will sit in, after its checks (see powerItemEditScope). */
export async function guideEditScope(db: Db, before: ServiceGuideRow, input: ServiceGuideInput): Promise<Scoped> {
  return (await checkGuideEdit(db, before, input)).scope;
}

/**
 * The guide's unit (of `agencyId` when editing) and its power (of the same agency), or the issues;
 * for a new guide, the unit the route authorizes `power_catalog.edit` on.
 */
export async function checkGuide(db: Db, input: ServiceGuideInput, agencyId: number | null): Promise<Unit> {
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
