// The figures of the mailbox and the hotline (issue 16 item 7): how many letters and work orders an
// agency, a unit or a month received, how many were answered and how many in time, how long the
// answers took in working days, how the writers rated them and how many had to be redone. Pure:
// cases in, figures out; the store reads the cases, supervision and the annual report show them.
// Cases are counted in the period they were received in, as the oversight page counts
// applications, so a month's shares never change because of what was received in another month.

/** One case as the figures read it. */
export interface FigureCase {
  readonly agencyId: number;
  readonly unitId: number | null;
  readonly source: string;
  /** The China date it was received (the limit counts from the day after). */
  readonly receivedOn: string;
  /** The limit with its approved extensions. */
  readonly dueDate: string;
  /** The day the answer was sent and fed back; null while unanswered. */
  readonly repliedOn: string | null;
  readonly rating: string | null;
  /** Sent back to be redone (重办) at least once. */
  readonly redone: boolean;
  /**
   * Not the mailbox's to answer: a work order returned to the centre (退单) or a letter converted
   * into a disclosure application (Art. 29, docs/domain/mailbox-and-hotline.md#letters-and-applications).
   * It counts as received, and nowhere else: the application has its own clock and figures.
   */
  readonly handledElsewhere: boolean;
}

export interface MailboxFigures {
  readonly received: number;
  /** Received and passed on (returned or converted): out of every share below. */
  readonly handledElsewhere: number;
  readonly answered: number;
  /** Answered on or before the due date: the last day of the limit is in time. */
  readonly answeredInTime: number;
  /** Unanswered and past the due date, as of today. */
  readonly overdue: number;
  /** Working days from receipt to answer, summed over the answered cases (the mean's numerator). */
  readonly workingDaysToAnswer: number;
  readonly satisfied: number;
  readonly basicallySatisfied: number;
  readonly dissatisfied: number;
  readonly redone: number;
}

export const NO_MAILBOX_FIGURES: MailboxFigures = {
  received: 0,
  handledElsewhere: 0,
  answered: 0,
  answeredInTime: 0,
  overdue: 0,
  workingDaysToAnswer: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  redone: 0,
};

/** Working days d with from < d ≤ to (the calendar's workingDaysBetween): a reply on the day of
 *  receipt took 0, one on the next working day 1, as the limit counts from the day after receipt
 *  (docs/domain/mailbox-and-hotline.md#limits). */
export type WorkingDaysBetween = (from: string, to: string) => number;

/** What one case adds to the figures. */
function figuresOf(c: FigureCase, today: string, workingDays: WorkingDaysBetween): MailboxFigures {
  if (c.handledElsewhere) return { ...NO_MAILBOX_FIGURES, received: 1, handledElsewhere: 1 };
  const answered = c.repliedOn !== null;
  return {
    ...NO_MAILBOX_FIGURES,
    received: 1,
    answered: answered ? 1 : 0,
    answeredInTime: answered && c.repliedOn! <= c.dueDate ? 1 : 0,
    overdue: !answered && c.dueDate < today ? 1 : 0,
    workingDaysToAnswer: answered ? Math.max(0, workingDays(c.receivedOn, c.repliedOn!)) : 0,
    satisfied: c.rating === 'satisfied' ? 1 : 0,
    basicallySatisfied: c.rating === 'basically_satisfied' ? 1 : 0,
    dissatisfied: c.rating === 'dissatisfied' ? 1 : 0,
    redone: c.redone ? 1 : 0,
  };
}

/** The figures of several groups (or cases) added up: the total row. */
export function sumMailboxFigures(rows: readonly MailboxFigures[]): MailboxFigures {
  return rows.reduce(
    (a, r) => ({
      received: a.received + r.received,
      handledElsewhere: a.handledElsewhere + r.handledElsewhere,
      answered: a.answered + r.answered,
      answeredInTime: a.answeredInTime + r.answeredInTime,
      overdue: a.overdue + r.overdue,
      workingDaysToAnswer: a.workingDaysToAnswer + r.workingDaysToAnswer,
      satisfied: a.satisfied + r.satisfied,
      basicallySatisfied: a.basicallySatisfied + r.basicallySatisfied,
      dissatisfied: a.dissatisfied + r.dissatisfied,
      redone: a.redone + r.redone,
    }),
    NO_MAILBOX_FIGURES,
  );
}

/** The cases' figures grouped by a key (agency, unit, month), in the order keys first appear. */
export function groupMailboxFigures<K>(
  cases: readonly FigureCase[],
  keyOf: (c: FigureCase) => K,
  today: string,
  workingDays: WorkingDaysBetween,
): Map<K, MailboxFigures> {
  const out = new Map<K, MailboxFigures>();
  for (const c of cases) {
    const key = keyOf(c);
    out.set(key, sumMailboxFigures([out.get(key) ?? NO_MAILBOX_FIGURES, figuresOf(c, today, workingDays)]));
  }
  return out;
}

/** The month a case counts in: the YYYY-MM of its receipt. */
export const monthOf = (c: Pick<FigureCase, 'receivedOn'>): string => c.receivedOn.slice(0, 7);

/** The shares the pages and exports show, as fractions (0…1) or null when there is nothing to divide. */
export interface MailboxRates {
  readonly inTime: number | null;
  /** Mean working days to answer, to one decimal. */
  readonly averageWorkingDays: number | null;
  readonly rated: number;
  readonly satisfied: number | null;
  readonly basicallySatisfied: number | null;
  readonly dissatisfied: number | null;
  /** Redone cases over answered ones. */
  readonly redo: number | null;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export function mailboxRates(f: MailboxFigures): MailboxRates {
  const rated = f.satisfied + f.basicallySatisfied + f.dissatisfied;
  return {
    inTime: ratio(f.answeredInTime, f.answered),
    averageWorkingDays: f.answered > 0 ? Math.round((f.workingDaysToAnswer / f.answered) * 10 + 1e-9) / 10 : null,
    rated,
    satisfied: ratio(f.satisfied, rated),
    basicallySatisfied: ratio(f.basicallySatisfied, rated),
    dissatisfied: ratio(f.dissatisfied, rated),
    redo: ratio(f.redone, f.answered),
  };
}
