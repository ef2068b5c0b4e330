import type { Generated, Selectable } from 'kysely';

/**
 * A cost fee collected (2007 Art. 27: 检索、复制、邮寄等成本费用) or waived (Art. 28: hardship) for an
 * application received while the 2007 Regulation was in force. Amounts in fen.
 */
export interface CostFee2007Table {
  id: Generated<number>;
  application_id: number;
  /** collected | waived */
  kind: string;
  occurred_on: string;
  search_fen: Generated<number>;
  copying_fen: Generated<number>;
  postage_fen: Generated<number>;
  amount_fen: number;
  /** Art. 28: the head of the disclosure office who approved the waiver. */
  approver: string | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export type CostFee2007Row = Selectable<CostFee2007Table>;
