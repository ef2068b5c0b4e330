// Audit events → what the audit log shows (docs/conventions.md#presenters): the time in China,
// the action and subject in the page's language, work no person did as the system, and the
// recorded values clipped so a long record does not swamp the table.
import type { AuditEventRow } from '../../platform/audit/audit.table.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { auditActionLabel, auditSubjectLabel } from '../../platform/audit/labels.ts';
import { formatChinaTime } from '../../platform/clock.ts';
import { pick, type Locale } from '../../platform/i18n/i18n.ts';

/** Who acted: a person by the name recorded then, or the system (jobs, the demo loader, the
 *  command line), which the log names in words rather than by the code it is recorded under. */
export interface AuditActor {
  readonly system: boolean;
  readonly name: string;
}

export interface AuditLogEntry {
  readonly seq: number;
  /** China time, as formatChinaTime writes it. */
  readonly occurredAt: string;
  readonly actor: AuditActor;
  readonly ip: string | null;
  /** The code (kept for the filter and tests) and its label in the page's language. */
  readonly action: string;
  readonly actionLabel: string;
  /** "<subject type label> <id>", or '' for an event without a subject. */
  readonly subject: string;
  /** The recorded values, clipped to CLIP characters. */
  readonly before: string | null;
  readonly after: string | null;
}

const CLIP = 300;
const clip = (json: string | null) => (json && json.length > CLIP ? json.slice(0, CLIP) + '…' : json);

export function auditActor(row: { readonly actor_user_id: number | null; readonly actor_name: string }): AuditActor {
  const system = row.actor_user_id === systemContext.actorUserId && row.actor_name === systemContext.actorName;
  return { system, name: row.actor_name };
}

export function presentAuditEvent(row: AuditEventRow, locale: Locale): AuditLogEntry {
  return {
    seq: row.seq,
    occurredAt: formatChinaTime(row.occurred_at),
    actor: auditActor(row),
    ip: row.ip,
    action: row.action,
    actionLabel: pick(locale, auditActionLabel(row.action)),
    subject: row.subject_type
      ? `${pick(locale, auditSubjectLabel(row.subject_type))}${row.subject_id ? ` ${row.subject_id}` : ''}`
      : '',
    before: clip(row.before_json),
    after: clip(row.after_json),
  };
}
