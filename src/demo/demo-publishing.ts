// Loads the Yueyang bureau's publications (demo-publishing-data.ts) so that the figures of the
// fixture report come out of the records: items, power catalog and workflows land through the
// historical-import service path (version, status row, audit event, website record each), in a
// few transactions — the full review workflow for ~900 items would make the first start slow,
// and these items were approved on paper years ago.
import type { DatabaseHandle } from '../db/connect.ts';
import type { Tx } from '../db/database.ts';
import { systemContext } from '../platform/audit/audit.ts';
import { mutate } from '../platform/mutation.ts';
import { nowIso } from '../platform/clock.ts';
import { HistoricalWriter, writeBatch, type HistoricalItem } from '../modules/catalog-import/index.ts';
import {
  art20ItemOf,
  GUIDE_CATEGORY,
  POWER_CATEGORY,
  powerItemBody,
  powerTypeZh,
  serviceGuideBody,
} from '../modules/power-catalog/index.ts';
import { saveFigures } from '../modules/power-catalog/index.ts';
import { demoTasks } from '../modules/tasks/index.ts';
import { demoItems, standalonePublications, type DemoItem } from './demo-publishing-data.ts';
import { demoGuides, demoPowers, FIGURES } from './demo-power-catalog-data.ts';
import type { BlobConfig } from '../platform/files/blob-store.ts';
import { normativeAttachment, orderForLinks } from './demo-links.ts';
import { loadCountyDemo } from './demo-county.ts';
import { loadWorkflowDemo } from './demo-workflow.ts';

/** The demo's rows are ours: no savepoint per row (a failure is a bug and fails the load). */
const TRUSTED = { savepoints: false } as const;

const HALL = {
  place: '岳阳市政务服务中心人社窗口',
  hours: '周一至周五 8:00-12:00，14:30-17:30',
  phone: '0731-8251965',
};

