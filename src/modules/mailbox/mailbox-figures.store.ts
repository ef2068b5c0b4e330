// The queries behind the mailbox figures: the cases received in a period with what mailbox-figures.ts
// reads of them, and the answered work orders of the 12345 feedback export. No rule is decided here.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { getCalendar } from '../calendar/index.ts';
import { unitDirectory } from '../organisation/index.ts';
import {
  groupMailboxFigures,
  monthOf,
  type FigureCase,
  type MailboxFigures,
  type WorkingDaysBetween,
} from './mailbox-figures.ts';
import { FEEDBACK_RATING_LABELS, type FeedbackOrder } from './mailbox-feedback.ts';

/** The states in which a case is someone else's to answer: returned to the centre, or converted. */
const HANDLED_ELSEWHERE = ['returned', 'converted'];

/** A period of receipt, both ends included (YYYY-MM-DD). */
export interface ReceiptPeriod {
  readonly from: string;
  readonly to: string;
}

export const yearPeriod = (year: number): ReceiptPeriod => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The agencies' cases received in the period, as the figures read them. */
export async function figureCases(
  db: Executor,
  agencyIds: readonly number[],
  period: ReceiptPeriod,
): Promise<FigureCase[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('mailbox_cases as c')
    .select([
      'c.agency_id',
      'c.assigned_unit_id',
      'c.source',
      'c.received_on',
      'c.due_date',
      'c.replied_on',
      'c.rating',
      'c.status',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('mailbox_status_history as h')
            .select(sql.lit(1).as('one'))
            .whereRef('h.case_id', '=', 'c.id')
            .where('h.event', '=', 'redo'),
        )
        .as('redone'),
    )
    .where('c.agency_id', 'in', [...agencyIds])
    .where('c.received_on', '>=', period.from)
    .where('c.received_on', '<=', period.to)
    .orderBy('c.received_on')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    unitId: r.assigned_unit_id,
    source: r.source,
    receivedOn: r.received_on,
    dueDate: r.due_date,
    repliedOn: r.replied_on,
    rating: r.rating,
    // SQLite answers 0/1, PostgreSQL true/false.
    redone: Boolean(Number(r.redone)) || (r.redone as unknown) === true,
    handledElsewhere: HANDLED_ELSEWHERE.includes(r.status),
  }));
}

async function workingDaysOf(db: Executor): Promise<WorkingDaysBetween> {
  const calendar = await getCalendar(db);
  return (a, b) => calendar.workingDaysBetween(a, b);
}

/** Which figures: per agency, per unit (null: not yet assigned) or per month (YYYY-MM). */
export type FigureGrouping = 'agency' | 'unit' | 'month';

const KEYS: Record<FigureGrouping, (c: FigureCase) => number | string | null> = {
  agency: (c) => c.agencyId,
  unit: (c) => c.unitId,
  month: monthOf,
};

/** The mailbox figures of the agencies' cases received in the period, grouped; `source` narrows to letters or orders. */
export async function mailboxFigures(
  db: Executor,
  agencyIds: readonly number[],
  period: ReceiptPeriod,
  options: { by: FigureGrouping; today: string; source?: string },
): Promise<Map<number | string | null, MailboxFigures>> {
  const [cases, workingDays] = await Promise.all([figureCases(db, agencyIds, period), workingDaysOf(db)]);
  const chosen = options.source ? cases.filter((c) => c.source === options.source) : cases;
  return groupMailboxFigures(chosen, KEYS[options.by], options.today, workingDays);
}

/** The agency's work orders answered in the period (by the day of the answer), for the centre's feedback file. */
export async function feedbackOrders(db: Executor, agencyId: number, period: ReceiptPeriod): Promise<FeedbackOrder[]> {
  const rows = await db
    .selectFrom('mailbox_cases as c')
    .leftJoin('mailbox_reply_versions as v', 'v.id', 'c.current_version_id')
    .leftJoin(unitDirectory(db).as('u'), 'u.id', 'c.assigned_unit_id')
    .select(['c.external_no', 'c.received_at', 'c.replied_on', 'c.rating', 'v.body', 'u.name as unit_name'])
    .where('c.agency_id', '=', agencyId)
    .where('c.source', '=', 'hotline')
    .where('c.replied_on', 'is not', null)
    .where('c.replied_on', '>=', period.from)
    .where('c.replied_on', '<=', period.to)
    .orderBy('c.replied_on')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    externalNo: r.external_no ?? '',
    receivedAt: r.received_at,
    unitName: r.unit_name,
    repliedOn: r.replied_on!,
    result: r.body ?? '',
    rating: r.rating ? (FEEDBACK_RATING_LABELS[r.rating] ?? '') : '',
  }));
}

/** What the annual report says of the mailbox and the hotline in a year (issue 16 item 7). */
export interface MailboxYear {
  readonly lettersReceived: number;
  /** Letters answered in the year (by the day of the answer), whenever received. */
  readonly lettersAnswered: number;
  /** Of those, the ones whose writer agreed to publication: the answers the portal's 互动交流 column shows. */
  readonly publicAnswers: number;
  readonly ordersReceived: number;
  readonly ordersAnswered: number;
}

/** The agencies' mailbox and hotline counts of the year, for the annual report. */
export async function mailboxYear(db: Executor, agencyIds: readonly number[], year: number): Promise<MailboxYear> {
  const none = { lettersReceived: 0, lettersAnswered: 0, publicAnswers: 0, ordersReceived: 0, ordersAnswered: 0 };
  if (agencyIds.length === 0) return none;
  const { from, to } = yearPeriod(year);
  const rows = await db
    .selectFrom('mailbox_cases')
    .select(['source', 'received_on', 'replied_on', 'consent_to_publish'])
    .where('agency_id', 'in', [...agencyIds])
    .where((eb) =>
      eb.or([
        eb.and([eb('received_on', '>=', from), eb('received_on', '<=', to)]),
        eb.and([eb('replied_on', '>=', from), eb('replied_on', '<=', to)]),
      ]),
    )
    .execute();
  const out = { ...none };
  for (const r of rows) {
    const received = r.received_on >= from && r.received_on <= to;
    const answered = r.replied_on !== null && r.replied_on >= from && r.replied_on <= to;
    if (r.source === 'hotline') {
      out.ordersReceived += received ? 1 : 0;
      out.ordersAnswered += answered ? 1 : 0;
    } else {
      out.lettersReceived += received ? 1 : 0;
      out.lettersAnswered += answered ? 1 : 0;
      out.publicAnswers += answered && r.consent_to_publish === 1 ? 1 : 0;
    }
  }
  return out;
}
