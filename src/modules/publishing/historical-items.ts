// Items published before the platform existed (the catalog import, the demo): each lands as a
// published item with its original publication date, an immutable first version, a status row
// (event `import`; no approval rows: the approvals happened on paper and are not invented here),
// its validity history, the publication listeners (website record, search index) and an audit
// event, all in the caller's transaction. They are written here, beside the catalog's other
// writes, so that the versions, the status history and the audit stay together
// (docs/adr/0022-table-ownership.md); the import reads and checks its rows, numbers them and
// batches the transactions (catalog-import/historical.service.ts).
import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { DEFAULT_INDEX_TEMPLATE } from '../organisation/index.ts';
import type { IndexNumbering } from './index-numbers.ts';
import { publicationChanged } from './publication-events.ts';
import { documentKindOf, renderIndexNumber, validities, type Validity } from './publishing.ts';
import type { ItemStatusHistoryTable } from './publishing.table.ts';
import { sanitizeBody } from './sanitize.ts';
import type { StoredAttachment } from './attachments.service.ts';

/** An item as it was published before, with its validity history. */
export interface HistoricalItemInput {
  agencyId: number;
  unitId: number;
  title: string;
  documentNumber?: string | null;
  issuingAgencies: readonly string[];
  formationDate: string;
  publicationDate: string;
  category: string;
  art20Item?: number | null;
  topic?: string | null;
  genre?: string | null;
  keywords?: string | null;
  summary?: string | null;
  bodyHtml?: string | null;
  /** Validity history of a normative document (有效 / 已修改 / 已废止 / 已失效 with dates). */
  validity?: readonly { validity: Validity; date: string; note?: string | null }[];
  /** For a policy interpretation (政策解读): the policy document of the same agency it explains. */
  interpretsItemId?: number | null;
  /** Files already stored by platform/files, attached to version 1 in this order. */
  attachments?: readonly StoredAttachment[];
}

/** How one historical item is written: what the importer decided for it. */
export interface HistoricalWrite {
  readonly indexNumber: string;
  /** Its Art. 26 due date (null where the official calendar does not cover the year). */
  readonly disclosureDueOn: string | null;
  /** Where it came from (the file, the demo): the status row's reason and the audit event say so. */
  readonly source: string;
  /** Its row in the source, for the audit event. */
  readonly row?: number;
  /** Status rows held back for the batch (HistoricalStatusRows); null or absent: written at once. */
  readonly deferStatus?: HistoricalStatusRows | null;
  /**
   * What another module records with the item (its channels' publication records), after the
   * item's own rows and before the publication listeners, which look for the website record.
   * `at` is the item's creation time.
   */
  readonly alongside?: (trx: Tx, itemId: number, at: string) => Promise<void>;
}

type StatusInsert = Insertable<ItemStatusHistoryTable>;

/** The status rows of a batch's items, held back and written together before the batch commits. */
export class HistoricalStatusRows {
  private rows: StatusInsert[] = [];

  add(row: StatusInsert): void {
    this.rows.push(row);
  }

  /** Writes the rows held back (multi-row inserts), inside the batch's transaction. */
  async write(trx: Tx): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    for (let i = 0; i < rows.length; i += 300)
      await trx
        .insertInto('item_status_history')
        .values(rows.slice(i, i + 300))
        .execute();
  }
}

/**
 * Reserves the index numbers of a batch of new items with one statement per (agency, year) and
 * checks the rendered numbers against the catalog with one query per 500: the per-row path of
 * nextIndexNumber costs two statements a row. Returns the number of every item whose number is
 * free; the others are left to nextIndexNumber. Serials of items that then fail are skipped,
 * never reused (numbers may have gaps, never repeats; docs/domain/websites.md#index-numbers).
 */
export async function reserveIndexNumbers<T extends { agencyId: number; formationDate: string }>(
  trx: Tx,
  items: readonly T[],
  numberingOf: (agencyId: number) => Promise<IndexNumbering>,
): Promise<Map<T, string>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.agencyId}/${item.formationDate.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const numbers = new Map<string, T>();
  for (const group of groups.values()) {
    const { agencyId, formationDate } = group[0]!;
    const year = Number(formationDate.slice(0, 4));
    const last = await reserveSerials(trx, agencyId, year, group.length);
    const agency = await numberingOf(agencyId);
    let seq = last - group.length;
    for (const item of group) {
      seq++;
      const number = renderIndexNumber(agency.index_number_template || DEFAULT_INDEX_TEMPLATE, {
        agencyCode: agency.code,
        creditCode: agency.credit_code,
        year,
        month: Number(item.formationDate.slice(5, 7)),
        seq,
      });
      numbers.set(number, item);
    }
  }
  const all = [...numbers.keys()];
  for (let i = 0; i < all.length; i += 500) {
    const taken = await trx
      .selectFrom('information_items')
      .select('index_number')
      .where('index_number', 'in', all.slice(i, i + 500))
      .execute();
    for (const t of taken) numbers.delete(t.index_number);
  }
  // A number already taken (a template without the agency's code) leaves its item to the per-row path.
  return new Map([...numbers].map(([number, item]) => [item, number]));
}

