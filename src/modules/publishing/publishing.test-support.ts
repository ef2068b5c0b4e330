// Helpers shared by the publishing module's tests: the demo users, what a console route does for
// one of them (asUser), a default item input, and walking an item through the review chain.
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { loadActor } from '../../platform/auth/session.ts';
import { systemContext, type AuditContext } from '../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../platform/policy.ts';
import { HistoricalWriter, writeBatch, type HistoricalItem } from '../catalog-import/historical.service.ts';
import { attachmentService, type StoredAttachment } from './attachments.service.ts';
import type { ItemEvent, Validity } from './publishing.ts';
import {
  authorizeTransition,
  draftEditScope,
  draftScope,
  loadItem,
  prepareDraft,
  publishingService as service,
  scopeOf,
  type Correction,
  type ItemInput,
  type TransitionOptions,
} from './publishing.service.ts';
import type { InformationItemTable, ItemVersionTable } from './publishing.table.ts';

/** A demo user: the actor a route authorizes, the audit context a service logs. */
export interface DemoUser {
  readonly actor: Actor;
  readonly ctx: AuditContext;
}

type ValidityArgs = [validity: Validity, date: string, note?: string | null, changedOn?: string | null];

/** An item as a route loads it, with `action` authorized on it. */
async function authorizedItem(db: Db, who: DemoUser, itemId: number, action: string) {
  const item = await loadItem(db, itemId);
  authorize(who.actor, action, scopeOf(item));
  return item;
}

/**
 * What the console's routes do for a user: authorize through the policy (in the route's order),
 * then call the service with the audit context and the user as the one who acts.
 */
export const asUser = {
  async createDraft(db: Db, who: DemoUser, input: ItemInput) {
    authorize(who.actor, 'publishing.draft', draftScope(await prepareDraft(db, input), input));
    return service.createDraft(db, who.ctx, input, { createdBy: who.actor.userId });
  },

  async updateDraft(db: Db, who: DemoUser, itemId: number, input: ItemInput) {
    const item = await authorizedItem(db, who, itemId, 'publishing.draft');
    authorize(who.actor, 'publishing.draft', await draftEditScope(db, item, input));
    return service.updateDraft(db, who.ctx, itemId, input, { createdBy: who.actor.userId });
  },

  async transition(db: Db, who: DemoUser, itemId: number, event: ItemEvent, options: TransitionOptions = {}) {
    const item = await loadItem(db, itemId);
    await authorizeTransition(db, who.actor, item, event);
    const by = { actedBy: who.actor.userId, whileStatus: item.status };
    return service.transition(db, who.ctx, itemId, event, options, by);
  },

  async publishCorrection(db: Db, who: DemoUser, ...correction: Correction) {
    await authorizedItem(db, who, correction[0], 'publishing.correct');
    return service.publishCorrection(db, who.ctx, correction, { correctedBy: who.actor.userId });
  },

  async maskPersonalData(db: Db, who: DemoUser, itemId: number) {
    await authorizedItem(db, who, itemId, 'publishing.mask');
    return service.maskPersonalData(db, who.ctx, itemId, { createdBy: who.actor.userId });
  },

  async overridePersonalData(db: Db, who: DemoUser, itemId: number, reason: string) {
    await authorizedItem(db, who, itemId, 'publishing.pii_override');
    return service.overridePersonalData(db, who.ctx, itemId, reason, { reviewedBy: who.actor.userId });
  },

  async setValidity(db: Db, who: DemoUser, itemId: number, ...[validity, date, note, changedOn]: ValidityArgs) {
    await authorizedItem(db, who, itemId, 'publishing.validity');
    const change = { validity, date, note, changedOn };
    return service.setValidity(db, who.ctx, itemId, change, { createdBy: who.actor.userId });
  },

  async configureWorkflow(db: Db, who: DemoUser, agencyId: number, category: string, steps: readonly string[]) {
    authorize(who.actor, 'publishing.configure', { agencyId });
    return service.configureWorkflow(db, who.ctx, agencyId, category, steps, { updatedBy: who.actor.userId });
  },

  async addAttachment(db: Db, who: DemoUser, itemId: number, file: StoredAttachment) {
    await authorizedItem(db, who, itemId, 'publishing.draft');
    return attachmentService.add(db, who.ctx, itemId, file, { createdBy: who.actor.userId });
  },

  async replaceAttachment(db: Db, who: DemoUser, itemId: number, attachmentId: number, file: StoredAttachment) {
    await authorizedItem(db, who, itemId, 'publishing.draft');
    return attachmentService.replace(db, who.ctx, itemId, attachmentId, file, { createdBy: who.actor.userId });
  },

  async removeAttachment(db: Db, who: DemoUser, itemId: number, attachmentId: number) {
    await authorizedItem(db, who, itemId, 'publishing.draft');
    return attachmentService.remove(db, who.ctx, itemId, attachmentId, { createdBy: who.actor.userId });
  },
};

