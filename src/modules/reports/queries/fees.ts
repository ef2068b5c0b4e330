// Query: processing fees (信息处理费) collected and waived in a year, from the applications' fee events.
// A payment records its amount; where it does not, the amount of the last fee notice before it is
// what was paid. A waiver waives the amount of the last notice (Art. 42; 2008 rules Art. 28 减免).
import type { Executor } from '../../../db/database.ts';
import { applicationCases, applicationFeeEvents, costFees2007Entries } from '../../applications/index.ts';
import { inIds, yearEnd, yearStart, type RecordId } from './figure.ts';

export interface FeeFigures {
  readonly collectedYuan: number;
  readonly waivedYuan: number;
  /** Applications with a payment in the year. */
  readonly chargedApplicationIds: readonly RecordId[];
  readonly waivedApplicationIds: readonly RecordId[];
  /**
   * The 2007-era cost fees (2007 Arts. 27–28) collected and waived in the year, for the 2008-format
   * 收费及减免 section (docs/domain/readings.md#fees-2007); absent where not queried.
   */
  readonly costFees?: {
    readonly collectedYuan: number;
    readonly waivedYuan: number;
    readonly collectedApplicationIds: readonly RecordId[];
    readonly waivedApplicationIds: readonly RecordId[];
  };
}

/** Cost fees of applications under the 2007 Regulation, by the date collected or waived. */
export async function costFees2007(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<NonNullable<FeeFigures['costFees']>> {
  const out = { collectedFen: 0, waivedFen: 0, collected: new Set<number>(), waived: new Set<number>() };
  if (agencyIds.length) {
    const rows = await db
      .selectFrom(costFees2007Entries(db).as('f'))
      .innerJoin(applicationCases(db).as('a'), 'a.id', 'f.application_id')
      .select(['f.application_id', 'f.kind', 'f.amount_fen'])
      .where(inIds(db, 'a.agency_id', agencyIds))
      .where('f.occurred_on', '>=', yearStart(year))
      .where('f.occurred_on', '<=', yearEnd(year))
      .orderBy('f.application_id')
      .execute();
    for (const r of rows) {
      if (r.kind === 'waived') {
        out.waivedFen += Number(r.amount_fen);
        out.waived.add(r.application_id);
      } else {
        out.collectedFen += Number(r.amount_fen);
        out.collected.add(r.application_id);
      }
    }
  }
  return {
    collectedYuan: out.collectedFen / 100,
    waivedYuan: out.waivedFen / 100,
    collectedApplicationIds: [...out.collected],
    waivedApplicationIds: [...out.waived],
  };
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
    .selectFrom(applicationFeeEvents(db).as('e'))
    .innerJoin(applicationCases(db).as('a'), 'a.id', 'e.application_id')
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
