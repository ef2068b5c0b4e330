// The service path for items that were published before the platform existed: each lands as a
// published information item with its original publication date, an immutable first version, a
// status row (event `import`, no approval rows: the approvals happened on paper and are not
// invented here) and an audit event, and the publication listeners (website record, search
// index) run as for any publication. Rows are written in batches: one transaction per batch,
// one savepoint per row, so a bad row is rolled back alone and nothing is ever half-written.
import { sql, type Insertable } from 'kysely';
import type { ItemStatusHistoryTable } from '../publishing/index.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { type ValidationIssue } from '../../platform/errors.ts';
import { getCalendar } from '../calendar/index.ts';
import { DEFAULT_INDEX_TEMPLATE } from '../organisation/index.ts';
import { publicationChanged } from '../publishing/index.ts';
import {
  disclosureDueOn,
  renderIndexNumber,
  validities,
  type Validity,
  type WorkingDays,
} from '../publishing/index.ts';
import { nextIndexNumber } from '../publishing/index.ts';
import { sanitizeBody } from '../publishing/index.ts';
import { documentKindOf } from '../publishing/index.ts';
import { isChannel, websiteChannels, type Channel } from '../channels/index.ts';

export interface HistoricalItem {
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
  /** Channels it was published on; a website channel (own website by default) is always recorded. */
  channels?: readonly Channel[];
  /** Validity history of a normative document (有效 / 已修改 / 已废止 / 已失效 with dates). */
  validity?: readonly { validity: Validity; date: string; note?: string | null }[];
}

export interface RowFailure {
  readonly row: number;
  readonly issues: readonly ValidationIssue[];
}

type StatusInsert = Insertable<ItemStatusHistoryTable>;

interface AgencyInfo {
  code: string;
  credit_code: string | null;
  index_number_template: string;
}

/** Caches what every row of a batch needs: the agencies' numbering and the calendar. */
export class HistoricalWriter {
  private agencies = new Map<number, AgencyInfo>();
  private calendar: WorkingDays | undefined;
  constructor(
    private readonly ctx: AuditContext,
    private readonly source: string,
  ) {}