/** Takes `count` serials of the agency's year at once; returns the last one taken. */
async function reserveSerials(trx: Tx, agencyId: number, year: number, count: number): Promise<number> {
  const row = await trx
    .insertInto('index_number_sequences')
    .values({ agency_id: agencyId, year, last_seq: count })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet({ last_seq: sql<number>`index_number_sequences.last_seq + ${count}` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Writes one published historical item inside the caller's transaction; returns its id and version. */
export async function insertHistoricalItem(
  trx: Tx,
  ctx: AuditContext,
  input: HistoricalItemInput,
  write: HistoricalWrite,
): Promise<{ id: number; versionId: number }> {
  const now = nowIso();
  const id = await insertItemRow(trx, input, write, now);
  const versionId = await insertFirstVersion(trx, id, input, now);
  await recordHistory(trx, { id, versionId }, input, write, now);
  await write.alongside?.(trx, id, now);
  await announce(trx, ctx, { id, versionId }, input, write);
  return { id, versionId };
}

/** The item, published, without its version yet. */
async function insertItemRow(trx: Tx, input: HistoricalItemInput, write: HistoricalWrite, now: string) {
  const item = await trx
    .insertInto('information_items')
    .values({
      agency_id: input.agencyId,
      index_number: write.indexNumber,
      current_version_id: null,
      status: 'published',
      disclosure_mode: 'proactive',
      non_disclosure_basis: null,
      art20_item: input.art20Item ?? null,
      catalog_category: input.category,
      responsible_unit_id: input.unitId,
      formation_date: input.formationDate,
      disclosure_due_on: write.disclosureDueOn,
      scheduled_on: null,
      publication_date: input.publicationDate,
      is_normative: input.category === 'normative_document' ? 1 : 0,
      // Table 二 counts by what the document is (docs/domain/readings.md#table-2), as drafts set it.
      document_kind: documentKindOf({ genre: input.genre, catalog_category: input.category }),
      interprets_item_id: input.interpretsItemId ?? null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return item.id;
}

/** Version 1, immutable, and the item pointed at it. */
async function insertFirstVersion(trx: Tx, itemId: number, input: HistoricalItemInput, now: string) {
  const version = await trx
    .insertInto('item_versions')
    .values({
      item_id: itemId,
      version_no: 1,
      title: input.title.trim(),
      document_number: input.documentNumber || null,
      issuing_agencies: JSON.stringify(input.issuingAgencies),
      topic: input.topic || null,
      genre: input.genre || null,
      keywords: input.keywords || null,
      summary: input.summary || null,
      body_html: sanitizeBody(input.bodyHtml ?? ''),
      change_note: null,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('information_items').set({ current_version_id: version.id }).where('id', '=', itemId).execute();
  const files = input.attachments ?? [];
  if (files.length)
    await trx
      .insertInto('item_attachments')
      .values(
        files.map((f, i) => ({
          item_id: itemId,
          version_id: version.id,
          sha256: f.sha256,
          filename: f.filename,
          kind: f.kind,
          mime: f.mime,
          size: f.size,
          extracted_text: f.text,
          sort_order: i,
          created_by: null,
          created_at: now,
        })),
      )
      .execute();
  return version.id;
}

/** The status row (event `import`, its reason naming the source and the original date) and the validity history. */
async function recordHistory(
  trx: Tx,
  item: { id: number; versionId: number },
  input: HistoricalItemInput,
  write: HistoricalWrite,
  now: string,
): Promise<void> {
  const statusRow: StatusInsert = {
    item_id: item.id,
    version_id: item.versionId,
    from_status: null,
    to_status: 'published',
    event: 'import',
    actor_user_id: null,
    reason: `${write.source}; ${input.publicationDate}`,
    created_at: now,
  };
  if (write.deferStatus) write.deferStatus.add(statusRow);
  else await trx.insertInto('item_status_history').values(statusRow).execute();
  for (const v of input.validity ?? []) {
    if (!validities.includes(v.validity)) continue;
    await trx
      .insertInto('item_validity_history')
      .values({
        item_id: item.id,
        validity: v.validity,
        effective_date: v.date,
        note: v.note ?? null,
        created_by: null,
        created_at: now,
      })
      .execute();
  }
}

/** The publication listeners, as for any publication, and the audit event. */
async function announce(
  trx: Tx,
  ctx: AuditContext,
  item: { id: number; versionId: number },
  input: HistoricalItemInput,
  write: HistoricalWrite,
): Promise<void> {
  await publicationChanged(trx, {
    itemId: item.id,
    agencyId: input.agencyId,
    change: 'published',
    versionId: item.versionId,
  });
  await recordAudit(trx, ctx, {
    action: 'publishing.import',
    subjectType: 'information_item',
    subjectId: item.id,
    after: {
      index_number: write.indexNumber,
      version_id: item.versionId,
      publication_date: input.publicationDate,
      source: write.source,
      row: write.row,
    },
  });
}
