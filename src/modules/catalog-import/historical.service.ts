// The service path for items that were published before the platform existed: each lands as a
// published information item with its original publication date, an immutable first version, a
// status row (event `import`, no approval rows: the approvals happened on paper and are not
// invented here) and an audit event, and the publication listeners (website record, search
// index) run as for any publication. Publishing writes the item and its history
// (publishing/historical-items.ts) and channels its publication records; this file numbers the
// rows and batches them: one transaction per batch, one savepoint per row, so a bad row is
// rolled back alone and nothing is ever half-written.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { type ValidationIssue } from '../../platform/errors.ts';
import { getCalendar } from '../calendar/index.ts';
import { organisationStore, type AgencyRow } from '../organisation/index.ts';
import {
  disclosureDueOn,
  HistoricalStatusRows,
  insertHistoricalItem,
  nextIndexNumber,
  reserveIndexNumbers,
  type HistoricalItemInput,
  type WorkingDays,
} from '../publishing/index.ts';
import { recordImportedPublications, type Channel } from '../channels/index.ts';

export interface HistoricalItem extends HistoricalItemInput {
  /** Channels it was published on; a website channel (own website by default) is always recorded. */
  channels?: readonly Channel[];
}

export interface RowFailure {
  readonly row: number;
  readonly issues: readonly ValidationIssue[];
}

/** Caches what every row of a batch needs: the agencies' numbering and the calendar. */
export class HistoricalWriter {
  private agencies = new Map<number, AgencyRow>();
  private calendar: WorkingDays | undefined;
  constructor(
    private readonly ctx: AuditContext,
    private readonly source: string,
  ) {}

  private async agency(trx: Tx, id: number): Promise<AgencyRow> {
    let a = this.agencies.get(id);
    if (!a) {
      a = await organisationStore.agency(trx, id);
      if (!a) throw new Error(`no agency ${id}`);
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
   * rendered numbers against the catalog with one query (publishing's reserveIndexNumbers). Rows
   * whose number is taken are numbered one by one when written.
   */
  async reserveNumbers(trx: Tx, items: readonly HistoricalItem[]): Promise<void> {
    const numbers = await reserveIndexNumbers(trx, items, (agencyId) => this.agency(trx, agencyId));
    for (const [item, number] of numbers) this.reserved.set(item, number);
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
  private deferred: HistoricalStatusRows | null = null;

  /** Straight-through batches defer the status rows; a savepoint batch does not. */
  defer(on: boolean): void {
    this.deferred = on ? new HistoricalStatusRows() : null;
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
    const status = this.deferred;
    this.deferred = null;
    await status.write(trx);
  }

  async prepare(db: Db): Promise<void> {
    this.calendar ??= await getCalendar(db);
  }

  /** Writes one item inside the caller's transaction (through publishing); returns its id. */
  async write(trx: Tx, input: HistoricalItem, row?: number): Promise<{ id: number; indexNumber: string }> {
    const indexNumber = this.reserved.get(input) ?? (await this.indexNumber(trx, input.agencyId, input.formationDate));
    this.reserved.delete(input);
    const { id } = await insertHistoricalItem(trx, this.ctx, input, {
      indexNumber,
      disclosureDueOn: this.dueOn(input.formationDate),
      source: this.source,
      row,
      deferStatus: this.deferred,
      // The website record and the item's other channels; not deferred: the publication
      // listener looks for the website record.
      alongside: (t, itemId, at) =>
        recordImportedPublications(
          t,
          {
            agencyId: input.agencyId,
            itemId,
            title: input.title,
            publishedOn: input.publicationDate,
            channels: input.channels,
          },
          at,
        ),
    });
    return { id, indexNumber };
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