  private async agency(trx: Tx, id: number): Promise<AgencyInfo> {
    let a = this.agencies.get(id);
    if (!a) {
      a = await trx
        .selectFrom('agencies')
        .select(['code', 'credit_code', 'index_number_template'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      this.agencies.set(id, a);
    }
    return a;
  }

  private async indexNumber(trx: Tx, agencyId: number, formationDate: string): Promise<string> {
    // The same numbering as publishing's createDraft: the agency's serial of the year, a taken
    // number skipped and never reused.
    return nextIndexNumber(trx, agencyId, formationDate, await this.agency(trx, agencyId));
  }

  /** Index numbers handed out in advance for a batch (reserveNumbers), by item. */
  private reserved = new WeakMap<HistoricalItem, string>();

  /**
   * Reserves the serials of a whole batch with one statement per (agency, year) and checks the
   * rendered numbers against the catalog with one query: the per-row path of createDraft costs
   * two statements a row. Serials of rows that then fail are skipped, never reused (as in
   * publishing: numbers may have gaps, never repeats).
   */
  async reserveNumbers(trx: Tx, items: readonly HistoricalItem[]): Promise<void> {
    const groups = new Map<string, HistoricalItem[]>();
    for (const item of items) {
      const key = `${item.agencyId}/${item.formationDate.slice(0, 4)}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const numbers = new Map<string, HistoricalItem>();
    for (const group of groups.values()) {
      const { agencyId, formationDate } = group[0]!;
      const year = Number(formationDate.slice(0, 4));
      const row = await trx
        .insertInto('index_number_sequences')
        .values({ agency_id: agencyId, year, last_seq: group.length })
        .onConflict((oc) =>
          oc
            .columns(['agency_id', 'year'])
            .doUpdateSet({ last_seq: sql<number>`index_number_sequences.last_seq + ${group.length}` }),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const agency = await this.agency(trx, agencyId);
      let seq = Number(row.last_seq) - group.length;
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
    // A number already taken (a template without the agency's code) leaves its row to the per-row path.
    for (const [number, item] of numbers) this.reserved.set(item, number);
  }

  private dueDates = new Map<string, string | null>();

  private dueOn(formationDate: string): string | null {
    let due = this.dueDates.get(formationDate);
    if (due === undefined) {
      try {
        due = this.calendar ? disclosureDueOn(this.calendar, formationDate) : null;
      } catch {
        // A year the official calendar does not cover (before 2008) has no computable deadline.
        due = null;
      }
      this.dueDates.set(formationDate, due);
    }
    return due;
  }

  /** Status rows of the batch's items, written together at its end (multi-row inserts) when deferring. */
  private deferred: { status: StatusInsert[] } | null = null;

  /** Straight-through batches defer the status rows; a savepoint batch does not. */
  defer(on: boolean): void {
    this.deferred = on ? { status: [] } : null;
  }

  /** writeBatch options for a batch of items: numbers reserved, rows deferred when straight through. */
  batchOptions(items: readonly HistoricalItem[], savepoints?: boolean) {
    return {
      savepoints,
      prepare: async (trx: Tx, straight: boolean) => {
        this.defer(straight);
        await this.reserveNumbers(trx, items);
      },
      finish: (trx: Tx) => this.flush(trx),
    };
  }

  /** Writes the deferred rows, inside the batch's transaction, before it commits. */
  async flush(trx: Tx): Promise<void> {
    if (!this.deferred) return;
    const { status } = this.deferred;
    this.deferred = null;
    for (let i = 0; i < status.length; i += 300)
      await trx
        .insertInto('item_status_history')
        .values(status.slice(i, i + 300))
        .execute();
  }

  async prepare(db: Db): Promise<void> {
    this.calendar ??= await getCalendar(db);
  }

  /** Writes one item inside the caller's transaction; returns its id. */
  async write(trx: Tx, input: HistoricalItem, row?: number): Promise<{ id: number; indexNumber: string }> {
    const indexNumber = this.reserved.get(input) ?? (await this.indexNumber(trx, input.agencyId, input.formationDate));
    this.reserved.delete(input);
    const now = nowIso();
    const item = await trx
      .insertInto('information_items')
      .values({
        agency_id: input.agencyId,
        index_number: indexNumber,
        current_version_id: null,
        status: 'published',
        disclosure_mode: 'proactive',
        non_disclosure_basis: null,
        art20_item: input.art20Item ?? null,
        catalog_category: input.category,
        responsible_unit_id: input.unitId,
        formation_date: input.formationDate,
        disclosure_due_on: this.dueOn(input.formationDate),
        scheduled_on: null,
        publication_date: input.publicationDate,
        is_normative: input.category === 'normative_document' ? 1 : 0,
        // Table 二 counts by what the document is (docs/domain/readings.md#table-2).
        document_kind: documentKindOf({ genre: input.genre, catalog_category: input.category }),
        interprets_item_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('item_versions')
      .values({
        item_id: item.id,
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
    await trx
      .updateTable('information_items')
      .set({ current_version_id: version.id })
      .where('id', '=', item.id)
      .execute();
    const statusRow: StatusInsert = {
      item_id: item.id,
      version_id: version.id,
      from_status: null,
      to_status: 'published',
      event: 'import',
      actor_user_id: null,
      reason: `${this.source}; ${input.publicationDate}`,
      created_at: now,
    };
    if (this.deferred) this.deferred.status.push(statusRow);
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
    // The website record (as recordWebsitePublication writes it for a new publication) and the
    // item's other channels, in one statement.
    const site = (input.channels ?? []).find((c) => websiteChannels.includes(c)) ?? 'own_website';
    const onChannels = [site, ...new Set((input.channels ?? []).filter((c) => c !== site && isChannel(c)))];
    // Not deferred: the publication listener below looks for the website record.
    await trx
      .insertInto('channel_publications')
      .values(
        onChannels.map((channel) => ({
          agency_id: input.agencyId,
          channel,
          published_on: input.publicationDate,
          title: input.title.trim(),
          item_id: item.id,
          note: null,
          created_by: null,
          created_at: now,
        })),
      )
      .execute();
    await publicationChanged(trx, {
      itemId: item.id,
      agencyId: input.agencyId,
      change: 'published',
      versionId: version.id,
    });
    await recordAudit(trx, this.ctx, {
      action: 'publishing.import',
      subjectType: 'information_item',
      subjectId: item.id,
      after: {
        index_number: indexNumber,
        version_id: version.id,
        publication_date: input.publicationDate,
        source: this.source,
        row,
      },
    });
    return { id: item.id, indexNumber };
  }
}

/**
 * Writes rows in one transaction. Rows were validated before, so a database failure is rare:
 * the batch is first written straight through; if a row fails, that attempt is rolled back and
 * the batch is written again with a savepoint per row, so the failing row is rolled back alone
 * and reported while the others commit. Either way nothing is ever half-written.
 * `prepare` runs at the start of each attempt (e.g. reserving index numbers; `straight` tells
 * which kind), `finish` just before the commit (e.g. writing deferred rows).
 */
export async function writeBatch<T>(
  db: Db,
  rows: readonly { row: number; value: T }[],
  writeRow: (trx: Tx, value: T, row: number) => Promise<void>,
  options: {
    savepoints?: boolean;
    prepare?: (trx: Tx, straight: boolean) => Promise<void>;
    finish?: (trx: Tx) => Promise<void>;
  } = {},
): Promise<{ written: number; failures: RowFailure[] }> {
  if (rows.length === 0) return { written: 0, failures: [] };
  if (options.savepoints !== true) {
    const trx = await db.startTransaction().execute();
    try {
      await options.prepare?.(trx as unknown as Tx, true);
      for (const { row, value } of rows) await writeRow(trx as unknown as Tx, value, row);
      await options.finish?.(trx as unknown as Tx);
      await trx.commit().execute();
      return { written: rows.length, failures: [] };
    } catch (error) {
      await trx.rollback().execute();
      // Trusted rows (the demo): any failure is a bug.
      if (options.savepoints === false) throw error;
    }
  }
  const failures: RowFailure[] = [];
  let written = 0;
  const trx = await db.startTransaction().execute();
  try {
    await options.prepare?.(trx as unknown as Tx, false);
    for (const { row, value } of rows) {
      const sp = await trx.savepoint('import_row').execute();
      try {
        await writeRow(sp as unknown as Tx, value, row);
        await sp.releaseSavepoint('import_row').execute();
        written++;
      } catch (error) {
        await sp.rollbackToSavepoint('import_row').execute();
        failures.push({
          row,
          issues: [
            {
              field: 'row',
              message: {
                zh: `写入失败：${(error as Error).message}`,
                en: `could not be written: ${(error as Error).message}`,
              },
            },
          ],
        });
      }
    }
    await options.finish?.(trx as unknown as Tx);
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  return { written, failures };
}