/** `files`: where attachments are stored (the server's data directory); without it, no files. */
export async function loadPublishingDemo(
  database: DatabaseHandle,
  options: { files?: BlobConfig } = {},
): Promise<void> {
  const { db } = database;
  const ctx = systemContext;
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'yueyang-hrss')
    .executeTakeFirstOrThrow();
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', agency.id).execute()).map((u) => [
      u.name,
      u.id,
    ]),
  );
  const unit = (name: string) => {
    const id = units.get(name);
    if (id === undefined) throw new Error(`demo unit ${name} is missing`);
    return id;
  };
  const writer = new HistoricalWriter(ctx, '演示数据');
  await writer.prepare(db);
  // Document numbers of the normative documents written so far, for the interpretations' links.
  const documents = new Map<string, number>();
  const asItem = (d: DemoItem): HistoricalItem => ({
    agencyId: agency.id,
    unitId: unit(d.unit),
    title: d.title,
    documentNumber: d.documentNumber ?? null,
    issuingAgencies: d.category === 'normative_document' ? ['岳阳市人力资源和社会保障局'] : [],
    formationDate: d.formationDate,
    publicationDate: d.publicationDate,
    category: d.category,
    art20Item: d.art20Item,
    topic: d.topic,
    genre: d.genre ?? null,
    bodyHtml: d.body,
    channels: d.channels,
    validity:
      d.category === 'normative_document'
        ? [{ validity: 'in_force', date: d.formationDate }, ...(d.validity ?? [])]
        : undefined,
  });

  // The power catalog and its workflows were compiled and published in 2011 (权力公开透明运行),
  // before the years the demo reproduces: they are on the web, and in 2013 they scrolled on the
  // hall's display screens, but they are not among 2012's or 2013's new website items.
  const powers = demoPowers();
  const powerIds = new Map<string, number>();
  const catalogDate = (i: number) => ({
    formation: `2011-11-${String(1 + (i % 20)).padStart(2, '0')}`,
    publication: `2011-12-${String(1 + (i % 20)).padStart(2, '0')}`,
  });
  const powerRows = powers.map((p, i) => ({ row: i + 1, value: p }));
  await writeBatch(
    db,
    powerRows,
    async (trx, p, row) => {
      const d = catalogDate(row);
      const { id: itemId } = await writer.write(
        trx,
        {
          agencyId: agency.id,
          unitId: unit(p.unit),
          title: `${powerTypeZh[p.type]}：${p.name}`,
          issuingAgencies: [],
          formationDate: d.formation,
          publicationDate: d.publication,
          category: POWER_CATEGORY,
          art20Item: art20ItemOf(p.type),
          topic: powerTypeZh[p.type],
          genre: '职权目录',
          bodyHtml: powerItemBody({
            code: p.code,
            name: p.name,
            power_type: p.type,
            legal_basis: p.legalBasis,
            unitName: p.unit,
          }),
          channels: ['own_website', 'display_screen'],
        },
        row,
      );
      const now = nowIso();
      const inserted = await trx
        .insertInto('power_items')
        .values({
          agency_id: agency.id,
          item_id: itemId,
          code: p.code,
          name: p.name,
          power_type: p.type,
          legal_basis: p.legalBasis,
          responsible_unit_id: unit(p.unit),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      powerIds.set(p.code, inserted.id);
    },
    TRUSTED,
  ).then(assertAll(powerRows.length, 'power items'));

  const guides = demoGuides(powers).map((g, i) => ({ row: i + 1, value: g }));
  await writeBatch(
    db,
    guides,
    async (trx, g, row) => {
      const d = catalogDate(row);
      const fields = {
        name: g.name,
        conditions: '符合国家和省、市有关规定的申请人',
        materials: '申请书\n有关证明材料原件及复印件',
        steps: g.steps,
        time_limit: '法定时限20个工作日，承诺时限10个工作日',
        fees: '不收费',
        ...HALL,
      };
      const { id: itemId } = await writer.write(
        trx,
        {
          agencyId: agency.id,
          unitId: unit(g.unit),
          title: `办事指南：${g.name}`,
          issuingAgencies: [],
          formationDate: d.formation,
          publicationDate: d.publication,
          category: GUIDE_CATEGORY,
          art20Item: 5,
          genre: '办事指南',
          bodyHtml: serviceGuideBody({ ...fields, unitName: g.unit }),
          channels: ['own_website', 'display_screen'],
        },
        row,
      );
      const now = nowIso();
      await trx
        .insertInto('service_guides')
        .values({
          ...fields,
          agency_id: agency.id,
          item_id: itemId,
          power_item_id: g.powerCode ? (powerIds.get(g.powerCode) ?? null) : null,
          responsible_unit_id: unit(g.unit),
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    TRUSTED,
  ).then(assertAll(guides.length, 'service guides'));

  for (const year of [2012, 2013, 2024, 2025]) {
    const items = demoItems(year).map((d, i) => {
      // A few normative documents change validity in 2025: two of 2013 repealed, one of 2024 amended.
      if (d.category === 'normative_document' && year === 2013 && /〔2013〕[36]号/.test(d.documentNumber ?? ''))
        d.validity = [{ validity: 'repealed', date: '2025-06-30', note: '岳人社发〔2025〕9号废止' }];
      if (d.category === 'normative_document' && year === 2024 && /〔2024〕3号/.test(d.documentNumber ?? ''))
        d.validity = [{ validity: 'amended', date: '2025-03-31', note: '岳人社发〔2025〕6号修改' }];
      return { row: i + 1, value: d };
    });
    const files = new Map<DemoItem, HistoricalItem['attachments']>();
    if (options.files)
      for (const { value: d } of items)
        if (d.category === 'normative_document') files.set(d, [await normativeAttachment(options.files, d)]);
    const source = new Map<HistoricalItem, DemoItem>();
    const rows = orderForLinks(items.map((r) => r.value)).map((d, i) => {
      const value: HistoricalItem = { ...asItem(d), attachments: files.get(d) };
      source.set(value, d);
      return { row: i + 1, value };
    });
    await writeBatch(
      db,
      rows,
      async (trx, item, row) => {
        // The same object the batch reserved its index number for, with the link set.
        const d = source.get(item)!;
        if (d.interprets) {
          item.interpretsItemId = documents.get(d.interprets);
          if (item.interpretsItemId === undefined) throw new Error(`demo: ${d.interprets} is not written yet`);
        }
        const { id } = await writer.write(trx, item, row);
        if (d.documentNumber) documents.set(d.documentNumber, id);
      },
      writer.batchOptions(
        rows.map((i) => i.value),
        false,
      ),
    ).then(assertAll(rows.length, `${year} items`));
    await mutate(db, ctx, async (trx, audit) => {
      const records = standalonePublications(year);
      await insertPublications(trx, agency.id, records);
      await audit({
        action: 'channels.demo',
        subjectType: 'agency',
        subjectId: agency.id,
        after: { year, records: records.length },
      });
    });
  }

  for (const [year, f] of Object.entries(FIGURES)) {
    await saveFigures(db, ctx, null, agency.id, Number(year), f, 'entered', null);
  }
  await demoTasks(db, ctx, agency.id, unit);
  await loadCountyDemo(db, writer, options.files);
  await loadWorkflowDemo(db, options.files);
}

async function insertPublications(
  trx: Tx,
  agencyId: number,
  records: readonly { channel: string; title: string; date: string }[],
): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < records.length; i += 200) {
    await trx
      .insertInto('channel_publications')
      .values(
        records.slice(i, i + 200).map((r) => ({
          agency_id: agencyId,
          channel: r.channel,
          published_on: r.date,
          title: r.title,
          item_id: null,
          note: null,
          created_by: null,
          created_at: now,
        })),
      )
      .execute();
  }
}

/** The demo is data we control: a refused row is a bug, not something to skip. */
export function assertAll(expected: number, what: string) {
  return (result: {
    written: number;
    failures: readonly { row: number; issues: readonly { message: { en: string } }[] }[];
  }) => {
    if (result.written !== expected)
      throw new Error(
        `demo ${what}: ${result.written} of ${expected} written; first failure: row ${result.failures[0]?.row} ${result.failures[0]?.issues[0]?.message.en}`,
      );
  };
}