export const demoNames = [
  'drafter',
  'unithead',
  'reviewer',
  'officer',
  'leader',
  'chief',
  'supervisor',
  'admin',
] as const;
export type DemoName = (typeof demoNames)[number];

export async function callerOf(db: Db, username: string): Promise<DemoUser> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const actor = await loadActor(db, {
    user_id: u.id,
    username: u.username,
    display_name: u.display_name,
    agency_id: u.agency_id,
    unit_id: u.unit_id,
    must_change_password: 0,
  });
  return { actor, ctx: { actorUserId: u.id, actorName: u.username, ip: null } };
}

export async function demoCallers(db: Db): Promise<Record<DemoName, DemoUser>> {
  const out = {} as Record<DemoName, DemoUser>;
  for (const name of demoNames) out[name] = await callerOf(db, name);
  return out;
}

/**
 * What most publishing suites start from once the small demo is seeded (seedSmallDemo, which imports
 * this file, so it cannot be called from here): the bureau, its unit and each demo user.
 */
export async function publishingDemo(
  db: Db,
): Promise<{ agency: number; unit: number; who: Record<DemoName, DemoUser> }> {
  return { ...(await demoBureau(db)), who: await demoCallers(db) };
}

/** The demo bureau and its employment unit (就业促进科), where the demo drafter works. */
export async function demoBureau(db: Db): Promise<{ agency: number; unit: number }> {
  const agency = (
    await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
  ).id;
  const unit = (
    await db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', agency)
      .where('name', '=', '就业促进科')
      .executeTakeFirstOrThrow()
  ).id;
  return { agency, unit };
}

export function itemInput(unit: number, over: Partial<ItemInput> = {}): ItemInput {
  return {
    title: '关于发放2025年度社保补贴的通知',
    issuing_agencies: ['岳阳市人力资源和社会保障局'],
    responsible_unit_id: unit,
    formation_date: '2025-06-02',
    disclosure_mode: 'proactive',
    catalog_category: 'work_news',
    body_html: '<p>各有关单位：现将有关事项通知如下。</p>',
    ...over,
  };
}

/** Through the work-news chain (unit head, confidentiality review) up to the disclosure officer. */
export async function reviewWorkNews(db: Db, who: Record<DemoName, DemoUser>, id: number): Promise<void> {
  await asUser.transition(db, who.drafter, id, 'submit');
  await asUser.transition(db, who.unithead, id, 'unit_approve');
  await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', {
    basis: '《保密法》第二条；不涉及国家秘密',
  });
}

/** Writes published items the way the historical import does (no guard on this path). */
export async function legacyItems(
  db: Db,
  items: readonly Omit<
    HistoricalItem,
    'agencyId' | 'unitId' | 'issuingAgencies' | 'formationDate' | 'publicationDate' | 'category'
  >[],
): Promise<number[]> {
  const { agency, unit } = await demoBureau(db);
  const writer = new HistoricalWriter(systemContext, 'legacy site');
  await writer.prepare(db);
  const ids: number[] = [];
  await writeBatch(
    db,
    items.map((value, i) => ({
      row: i + 1,
      value: {
        agencyId: agency,
        unitId: unit,
        issuingAgencies: [],
        formationDate: '2013-04-01',
        publicationDate: '2013-04-03',
        category: 'licensing_result',
        ...value,
      } as HistoricalItem,
    })),
    async (trx, item) => {
      ids.push((await writer.write(trx, item)).id);
    },
    { savepoints: false },
  );
  return ids;
}

/**
 * An item and its first version written straight into the publishing tables, without the workflow: for
 * tests whose figures or search, not an item's history, are under test. Returns the two ids.
 */
export async function insertItemRows(
  db: Executor,
  at: string,
  item: Omit<Insertable<InformationItemTable>, 'current_version_id' | 'created_at' | 'updated_at'>,
  version: Omit<Insertable<ItemVersionTable>, 'item_id' | 'version_no' | 'created_at'>,
): Promise<{ id: number; versionId: number }> {
  const { id } = await db
    .insertInto('information_items')
    .values({ ...item, current_version_id: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: versionId } = await db
    .insertInto('item_versions')
    .values({ ...version, item_id: id, version_no: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('information_items').set({ current_version_id: versionId }).where('id', '=', id).execute();
  return { id, versionId };
}
