// What the audit log calls each recorded action and subject in words an auditor reads. The log
// stores stable codes (`publishing.publish`, `information_item`) so that old events keep their
// meaning when a text changes; the page shows the words. Each module declares the labels of the
// actions it records (`auditLabels` in its definition) and the composition root registers them.
import type { Text } from '../i18n/i18n.ts';

export interface AuditLabels {
  /** Action code → what was done ("发布政府信息"). */
  readonly actions?: Readonly<Record<string, Text>>;
  /** Subject type → what it was done to ("政府信息"). */
  readonly subjects?: Readonly<Record<string, Text>>;
}

const actions = new Map<string, Text>();
const subjects = new Map<string, Text>();

/** Identity, for the type check at the declaration; registers nothing. */
export function defineAuditLabels(labels: AuditLabels): AuditLabels {
  return labels;
}

function add(into: Map<string, Text>, kind: string, entries: Readonly<Record<string, Text>> | undefined): void {
  for (const [code, text] of Object.entries(entries ?? {})) {
    const existing = into.get(code);
    if (existing && (existing.zh !== text.zh || existing.en !== text.en)) {
      throw new Error(`audit ${kind} ${code} labelled twice with different texts`);
    }
    into.set(code, text);
  }
}

export function registerAuditLabels(...tables: readonly AuditLabels[]): void {
  for (const table of tables) {
    add(actions, 'action', table.actions);
    add(subjects, 'subject', table.subjects);
  }
}

/** An action recorded by code no module labels (an event written by an older release, say):
 *  the log still says, in the reader's language, that it is an unlabelled operation. */
const UNLABELLED_ACTION: Text = { zh: '其他操作', en: 'Other operation' };
const UNLABELLED_SUBJECT: Text = { zh: '其他对象', en: 'Other subject' };

export function auditActionLabel(action: string): Text {
  return actions.get(action) ?? UNLABELLED_ACTION;
}

export function auditSubjectLabel(subjectType: string): Text {
  return subjects.get(subjectType) ?? UNLABELLED_SUBJECT;
}

export function isLabelledAuditAction(action: string): boolean {
  return actions.has(action);
}

export function isLabelledAuditSubject(subjectType: string): boolean {
  return subjects.has(subjectType);
}

/** Every labelled action, for the log's filter. */
export function labelledAuditActions(): [string, Text][] {
  return [...actions];
}
