// Helpers shared by the publishing module's tests: the demo bureau and its callers, a default item
// input, and walking an item through the review chain.
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { loadActor } from '../../platform/auth/session.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { HistoricalWriter, writeBatch, type HistoricalItem } from '../catalog-import/historical.service.ts';
import { publishingService as service, type Caller, type ItemInput } from './publishing.service.ts';
import type { InformationItemTable, ItemVersionTable } from './publishing.table.ts';

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

export async function callerOf(db: Db, username: string): Promise<Caller> {
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

export async function demoCallers(db: Db): Promise<Record<DemoName, Caller>> {
  const out = {} as Record<DemoName, Caller>;
  for (const name of demoNames) out[name] = await callerOf(db, name);
  return out;
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

/**
 * What most publishing suites start from once the small demo is seeded (seedSmallDemo, which imports
 * this file, so it cannot be called from here): the bureau, its unit and a caller for each demo user.
 */
export async function publishingDemo(db: Db): Promise<{ agency: number; unit: number; who: Record<DemoName, Caller> }> {
  return { ...(await demoBureau(db)), who: await demoCallers(db) };
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
export async function reviewWorkNews(db: Db, who: Record<DemoName, Caller>, id: number): Promise<void> {
  await service.transition(db, who.drafter, id, 'submit');
  await service.transition(db, who.unithead, id, 'unit_approve');
  await service.transition(db, who.reviewer, id, 'confidentiality_approve', {
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
