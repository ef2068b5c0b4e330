// Every query of the public portal. Only items in a public status are ever selected here: a
// draft, an item under review or a withdrawn item cannot be reached through these functions
// (withdrawn items are read only by `withdrawnNotice`, which returns the notice, not the text).
import { sectionStamp } from './public-sections.ts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { agencyDirectory, organisationStore, unitDirectory } from '../organisation/index.ts';
import { powerItemDirectory, serviceGuideDirectory } from '../power-catalog/index.ts';
import {
  catalogItems,
  itemAttachments,
  itemStatusHistory,
  itemValidityHistory,
  itemVersions,
  latestValidityOf,
  publicStatuses,
} from '../publishing/index.ts';
import type { CatalogFilter } from './portal.ts';

export interface CatalogRow {
  id: number;
  title: string;
  index_number: string;
  document_number: string | null;
  publication_date: string | null;
  formation_date: string;
  catalog_category: string;
  art20_item: number | null;
  agency_code: string;
  agency_name: string;
  validity: string | null;
  summary: string | null;
  updated_at: string;
}

export interface FeedRow extends CatalogRow {
  body_html: string | null;
  change_note: string | null;
  version_at: string;
}

const latestValidity = latestValidityOf('i.id');

/** Items with their current version and agency, read through the owners' contracts (ADR 0022). */
function itemsWithAgency(db: Executor) {
  return db
    .selectFrom(catalogItems(db).as('i'))
    .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
    .innerJoin(agencyDirectory(db).as('a'), 'a.id', 'i.agency_id');
}

function publicItems(db: Executor) {
  return itemsWithAgency(db).where('i.status', 'in', publicStatuses).where('i.disclosure_mode', '=', 'proactive');
}

function filtered(db: Executor, f: CatalogFilter) {
  let q = publicItems(db);
  if (f.art20 !== undefined) q = q.where('i.art20_item', '=', f.art20);
  if (f.category) q = q.where('i.catalog_category', '=', f.category);
  if (f.agency) q = q.where('a.code', '=', f.agency);
  if (f.year !== undefined) q = q.where(sql<string>`substr(i.publication_date, 1, 4)`, '=', String(f.year));
  if (f.validity) q = q.where(latestValidity, '=', f.validity);
  return q;
}

