// Personal data a migration left waiting in clear (a migration cannot reach the personal-data key,
// which lives in the environment or the key directory, never in the database): sealed at start-up,
// after the migrations and before the server listens or a command runs (src/prepare.ts), by the
// module that owns the column. The rows are read through a partial index on those still waiting,
// so once all are sealed the check at every start reads an empty index, not the table.
import type { Db, Tx } from '../../db/database.ts';
import { systemContext } from '../audit/audit.ts';
import { mutate } from '../mutation.ts';

export interface SealingStep<R extends { readonly id: number }> {
  /** The audit action of a batch; its event counts the rows (`after: { [counted]: n }`), names none. */
  readonly action: string;
  readonly subjectType: string;
  readonly counted: string;
  /** Waiting rows with an id above `afterId`, by id, at most `limit` (through the partial index). */
  next(db: Db, afterId: number, limit: number): Promise<R[]>;
  /** Seals one row by a compare-and-set on what it waits for; false when another process did it
   *  first (or the row cannot be sealed), so two processes starting together change it once. */
  seal(trx: Tx, row: R): Promise<boolean>;
}

/** Runs the step over every waiting row, `batch` per transaction with its audit event. Returns how
 *  many rows it sealed. Walks by id, so a row it cannot seal is passed over, not read again. */
export async function sealWaiting<R extends { readonly id: number }>(
  db: Db,
  step: SealingStep<R>,
  batch = 500,
): Promise<number> {
  let total = 0;
  let after = 0;
  for (;;) {
    const rows = await step.next(db, after, batch);
    if (rows.length === 0) return total;
    after = rows[rows.length - 1]!.id;
    total += await mutate(db, systemContext, async (trx, audit) => {
      let n = 0;
      for (const row of rows) if (await step.seal(trx, row)) n++;
      await audit({ action: step.action, subjectType: step.subjectType, after: { [step.counted]: n } });
      return n;
    });
  }
}
