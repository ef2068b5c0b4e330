// Importing a 12345 export: the file is taken whole or not at all. A disclosure officer imports
// the centre's export to have every order of it on record; a file with bad rows stored in part
// would leave orders silently missing, and which ones would be found only later, from an overdue
// reminder. So nothing is stored while any row is bad; the report names every bad row, and the
// corrected file is imported again, which changes nothing for the orders already stored (the
// order number decides). A check (dry run) says how many orders are new and how many known.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mailboxStore } from './mailbox.store.ts';
import type { ReceiveWorkOrders } from './hotline-webhook.service.ts';
import type { WorkOrderFile, WorkOrderProblem } from './work-order-import.ts';

export interface WorkOrderImport {
  readonly rows: number;
  /** Good orders in the file. */
  readonly valid: number;
  readonly problems: readonly WorkOrderProblem[];
  /** Whether the orders were stored (never when there is a problem, never on a check). */
  readonly stored: boolean;
  /** Numbers created by this import, or on a check those that importing would create. */
  readonly created: readonly string[];
  /** Numbers already on record, left as they are. */
  readonly known: readonly string[];
}

export async function importWorkOrderFile(
  db: Db,
  ctx: AuditContext,
  receive: ReceiveWorkOrders,
  agencyId: number,
  file: WorkOrderFile,
  options: { readonly check?: boolean } = {},
): Promise<WorkOrderImport> {
  const base = { rows: file.rows, valid: file.orders.length, problems: file.problems };
  if (file.problems.length || options.check) {
    const numbers = file.orders.map((o) => o.externalNo);
    const seen = await mailboxStore.knownOrderNumbers(db, agencyId, numbers);
    return {
      ...base,
      stored: false,
      created: numbers.filter((n) => !seen.has(n)),
      known: numbers.filter((n) => seen.has(n)),
    };
  }
  const { created, known } = await receive(db, ctx, agencyId, file.orders);
  return { ...base, stored: true, created, known };
}
