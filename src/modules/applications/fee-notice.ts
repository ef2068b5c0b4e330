// The amount of a fee notice (收费通知), computed from the fee schedule (fee.ts, 国办函〔2020〕109号)
// rather than typed: by count — this application's place among the same applicant's
// applications to this agency in the calendar month of its receipt (Art. 4), the applicant
// recognised by the blind index of the ID number (or the credit code of an organisation), so no
// identity number is decrypted — or by the pages provided (Art. 5). One method per application
// (Art. 3).
import type { Executor } from '../../db/database.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { feesApplyOn, incrementalChargeForApplication, quoteByPages, type FeeMethod, type FeeQuote } from './fee.ts';
import type { ApplicationRow } from './applications.table.ts';

type AppForFee = Pick<
  ApplicationRow,
  'id' | 'agency_id' | 'received_on' | 'id_number_index' | 'organisation_credit_code'
>;

/** How many applications of the same applicant to the same agency were received earlier in the
 *  same calendar month (ties on the date broken by registration order); null if the applicant
 *  cannot be recognised. */
export async function earlierApplicationsThisMonth(db: Executor, app: AppForFee): Promise<number | null> {
  const monthStart = `${app.received_on.slice(0, 7)}-01`;
  let q = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', app.agency_id)
    .where('received_on', '>=', monthStart)
    .where((eb) =>
      eb.or([
        eb('received_on', '<', app.received_on),
        eb.and([eb('received_on', '=', app.received_on), eb('id', '<', app.id)]),
      ]),
    );
  if (app.id_number_index) q = q.where('id_number_index', '=', app.id_number_index);
  else if (app.organisation_credit_code) q = q.where('organisation_credit_code', '=', app.organisation_credit_code);
  else return null;
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface FeeNoticeQuote {
  readonly quote: FeeQuote;
  /** The application's number in the month (by count) or the pages (by pages). */
  readonly units: number;
}

export async function quoteFeeNotice(
  db: Executor,
  app: AppForFee,
  method: FeeMethod | null,
  pages: number | null,
  typedAmount: number | null,
): Promise<{ result: FeeNoticeQuote | null; issues: ValidationIssue[] }> {
  if (!feesApplyOn(app.received_on))
    return { result: null, issues: [issue('kind', 'applications.error.fee_before_2021')] };
  if (!method) return { result: null, issues: [issue('fee_method', 'applications.error.fee_needs_method')] };
  let result: FeeNoticeQuote;
  if (method === 'by_count') {
    const earlier = await earlierApplicationsThisMonth(db, app);
    if (earlier === null) return { result: null, issues: [issue('fee_method', 'applications.error.fee_needs_id')] };
    result = { quote: incrementalChargeForApplication(earlier, 1), units: earlier + 1 };
  } else {
    if (pages === null || pages < 0)
      return { result: null, issues: [issue('pages', 'applications.error.fee_needs_method')] };
    result = { quote: quoteByPages(pages), units: pages };
  }
  if (result.quote.totalYuan === 0) {
    const detail =
      method === 'by_count'
        ? `本月第 ${result.units} 件 / application no. ${result.units} this month`
        : `${result.units} 页 / pages`;
    return {
      result: null,
      issues: [issue(method === 'by_count' ? 'fee_method' : 'pages', 'applications.error.fee_nothing_due', { detail })],
    };
  }
  if (typedAmount !== null && typedAmount !== result.quote.totalYuan)
    return {
      result: null,
      issues: [issue('amount_yuan', 'applications.error.fee_amount_mismatch', { amount: result.quote.totalYuan })],
    };
  return { result, issues: [] };
}