export const portalStore = {
  async catalog(db: Executor, f: CatalogFilter): Promise<{ total: number; rows: CatalogRow[] }> {
    const pageSize = f.pageSize ?? 20;
    const page = Math.max(1, f.page ?? 1);
    const totalRow = await filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    let q = filtered(db, f).select([
      'i.id',
      'v.title',
      'i.index_number',
      'v.document_number',
      'i.publication_date',
      'i.formation_date',
      'i.catalog_category',
      'i.art20_item',
      'a.code as agency_code',
      'a.name as agency_name',
      'v.summary',
      'i.updated_at',
      latestValidity.as('validity'),
    ]);
    if (f.sort === 'oldest') q = q.orderBy('i.publication_date', 'asc').orderBy('i.id', 'asc');
    else if (f.sort === 'title') q = q.orderBy('v.title').orderBy('i.id');
    else q = q.orderBy('i.publication_date', 'desc').orderBy('i.id', 'desc');
    const rows = (await q
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()) as CatalogRow[];
    return { total: Number(totalRow?.n ?? 0), rows };
  },

  /** A catalog listing for a feed: each row with its body (the summary when it has none) and
   *  the date of its current version when that version is a public correction. */
  async feed(db: Executor, f: CatalogFilter): Promise<FeedRow[]> {
    return (await filtered(db, f)
      .select([
        'i.id',
        'v.title',
        'i.index_number',
        'v.document_number',
        'i.publication_date',
        'i.formation_date',
        'i.catalog_category',
        'i.art20_item',
        'a.code as agency_code',
        'a.name as agency_name',
        'v.summary',
        'v.body_html',
        'v.change_note',
        'v.created_at as version_at',
        'i.updated_at',
        latestValidity.as('validity'),
      ])
      .orderBy('i.publication_date', 'desc')
      .orderBy('i.id', 'desc')
      .limit(f.pageSize ?? 50)
      .execute()) as FeedRow[];
  },

  /** Years with public items, newest first (the catalog's year filter). */
  async years(db: Executor): Promise<number[]> {
    const rows = await publicItems(db)
      .select(sql<string>`substr(i.publication_date, 1, 4)`.as('y'))
      .where('i.publication_date', 'is not', null)
      .groupBy(sql`substr(i.publication_date, 1, 4)`)
      .execute();
    return rows
      .map((r) => Number(r.y))
      .filter((y) => y > 0)
      .sort((a, b) => b - a);
  },

  /** One public item with its current version, or undefined (drafts and withdrawn items too). */
  publicItem(db: Executor, id: number) {
    return publicItems(db)
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 'i.responsible_unit_id')
      .selectAll('i')
      .select([
        'v.title',
        'v.document_number',
        'v.issuing_agencies',
        'v.topic',
        'v.genre',
        'v.keywords',
        'v.summary',
        'v.body_html',
        'v.change_note',
        'v.version_no',
        'a.code as agency_code',
        'a.name as agency_name',
        'u.name as unit_name',
      ])
      .where('i.id', '=', id)
      .executeTakeFirst();
  },

  /** A withdrawn item that had been public: its title, index number and the public reason. */
  async withdrawnNotice(
    db: Executor,
    id: number,
  ): Promise<
    | {
        id: number;
        title: string;
        index_number: string;
        agency_name: string;
        reason: string | null;
        withdrawn_at: string;
      }
    | undefined
  > {
    const item = await itemsWithAgency(db)
      .select(['i.id', 'v.title', 'i.index_number', 'a.name as agency_name'])
      .where('i.id', '=', id)
      .where('i.status', '=', 'withdrawn')
      .where('i.publication_date', 'is not', null)
      .executeTakeFirst();
    if (!item) return undefined;
    const h = await db
      .selectFrom(itemStatusHistory(db).as('h'))
      .select(['h.reason', 'h.created_at'])
      .where('h.item_id', '=', id)
      .where('h.to_status', '=', 'withdrawn')
      .orderBy('h.id', 'desc')
      .executeTakeFirst();
    return { ...item, reason: h?.reason ?? null, withdrawn_at: h?.created_at ?? '' };
  },

  /** Public corrections: versions that were published with a change note. */
  corrections(
    db: Executor,
    itemId: number,
  ): Promise<{ version_no: number; change_note: string | null; created_at: string }[]> {
    return db
      .selectFrom(itemVersions(db).as('v'))
      .select(['v.version_no', 'v.change_note', 'v.created_at'])
      .where('v.item_id', '=', itemId)
      .where('v.change_note', 'is not', null)
      .orderBy('v.version_no', 'desc')
      .execute();
  },

  /** The public events of an item: publication, corrections and approval of emergency publishing. */
  publicEvents(db: Executor, itemId: number): Promise<{ event: string; created_at: string; reason: string | null }[]> {
    return db
      .selectFrom(itemStatusHistory(db).as('h'))
      .select(['h.event', 'h.created_at', 'h.reason'])
      .where('h.item_id', '=', itemId)
      .where('h.event', 'in', ['publish', 'emergency_publish'])
      .orderBy('h.id')
      .execute();
  },

  validityHistory(db: Executor, itemId: number) {
    return db
      .selectFrom(itemValidityHistory(db).as('vh'))
      .select(['vh.validity', 'vh.effective_date', 'vh.note'])
      .where('vh.item_id', '=', itemId)
      .orderBy('vh.effective_date')
      .orderBy('vh.id')
      .execute();
  },

  attachments(db: Executor, versionId: number) {
    return db
      .selectFrom(itemAttachments(db).as('f'))
      .select(['f.id', 'f.filename', 'f.kind', 'f.size', 'f.mime', 'f.sha256'])
      .where('f.version_id', '=', versionId)
      .orderBy('f.sort_order')
      .orderBy('f.id')
      .execute();
  },

  /** Public items linked by interpretation, either way. */
  async linked(
    db: Executor,
    itemId: number,
    interpretsItemId: number | null,
  ): Promise<{ id: number; title: string; catalog_category: string }[]> {
    let q = publicItems(db).select(['i.id', 'v.title', 'i.catalog_category']);
    q =
      interpretsItemId === null
        ? q.where('i.interprets_item_id', '=', itemId)
        : q.where((eb) => eb.or([eb('i.interprets_item_id', '=', itemId), eb('i.id', '=', interpretsItemId)]));
    return q.where('i.id', '!=', itemId).orderBy('i.id').execute();
  },

  agencies(db: Executor) {
    return organisationStore.agencies(db);
  },

  agencyByCode(db: Executor, code: string) {
    return organisationStore.agencyByCode(db, code);
  },

  units(db: Executor, agencyId: number) {
    return db
      .selectFrom(unitDirectory(db).as('u'))
      .select(['u.id', 'u.name', 'u.phone', 'u.duties'])
      .where('u.agency_id', '=', agencyId)
      .where('u.active', '=', 1)
      .orderBy('u.sort_order')
      .orderBy('u.id')
      .execute();
  },

  unit(db: Executor, id: number) {
    return db
      .selectFrom(unitDirectory(db).as('u'))
      .select(['u.id', 'u.name', 'u.phone'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },

  /** Counts of public items per agency (the directory). */
  async countsByAgency(db: Executor): Promise<Map<number, number>> {
    const rows = await publicItems(db)
      .select(['i.agency_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('i.agency_id')
      .execute();
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  },

  /** An agency's public items per item of Art. 20 (法定主动公开内容), by item number. */
  async art20Counts(db: Executor, agencyCode: string): Promise<{ item: number; n: number }[]> {
    const rows = await publicItems(db)
      .select(['i.art20_item', (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.code', '=', agencyCode)
      .where('i.art20_item', 'is not', null)
      .groupBy('i.art20_item')
      .orderBy('i.art20_item')
      .execute();
    return rows.map((r) => ({ item: Number(r.art20_item), n: Number(r.n) }));
  },

  /** Public power-catalog entries (their carrying item is public). */
  powerItems(db: Executor, agencyId: number | null, limit = 200, offset = 0) {
    let q = db
      .selectFrom(powerItemDirectory(db).as('p'))
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'p.item_id')
      .select(['p.id', 'p.code', 'p.name', 'p.power_type', 'p.legal_basis', 'p.item_id'])
      .where('i.status', 'in', publicStatuses);
    if (agencyId !== null) q = q.where('p.agency_id', '=', agencyId);
    return q.orderBy('p.code').orderBy('p.id').limit(limit).offset(offset).execute();
  },

  /** How many public power items and service guides there are (the power catalog's pages). */
  async powerCounts(db: Executor): Promise<{ powers: number; guides: number }> {
    const [p, g] = await Promise.all([
      db
        .selectFrom(powerItemDirectory(db).as('p'))
        .innerJoin(catalogItems(db).as('i'), 'i.id', 'p.item_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('i.status', 'in', publicStatuses)
        .executeTakeFirst(),
      db
        .selectFrom(serviceGuideDirectory(db).as('g'))
        .innerJoin(catalogItems(db).as('i'), 'i.id', 'g.item_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('i.status', 'in', publicStatuses)
        .executeTakeFirst(),
    ]);
    return { powers: Number(p?.n ?? 0), guides: Number(g?.n ?? 0) };
  },

  serviceGuides(db: Executor, agencyId: number | null, limit = 200, offset = 0) {
    let q = db
      .selectFrom(serviceGuideDirectory(db).as('g'))
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'g.item_id')
      .select(['g.id', 'g.name', 'g.steps', 'g.time_limit', 'g.place', 'g.hours', 'g.phone', 'g.item_id'])
      .where('i.status', 'in', publicStatuses);
    if (agencyId !== null) q = q.where('g.agency_id', '=', agencyId);
    return q.orderBy('g.id').limit(limit).offset(offset).execute();
  },

  screen(db: Executor, name: string) {
    return db.selectFrom('display_screens').selectAll().where('name', '=', name).executeTakeFirst();
  },

  /** Creates the screen `name`, or changes it when it exists. */
  async saveScreen(
    db: Executor,
    name: string,
    values: { title: string; agency_id: number | null; slides: string; seconds_per_slide: number },
    now: string,
  ): Promise<void> {
    const existing = await portalStore.screen(db, name);
    if (existing)
      await db
        .updateTable('display_screens')
        .set({ ...values, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
    else
      await db
        .insertInto('display_screens')
        .values({ name, ...values, created_at: now, updated_at: now })
        .execute();
  },

  screens(db: Executor) {
    return db.selectFrom('display_screens').selectAll().orderBy('name').execute();
  },

  /** The cheap stamp checked by every process: changes whenever a public page may change. */
  async stamp(db: Executor): Promise<string> {
    const row = await db
      .selectFrom('portal_state')
      .select([
        'version',
        db
          .selectFrom(agencyDirectory(db).as('a'))
          .select((eb) => eb.fn.max('a.updated_at').as('at'))
          .as('agencies'),
        db
          .selectFrom(unitDirectory(db).as('u'))
          .select((eb) => eb.fn.max('u.updated_at').as('at'))
          .as('units'),
        db
          .selectFrom(itemValidityHistory(db).as('vh'))
          .select((eb) => eb.fn.max('vh.id').as('id'))
          .as('validity'),
        sql<string | null>`(select max(updated_at) from display_screens)`.as('screens'),
      ])
      .where('name', '=', 'pages')
      .executeTakeFirst();
    // Sections other modules add (public-sections.ts) change without a publication: their own stamps.
    const sections = await sectionStamp(db);
    return row ? `${row.version}|${row.agencies}|${row.units}|${row.validity}|${row.screens}|${sections}` : 'none';
  },

  async bump(db: Executor, at: string): Promise<void> {
    await db
      .updateTable('portal_state')
      .set((eb) => ({ version: eb('version', '+', 1), changed_at: at }))
      .where('name', '=', 'pages')
      .execute();
  },

  /** What the static copy's client-side search looks through (static-export.ts), newest first. */
  searchIndexRows(db: Executor) {
    return publicItems(db)
      .select(['i.id', 'v.title', 'v.document_number', 'i.index_number', 'i.publication_date', 'a.name as agency_name'])
      .orderBy('i.id', 'desc')
      .execute();
  },

  /** The ids of withdrawn items that had been public (their addresses now show the withdrawal notice). */
  withdrawnOncePublic(db: Executor): Promise<{ id: number }[]> {
    return db
      .selectFrom(catalogItems(db).as('i'))
      .select('i.id')
      .where('i.status', '=', 'withdrawn')
      .where('i.publication_date', 'is not', null)
      .execute();
  },

  /** Every public item id with its last change (sitemap, static export). */
  allPublic(db: Executor) {
    return publicItems(db)
      .select([
        'i.id',
        'i.updated_at',
        'i.publication_date',
        'a.code as agency_code',
        'v.change_note',
        'v.created_at as version_at',
      ])
      .orderBy('i.id')
      .execute();
  },
};
