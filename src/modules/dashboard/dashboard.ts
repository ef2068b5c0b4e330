// Which open applications need attention on the dashboards and in the reminders: "due soon" and
// "overdue" are computed from the stored due date, the state and today's due window (5 working
// days on the official calendar), never stored.
import type { DueWindow } from '../applications/index.ts';
import { currentStatus } from '../applications/index.ts';

export const ATTENTION_KINDS = ['due_soon', 'overdue', 'waiting', 'paused'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** What the rules read of a case. */
export interface CaseClock {
  readonly status: string;
  readonly due_date: string | null;
  readonly waiting_until: string | null;
}

/** The same conditions as the applications list filters (applications.store.ts), on one row. */
export function attentionOf(c: CaseClock, w: DueWindow): AttentionKind | null {
  const status = currentStatus(c, w.today);
  if (status === 'closed') return null;
  if (c.due_date !== null && c.due_date < w.today) return 'overdue';
  if (status === 'open' && c.due_date !== null && c.due_date <= w.soonUntil) return 'due_soon';
  if (status === 'awaiting_correction' || status === 'awaiting_payment') return 'waiting';
  if (status === 'paused') return 'paused';
  return null;
}

/** A consultation whose window ended before today with no answer recorded: the clock runs again
 *  (Arts. 32, 34), and the people handling the case are told once (reminders.ts). */
export function consultationLapsed(c: Omit<CaseClock, 'due_date'>, today: string): boolean {
  return c.status === 'paused' && c.waiting_until !== null && c.waiting_until < today;
}
