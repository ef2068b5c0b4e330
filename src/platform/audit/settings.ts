// The settings table (audit.table.ts): small named values the platform and the modules keep between
// runs. Modules read and write it through these functions, never by naming the table (ADR 0022).
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../clock.ts';

/**
 * Moves the string setting `key` forward to `value` unless it already holds `value` or later, by a
 * compare-and-set: of several processes trying at once, exactly one gets true (a daily job claims its
 * day this way).
 */
export async function advanceSetting(db: Executor, key: string, value: string): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (row && (JSON.parse(row.value_json) as string) >= value) return false;
  if (!row) {
    const inserted = await db
      .insertInto('settings')
      .values({ key, value_json: JSON.stringify(value), updated_at: nowIso(), updated_by: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const updated = await db
    .updateTable('settings')
    .set({ value_json: JSON.stringify(value), updated_at: nowIso() })
    .where('key', '=', key)
    .where('value_json', '=', row.value_json)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
