// `gongkai import catalog FILE`: reads a CSV or XLSX catalog row by row, validates each row
// (catalog-row.ts), and writes the good rows as published historical items in batches of one
// transaction with a savepoint per row (historical.service.ts). Bad rows are reported with
// their row number (the header is row 1, as a spreadsheet shows it) and their bilingual issues.
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { todayInChina } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import { activeUnits, organisationStore } from '../organisation/index.ts';
import { HistoricalWriter, writeBatch, type HistoricalItem, type RowFailure } from './historical.service.ts';
import { mapHeader, parseCatalogRow, type CatalogColumn, type RowContext } from './catalog-row.ts';
import type { Progress } from './progress.ts';
import { readRows } from './spreadsheet.ts';

export interface ImportOptions {
  readonly agencyCode?: string | null;
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  /** Called with (units done, units total) — bytes for CSV, rows for XLSX. */
  readonly progress?: (total: number) => Progress;
}

export interface ImportResult {
  readonly file: string;
  readonly rows: number;
  readonly imported: number;
  readonly dryRun: boolean;
  readonly failures: readonly RowFailure[];
}

async function rowContext(db: Db, defaultAgency: string | null): Promise<RowContext> {
  const agencies = await organisationStore.agencies(db);
  const units = await activeUnits(db);
  const map = new Map<string, { id: number; units: Map<string, number> }>();
  for (const a of agencies)
    map.set(a.code, { id: a.id, units: new Map(units.filter((u) => u.agency_id === a.id).map((u) => [u.name, u.id])) });
  return { agencies: map, defaultAgency, today: todayInChina() };
}

export async function importCatalog(
  db: Db,
  ctx: AuditContext,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const ext = extname(file).toLowerCase();
  const size = statSync(file).size;
  const context = await rowContext(db, options.agencyCode ?? null);
  if (options.agencyCode && !context.agencies.has(options.agencyCode)) {
    throw new AppError(422, 'agency', textOf('import.error.agency', { agency: options.agencyCode }));
  }
  const batchSize = options.batchSize ?? 500;
  const writer = new HistoricalWriter(ctx, `import ${file.split('/').pop()}`);
  await writer.prepare(db);
  const bar = options.progress?.(ext === '.xlsx' ? 0 : size);
  let columns: (CatalogColumn | null)[] | null = null;
  let rowNo = 0;
  let rows = 0;
  let imported = 0;
  const failures: RowFailure[] = [];
  let batch: { row: number; value: HistoricalItem }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (!options.dryRun) {
      const items = batch.map((b) => b.value);
      const result = await writeBatch(
        db,
        batch,
        async (trx, item, row) => {
          await writer.write(trx, item, row);
        },
        writer.batchOptions(items),
      );
      imported += result.written;
      failures.push(...result.failures);
    } else {
      imported += batch.length;
    }
    batch = [];
  };
  for await (const cells of readRows(file, (done) => bar?.update(done, `${rowNo}`))) {
    rowNo++;
    if (!columns) {
      const mapped = mapHeader(cells);
      if (mapped.missing.length)
        throw new AppError(422, 'columns', textOf('import.error.columns', { columns: mapped.missing.join(', ') }));
      columns = mapped.columns;
      continue;
    }
    if (cells.every((c) => !String(c).trim())) continue;
    rows++;
    const values: Partial<Record<CatalogColumn, string>> = {};
    columns.forEach((c, i) => {
      if (c) values[c] = cells[i] ?? '';
    });
    const { item, issues } = parseCatalogRow(values, context);
    if (!item) failures.push({ row: rowNo, issues });
    else batch.push({ row: rowNo, value: item });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  bar?.finish();
  if (!columns)
    throw new AppError(
      422,
      'columns',
      textOf('import.error.columns', { columns: 'title, unit, formation_date, publication_date, category' }),
    );
  failures.sort((a, b) => a.row - b.row);
  if (!options.dryRun) {
    // One summary event: who imported which file, how many rows, which were refused.
    await mutate(db, ctx, async (_trx, audit) => {
      await audit({
        action: 'catalog_import.run',
        subjectType: 'file',
        subjectId: file.split('/').pop(),
        after: { rows, imported, failed: failures.map((f) => f.row).slice(0, 1000) },
      });
    });
  }
  return { file, rows, imported, dryRun: Boolean(options.dryRun), failures };
}
