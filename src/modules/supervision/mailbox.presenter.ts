// The mailbox and hotline rows of the oversight page and of one agency's breakdown (issue 16 item 7),
// from the mailbox module's figures: display-ready shares with what they divide, the mean working
// days to answer and the link each row drills down to. Pure.
import { mailboxRates, NO_MAILBOX_FIGURES, sumMailboxFigures, type MailboxFigures } from '../mailbox/index.ts';
import type { OversightAgency, ShareView } from './supervision.presenter.ts';
import { percentText, share } from './supervision.ts';

export interface MailboxFiguresView {
  readonly received: number;
  readonly answered: number;
  readonly answeredInTime: ShareView;
  readonly overdue: number;
  /** "2.5", or "—" when nothing was answered. */
  readonly averageWorkingDays: string;
  /** Satisfied and basically satisfied over the rated cases. */
  readonly satisfaction: ShareView;
  readonly redo: ShareView;
}

export interface MailboxRow<K> {
  readonly key: K;
  readonly label: string | null;
  readonly href: string | null;
  readonly figures: MailboxFiguresView;
}

const shareView = (numerator: number, denominator: number): ShareView => ({
  percent: percentText(share(numerator, denominator)),
  numerator,
  denominator,
});

export function presentMailboxFigures(f: MailboxFigures): MailboxFiguresView {
  const rates = mailboxRates(f);
  return {
    received: f.received,
    answered: f.answered,
    answeredInTime: shareView(f.answeredInTime, f.answered),
    overdue: f.overdue,
    averageWorkingDays: rates.averageWorkingDays === null ? '—' : rates.averageWorkingDays.toFixed(1),
    satisfaction: shareView(f.satisfied + f.basicallySatisfied, rates.rated),
    redo: shareView(f.redone, f.answered),
  };
}

/** One row per supervised agency, in tree order, each drilling down to its breakdown; and the total. */
export function presentMailboxByAgency(
  agencies: readonly OversightAgency[],
  figures: ReadonlyMap<unknown, MailboxFigures>,
  year: number,
): { rows: MailboxRow<number>[]; total: MailboxFiguresView } {
  const rows = agencies.map((a) => ({
    key: a.id,
    label: `${'　'.repeat(a.depth)}${a.name}`,
    href: `/admin/oversight/${a.id}?year=${year}#mailbox`,
    figures: presentMailboxFigures(figures.get(a.id) ?? NO_MAILBOX_FIGURES),
  }));
  const total = presentMailboxFigures(sumMailboxFigures(agencies.map((a) => figures.get(a.id) ?? NO_MAILBOX_FIGURES)));
  return { rows, total };
}

/** One agency's cases by unit: its units in order, then a unit no longer listed, then the unassigned (label null). */
export function presentMailboxByUnit(
  units: readonly { id: number; name: string }[],
  figures: ReadonlyMap<unknown, MailboxFigures>,
): { rows: MailboxRow<number | null>[]; total: MailboxFiguresView } {
  const known = new Set<unknown>(units.map((u) => u.id));
  const others = [...figures.keys()].filter((k): k is number => typeof k === 'number' && !known.has(k));
  const keys: { id: number | null; name: string | null }[] = [
    ...units,
    ...others.map((id) => ({ id, name: null })),
    ...(figures.has(null) ? [{ id: null, name: null }] : []),
  ];
  const rows = keys.map((k) => ({
    key: k.id,
    label: k.name,
    href: null,
    figures: presentMailboxFigures(figures.get(k.id) ?? NO_MAILBOX_FIGURES),
  }));
  return { rows, total: presentMailboxFigures(sumMailboxFigures([...figures.values()])) };
}

/** One agency's cases by the month received: the twelve months of the year, in order. */
export function presentMailboxByMonth(
  year: number,
  figures: ReadonlyMap<unknown, MailboxFigures>,
): { rows: MailboxRow<string>[]; total: MailboxFiguresView } {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const rows = months.map((m) => ({
    key: m,
    label: m,
    href: null,
    figures: presentMailboxFigures(figures.get(m) ?? NO_MAILBOX_FIGURES),
  }));
  return { rows, total: presentMailboxFigures(sumMailboxFigures([...figures.values()])) };
}
