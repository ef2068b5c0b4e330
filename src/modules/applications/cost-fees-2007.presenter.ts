// The 2007-era fees of an application as their page lists them: amounts in yuan with two decimals
// (stored in fen), and the kind as one of the two the page names.
import type { CostFee2007Row } from './cost-fees-2007.table.ts';

export interface CostFeeLine {
  readonly occurredOn: string;
  /** Anything not recorded as a waiver reads as collected. */
  readonly kind: 'collected' | 'waived';
  readonly amountYuan: string;
  readonly searchYuan: string;
  readonly copyingYuan: string;
  readonly postageYuan: string;
  readonly approver: string | null;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function presentCostFees(rows: readonly CostFee2007Row[]): CostFeeLine[] {
  return rows.map((r) => ({
    occurredOn: r.occurred_on,
    kind: r.kind === 'waived' ? 'waived' : 'collected',
    amountYuan: yuan(r.amount_fen),
    searchYuan: yuan(r.search_fen),
    copyingYuan: yuan(r.copying_fen),
    postageYuan: yuan(r.postage_fen),
    approver: r.approver,
  }));
}
