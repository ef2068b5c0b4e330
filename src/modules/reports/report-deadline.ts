// When the annual report is due, and the status of an agency's report for a year. Pure: dates in,
// states out (ISO dates compare as strings). The statutory deadline itself is publicationDeadline
// in report-validation.ts (2019 Regulation Art. 49; 2007 Regulation Art. 31).
import { publicationDeadline, type AgencyKind } from './report-validation.ts';

export interface ReportDueWindow {
  readonly reportYear: number;
  readonly deadline: string;
  /** hidden: before 1 December of the report year; due: from then to the deadline (inclusive);
   *  overdue: after it. */
  readonly state: 'hidden' | 'due' | 'overdue';
  /** Calendar days from today to the deadline: 0 on the deadline, negative when overdue. */
  readonly daysRemaining: number;
}

/** The report task opens on 1 December of the report year — a month before the earliest deadline
 *  (31 January), when the year's figures are nearly complete. A working rule of the platform, not
 *  a statutory one. */
export function reportTaskOpens(reportYear: number): string {
  return `${reportYear}-12-01`;
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function reportDueWindow(kind: AgencyKind, reportYear: number, today: string): ReportDueWindow {
  const deadline = publicationDeadline(kind, reportYear);
  const daysRemaining = daysBetween(today, deadline);
  const state = today < reportTaskOpens(reportYear) ? 'hidden' : today > deadline ? 'overdue' : 'due';
  return { reportYear, deadline, state, daysRemaining };
}

/** The report years whose task may be open on `today`: last year's (until it is published) and,
 *  in December, this year's. */
export function candidateReportYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '12-01' ? [year - 1, year] : [year - 1];
}

/** The years offered in the report index, newest first: every year from 2008 (the Regulation's
 *  first report year) to the newest whose task may be open, so the year the dashboard says is due
 *  is always in the list. */
export function offeredReportYears(today: string): number[] {
  const newest = Math.max(...candidateReportYears(today));
  return Array.from({ length: newest - 2008 + 1 }, (_, i) => newest - i);
}

/** Reminder stages: one notice per stage, so a job that misses a day still sends the stage it is in,
 *  and running it again sends nothing new. */
export const REMINDER_MILESTONES = [30, 14, 7, 3, 1] as const;
export type ReminderStage = 'open' | `d${(typeof REMINDER_MILESTONES)[number]}` | 'deadline' | 'overdue';

export function reminderStage(window: ReportDueWindow): ReminderStage | null {
  if (window.state === 'hidden') return null;
  if (window.state === 'overdue') return 'overdue';
  if (window.daysRemaining === 0) return 'deadline';
  const milestone = [...REMINDER_MILESTONES].reverse().find((m) => window.daysRemaining <= m);
  return milestone === undefined ? 'open' : `d${milestone}`;
}

export const REPORT_STATUSES = ['missing', 'draft', 'failing', 'late', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What is known of an agency's report for a year: the latest received or compiled version. */
export interface ReportRecord {
  /** Whether the identities of docs/domain/annual-report.md#arithmetic hold. */
  readonly passes: boolean;
  /** The date it was published on, null for a draft. */
  readonly publishedOn: string | null;
}

/**
 * missing: nothing received; failing: received but an identity fails (whether published or not —
 * the figures must be corrected); draft: passes, not yet published; late: published after the
 * deadline; published: on time.
 */
export function reportStatus(record: ReportRecord | null, deadline: string): ReportStatus {
  if (!record) return 'missing';
  if (!record.passes) return 'failing';
  if (record.publishedOn === null) return 'draft';
  return record.publishedOn > deadline ? 'late' : 'published';
}

/** Whether the status still needs action by the agency (the dashboard's and the supervisor's list). */
export const isOutstanding = (status: ReportStatus): boolean =>
  status === 'missing' || status === 'draft' || status === 'failing';
