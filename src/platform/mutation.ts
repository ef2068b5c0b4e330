// Every change runs through here: one transaction, and the audit event written inside it by
// the same code that makes the change. An operation cannot commit without its event.
import type { Db, Tx } from '../db/database.ts';
import { recordAudit, type AuditContext, type AuditEventInput } from './audit/audit.ts';

export type Audit = (event: AuditEventInput) => Promise<void>;

export async function mutate<T>(
  db: Db,
  ctx: AuditContext,
  operation: (trx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    let audited = false;
    const result = await operation(trx, async (event) => {
      audited = true;
      await recordAudit(trx, ctx, event);
    });
    if (!audited) throw new Error('a mutation must record at least one audit event');
    return result;
  });
}
