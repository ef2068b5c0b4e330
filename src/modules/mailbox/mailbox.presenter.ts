// Store rows → what the mailbox's pages show: list items with "overdue" worked out against today,
// the case with its personal data masked unless revealed, the clock's steps, the status rows with
// who took them, the reply versions, and the settings table with the defaults beside the
// agency's own limits. Pure.
import { formatChinaTime } from '../../platform/clock.ts';
import type { Text } from '../../platform/i18n/i18n.ts';
import { maskSpan } from '../../platform/pii/mask.ts';
import { mailboxCategories, mailboxSources, openMailboxStatuses, type MailboxStatus } from './mailbox.ts';
import { DEFAULT_LIMITS, type DueResult } from './mailbox-limits.ts';
import type {
  MailboxCaseRow,
  MailboxLimitRow,
  MailboxReplyVersionRow,
  MailboxRoutingRuleRow,
  MailboxStatusRow,
} from './mailbox.table.ts';

export interface MailboxListItem {
  readonly id: number;
  readonly source: string;
  readonly reference: string;
  readonly category: string;
  readonly subject: string;
  readonly receivedOn: string;
  readonly dueDate: string;
  readonly status: string;
  readonly unitName: string | null;
  readonly overdue: boolean;
}

function isOpen(status: string): boolean {
  return (openMailboxStatuses as readonly string[]).includes(status);
}

/** The case's reference: the centre's order number, or the letter's tracking code in its groups. */
export function referenceOf(row: Pick<MailboxCaseRow, 'external_no' | 'tracking_code'>): string {
  if (row.external_no) return row.external_no;
  const c = row.tracking_code ?? '';
  return c.length === 13 ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8, 12)}-${c.slice(12)}` : c;
}

export function presentListItem(row: MailboxCaseRow & { unit_name: string | null }, today: string): MailboxListItem {
  return {
    id: row.id,
    source: row.source,
    reference: referenceOf(row),
    category: row.category,
    subject: row.subject,
    receivedOn: row.received_on,
    dueDate: row.due_date,
    status: row.status,
    unitName: row.unit_name,
    overdue: isOpen(row.status) && row.due_date < today,
  };
}

export interface PersonalView {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A name keeps its first character; a phone its carrier prefix and last four; an e-mail its domain. */
export function maskPersonal(p: PersonalView): PersonalView {
  return {
    name: p.name ? p.name.slice(0, 1) + '*'.repeat(Math.max(1, [...p.name].length - 1)) : null,
    phone: p.phone ? maskSpan('mobile', p.phone) : null,
    email: p.email ? maskSpan('email', p.email) : null,
  };
}

export interface MailboxCaseView extends MailboxListItem {
  readonly request: string;
  readonly receivedAt: string;
  readonly originalDueDate: string;
  readonly requiredReplyDate: string | null;
  readonly consent: boolean;
  readonly publishName: boolean;
  readonly rating: string | null;
  readonly ratingComment: string | null;
  readonly repliedOn: string | null;
  readonly personal: PersonalView;
  readonly revealed: boolean;
}

export function presentCase(
  row: MailboxCaseRow,
  unitName: string | null,
  personal: PersonalView,
  revealed: boolean,
  today: string,
): MailboxCaseView {
  return {
    ...presentListItem({ ...row, unit_name: unitName }, today),
    request: row.request_text,
    receivedAt: formatChinaTime(row.received_at),
    originalDueDate: row.original_due_date,
    requiredReplyDate: row.required_reply_date,
    consent: row.consent_to_publish === 1,
    publishName: row.publish_name === 1,
    rating: row.rating,
    ratingComment: row.rating_comment,
    repliedOn: row.replied_on,
    personal: revealed ? personal : maskPersonal(personal),
    revealed,
  };
}

export interface ClockLine {
  readonly date: string;
  readonly kind: string;
  readonly text: Text;
  readonly counted: boolean;
}

export function presentClock(result: DueResult): ClockLine[] {
  return result.steps.map((s) => ({ date: s.date, kind: s.kind, text: s.text, counted: s.counted === true }));
}

export interface HistoryLine {
  readonly at: string;
  readonly actorName: string | null;
  readonly event: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly reason: string | null;
}

export function presentHistory(rows: readonly (MailboxStatusRow & { actor_name?: string | null })[]): HistoryLine[] {
  return rows.map((h) => ({
    at: formatChinaTime(h.created_at),
    actorName: h.actor_name ?? null,
    event: h.event,
    fromStatus: h.from_status,
    toStatus: h.to_status,
    reason: h.reason,
  }));
}

export interface ReplyVersionView {
  readonly versionNo: number;
  readonly body: string;
  readonly at: string;
  readonly current: boolean;
}

export function presentVersions(rows: readonly MailboxReplyVersionRow[], currentId: number | null): ReplyVersionView[] {
  return [...rows].reverse().map((v) => ({
    versionNo: v.version_no,
    body: v.body,
    at: formatChinaTime(v.created_at),
    current: v.id === currentId,
  }));
}

export interface AttachmentView {
  readonly name: string;
  /** The size as people read it: "12 KB", "1.4 MB". */
  readonly size: string;
  readonly href: string;
}

export function presentAttachments(
  caseId: number,
  rows: readonly { id: number; name: string; bytes: number }[],
): AttachmentView[] {
  return rows.map((a) => ({
    name: a.name,
    size:
      a.bytes >= 1024 * 1024
        ? `${(a.bytes / (1024 * 1024)).toFixed(1)} MB`
        : `${Math.max(1, Math.round(a.bytes / 1024))} KB`,
    href: `/admin/mailbox/${caseId}/attachments/${a.id}`,
  }));
}

export interface LimitLine {
  readonly source: string;
  readonly category: string;
  readonly defaultDays: number;
  readonly defaultSameDay: boolean;
  readonly days: number | null;
  readonly sameDay: boolean;
  readonly configured: boolean;
}

/** Every source × category with its default and the agency's setting when it has one. */
export function presentLimits(rows: readonly MailboxLimitRow[]): LimitLine[] {
  return mailboxSources.flatMap((source) =>
    mailboxCategories.map((category) => {
      const set = rows.find((r) => r.source === source && r.category === category);
      const d = DEFAULT_LIMITS[category];
      return {
        source,
        category,
        defaultDays: d.workingDays,
        defaultSameDay: d.sameDay,
        days: set ? set.working_days : null,
        sameDay: set ? set.same_day === 1 : false,
        configured: set !== undefined,
      };
    }),
  );
}

export interface RouteLine {
  readonly category: string;
  readonly unitId: number | null;
  readonly unitName: string | null;
}

export function presentRoutes(
  rows: readonly MailboxRoutingRuleRow[],
  units: readonly { id: number; name: string }[],
): RouteLine[] {
  return mailboxCategories.map((category) => {
    const rule = rows.find((r) => r.category === category);
    return {
      category,
      unitId: rule?.unit_id ?? null,
      unitName: rule ? (units.find((u) => u.id === rule.unit_id)?.name ?? null) : null,
    };
  });
}

/** The states a role's panel lists: the steps that wait for it. */
export const WAITING_FOR: Readonly<Record<string, readonly MailboxStatus[]>> = {
  disclosure_officer: ['dispatched', 'signed_for', 'reply_approved', 'replied'],
  drafter: ['assigned'],
  unit_head: ['reply_drafted'],
};
