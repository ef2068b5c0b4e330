// Writes the county bureaus' catalogs (demo-county-data.ts) through the historical-import path,
// as the city bureau's are: one batch per bureau, each interpretation linked to its document,
// each normative document with its validity history and, when the demo has a file store, its PDF.
import type { Db } from '../db/database.ts';
import { todayInChina } from '../platform/clock.ts';
import type { BlobConfig } from '../platform/files/blob-store.ts';
import { writeBatch, type HistoricalItem, type HistoricalWriter } from '../modules/catalog-import/index.ts';
import { COUNTY_BUREAUS, COUNTY_YEARS, countyItems, type CountyItem } from './demo-county-data.ts';
import { normativeAttachment, orderForLinks } from './demo-links.ts';

/** The day before `date` (YYYY-MM-DD): the demo publishes nothing on the day it is loaded. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function loadCountyDemo(db: Db, writer: HistoricalWriter, files?: BlobConfig): Promise<void> {
  const until = dayBefore(todayInChina());
  for (const bureau of COUNTY_BUREAUS) {
    const agency = await db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('code', '=', bureau.code)
      .executeTakeFirstOrThrow();
    const units = new Map(
      (await db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', agency.id).execute()).map((u) => [
        u.name,
        u.id,
      ]),
    );
    const items = orderForLinks(COUNTY_YEARS.flatMap((y) => countyItems(bureau, y, until)));
    const source = new Map<HistoricalItem, CountyItem>();
    const rows: { row: number; value: HistoricalItem }[] = [];
    for (const [i, d] of items.entries()) {
      const unitId = units.get(d.unit);
      if (unitId === undefined) throw new Error(`demo unit ${bureau.code}/${d.unit} is missing`);
      const normative = d.category === 'normative_document';
      const value: HistoricalItem = {
        agencyId: agency.id,
        unitId,
        title: d.title,
        documentNumber: d.documentNumber ?? null,
        issuingAgencies: normative ? [agency.name] : [],
        formationDate: d.formationDate,
        publicationDate: d.publicationDate,
        category: d.category,
        art20Item: d.art20Item,
        topic: d.topic,
        genre: d.genre ?? null,
        bodyHtml: d.body,
        channels: d.channels,
        validity: normative ? [{ validity: 'in_force', date: d.formationDate }, ...(d.validity ?? [])] : undefined,
        attachments: normative && files ? [await normativeAttachment(files, d)] : undefined,
      };
      source.set(value, d);
      rows.push({ row: i + 1, value });
    }
    const documents = new Map<string, number>();
    const result = await writeBatch(
      db,
      rows,
      async (trx, item, row) => {
        const d = source.get(item)!;
        if (d.interprets) {
          item.interpretsItemId = documents.get(d.interprets);
          if (item.interpretsItemId === undefined) throw new Error(`demo: ${d.interprets} is not written yet`);
        }
        const { id } = await writer.write(trx, item, row);
        if (d.documentNumber) documents.set(d.documentNumber, id);
      },
      writer.batchOptions(
        rows.map((r) => r.value),
        false,
      ),
    );
    if (result.written !== rows.length) throw new Error(`demo ${bureau.code}: ${result.written} of ${rows.length}`);
  }
}
