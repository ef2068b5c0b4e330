// Query: processing fees (信息处理费) collected and waived in a year, from the applications' fee events.
// A payment records its amount; where it does not, the amount of the last fee notice before it is
// what was paid. A waiver waives the amount of the last notice (Art. 42; 2008 rules Art. 28 减免).
import type { Executor } from '../../../db/database.ts';
import { inIds, yearEnd, yearStart, type RecordId } from './figure.ts';

export interface FeeFigures {
  readonly collectedYuan: number;
  readonly waivedYuan: number;
  /** Applications with a payment in the year. */
  readonly chargedApplicationIds: readonly RecordId[];
  readonly waivedApplicationIds: readonly RecordId[];
}

function amountOf(detailJson: string): number | null {
  try {
    const v = (JSON.parse(detailJson) as { amountYuan?: unknown }).amountYuan;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

export async function processingFees(db: Executor, agencyIds: readonly number[], year: number): Promise<FeeFigures> {
  let collected = 0;
  let waived = 0;
  const charged = new Set<number>();
  const waivedIds = new Set<number>();
  if (!agencyIds.length)
    return { collectedYuan: 0, waivedYuan: 0, chargedApplicationIds: [], waivedApplicationIds: [] };
  const rows = await db
    .selectFrom('application_events as e')
    .innerJoin('applications as a', 'a.id', 'e.application_id')
    .select(['e.application_id', 'e.kind', 'e.occurred_on', 'e.detail_json'])
    .where(inIds(db, 'a.agency_id', agencyIds))
    .where('e.kind', 'in', ['fee_notice_sent', 'fee_paid', 'fee_waived'])
    .where('e.occurred_on', '<=', yearEnd(year))
    .orderBy('e.application_id')
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute();
  const lastNotice = new Map<number, number>();
  for (const r of rows) {
    const amount = amountOf(r.detail_json);
    if (r.kind === 'fee_notice_sent') {
      if (amount !== null) lastNotice.set(r.application_id, amount);
      continue;
    }
    if (r.occurred_on < yearStart(year)) continue;
    const value = amount ?? lastNotice.get(r.application_id) ?? 0;
    if (r.kind === 'fee_paid') {
      collected += value;
      charged.add(r.application_id);
    } else {
      waived += value;
      waivedIds.add(r.application_id);
    }
  }
  return {
    collectedYuan: collected,
    waivedYuan: waived,
    chargedApplicationIds: [...charged],
    waivedApplicationIds: [...waivedIds],
  };
}
