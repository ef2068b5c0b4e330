// Reading the officer's event and reply forms: which fields each kind of event needs, the
// dates it may carry, and the conditions for ending a case without a substantive answer.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate, readForm, type FormValues } from '../../platform/form.ts';
import { MAX_EXTENSION, type ClockEvent, type DeadlineResult } from './deadline.ts';
import {
  DELIVERY_WAYS,
  fieldIssue,
  OFFICER_EVENT_KINDS,
  isClockEventKind,
  toClockEvent,
  type OfficerEventKind,
} from './applications.ts';
import { isOutcomeCode, OUTCOME_CODES, type OutcomeCode } from './outcome.ts';
import type { ApplicationRow } from './applications.table.ts';
import { searchWords } from '../search/index.ts';

export const eventSpec = {
  kind: { kind: 'choice', label: 'applications.field.event_kind', required: true, choices: OFFICER_EVENT_KINDS },
  date: { kind: 'date', label: 'applications.field.event_date', required: true },
  correct_by: { kind: 'date', label: 'applications.field.correct_by' },
  party: { kind: 'choice', label: 'applications.field.party', choices: ['third_party', 'agency'] },
  ref: { kind: 'text', label: 'applications.field.ref', max: 50 },
  letter_received_on: { kind: 'date', label: 'applications.field.letter_received_on' },
  days: { kind: 'int', label: 'applications.field.days' },
  reason: { kind: 'text', label: 'applications.field.reason', max: 1000 },
  approver: { kind: 'text', label: 'applications.field.approver', max: 50 },
  amount_yuan: { kind: 'int', label: 'applications.field.amount_yuan' },
  fee_method: { kind: 'choice', label: 'applications.field.fee_method', choices: ['by_count', 'by_pages'] },
  pages: { kind: 'int', label: 'applications.field.pages' },
  unit_id: { kind: 'int', label: 'applications.field.assigned_unit' },
  note: { kind: 'text', label: 'applications.field.note', max: 2000 },
  delivery_way: { kind: 'choice', label: 'applications.field.delivered_by', choices: DELIVERY_WAYS },
  delayed_until: { kind: 'date', label: 'applications.field.delayed_until' },
  delay_reason: { kind: 'text', label: 'applications.field.delay_reason', max: 1000 },
} as const;

export const replySpec = {
  outcome: { kind: 'choice', label: 'applications.field.outcome', required: true, choices: OUTCOME_CODES },
  reply_date: { kind: 'date', label: 'applications.field.reply_date', required: true },
  summary: { kind: 'text', label: 'applications.field.reply_summary', required: true, max: 4000 },
  redactions: { kind: 'text', label: 'applications.field.redactions', max: 4000 },
  catalog_items: { kind: 'text', label: 'applications.field.catalog_items', max: 1000 },
} as const;

export interface ParsedEvent {
  readonly kind: OfficerEventKind;
  readonly date: string;
  readonly detail: Record<string, unknown>;
  readonly clock?: ClockEvent;
}

function dateIssues(
  field: string,
  date: string,
  app: Pick<ApplicationRow, 'received_on'>,
  today: string,
): ValidationIssue[] {
  if (date < app.received_on) return [issue(field, 'applications.error.before_receipt', { date: app.received_on })];
  if (date > today) return [issue(field, 'applications.error.future_date')];
  return [];
}

type EventValues = FormValues<typeof eventSpec>;
type EventCase = Pick<ApplicationRow, 'received_on' | 'rules' | 'status'> & Partial<Pick<ApplicationRow, 'outcome_on'>>;

/** What one kind of event reads from the form: it adds its issues (`need` for a required field) and
 *  returns the detail kept on the event. */
type DetailReader = (
  v: EventValues,
  app: EventCase,
  need: (field: keyof typeof eventSpec) => void,
  issues: ValidationIssue[],
) => Record<string, unknown>;

const detailReaders: Partial<Record<OfficerEventKind, DetailReader>> = {
  correction_requested: (v, _app, need, issues) => {
    // Art. 30: say once what must be corrected and give a reasonable period for it.
    need('note');
    need('correct_by');
    if (v.correct_by && v.date && v.correct_by <= v.date)
      issues.push(issue('correct_by', 'applications.error.correct_by_after'));
    return { correctBy: v.correct_by, note: v.note };
  },
  consultation_started: (v, _app, need, issues) => {
    need('party');
    if (v.letter_received_on && v.date && v.letter_received_on < v.date)
      issues.push(issue('letter_received_on', 'applications.error.letter_before_sent'));
    return { party: v.party, ref: v.ref, receivedOn: v.letter_received_on, note: v.note };
  },
  consultation_ended: (v) => ({ ref: v.ref, note: v.note }),
  extension_approved: (v, app, need, issues) => {
    // Art. 33: approved by the head of the disclosure office, with a reason, and the
    // applicant told; at most 20 working days (15 under the 2007 Regulation, Art. 24).
    need('days');
    need('reason');
    need('approver');
    const max = MAX_EXTENSION[app.rules === '2008' ? '2008' : '2019'];
    if (v.days !== null && (v.days < 1 || v.days > max))
      issues.push(issue('days', 'applications.error.extension_days', { max }));
    return { days: v.days, reason: v.reason, approver: v.approver };
  },
  fee_notice_sent: (v, _app, need, issues) => {
    if (v.amount_yuan !== null && v.amount_yuan < 0)
      issues.push(fieldIssue('amount_yuan', 'field.invalid_format', 'applications.field.amount_yuan'));
    if (v.letter_received_on && v.date && v.letter_received_on < v.date)
      issues.push(issue('letter_received_on', 'applications.error.letter_before_sent'));
    // The amount is quoted from the schedule by the service (fee-notice.ts), not typed.
    need('fee_method');
    if (v.fee_method === 'by_pages') need('pages');
    return {
      amountYuan: v.amount_yuan,
      method: v.fee_method,
      pages: v.pages,
      receivedOn: v.letter_received_on,
      note: v.note,
    };
  },
  fee_paid: (v) => ({ amountYuan: v.amount_yuan }),
  delayed_reply_set: (v, app, need, issues) => {
    // Art. 35 (2019 only): the reasonable period for an excessive but well-founded request, with
    // why it cannot be answered in time; when it must be set is checked against the clock.
    if (app.rules === '2008') issues.push(issue('kind', 'applications.error.delay_2008'));
    need('delayed_until');
    need('delay_reason');
    if (v.delayed_until && v.date && v.delayed_until <= v.date)
      issues.push(issue('delayed_until', 'applications.error.delay_until_after'));
    return { until: v.delayed_until, reason: v.delay_reason, note: v.note };
  },
  fee_waived: (v, _app, need) => {
    need('reason');
    return { reason: v.reason };
  },
  assigned: (v, _app, need) => {
    need('unit_id');
    return { unitId: v.unit_id, note: v.note };
  },
  note: (v, _app, need) => {
    need('note');
    return { note: v.note };
  },
  delivered: (v, app, need, issues) => {
    // The reply is served by post, e-mail, pick-up or online (Art. 40), on a date not before it.
    need('delivery_way');
    if (v.date && app.outcome_on && v.date < app.outcome_on)
      issues.push(issue('date', 'applications.error.delivered_before_reply', { date: app.outcome_on }));
    return { way: v.delivery_way, note: v.note };
  },
};

export function parseEvent(
  body: unknown,
  app: EventCase,
  today: string,
): { event: ParsedEvent | null; issues: ValidationIssue[] } {
  const { values: v, issues } = readForm(eventSpec, body);
  const kind = v.kind as OfficerEventKind | null;
  // After the reply only notes and the delivery of the reply may be recorded; delivery only then.
  if (app.status === 'closed' && kind !== 'note' && kind !== 'delivered')
    return { event: null, issues: [issue('kind', 'applications.error.closed')] };
  if (kind === 'delivered' && (app.status !== 'closed' || !app.outcome_on))
    return { event: null, issues: [issue('kind', 'applications.error.deliver_before_reply')] };
  if (v.date && isRealDate(v.date)) issues.push(...dateIssues('date', v.date, app, today));
  const need = (field: keyof typeof eventSpec) => {
    if (v[field] === null || v[field] === '') issues.push(fieldIssue(field, 'field.required', eventSpec[field].label));
  };
  const reader = kind ? detailReaders[kind] : undefined;
  const detail = reader ? reader(v, app, need, issues) : {};
  for (const [k, value] of Object.entries(detail)) if (value === null || value === undefined) delete detail[k];
  if (issues.length || !kind || !v.date) return { event: null, issues };
  const clock = isClockEventKind(kind) ? toClockEvent(kind, v.date, detail) : undefined;
  return { event: { kind, date: v.date, detail, ...(clock ? { clock } : {}) }, issues: [] };
}

/**
 * What an event may do given the clock before it (computed without an as-of date). Art. 33: the
 * extensions together stay within the cap (`prior`: the recorded clock events). Art. 35: the
 * delayed-reply period is set before the reply is due, and it ends after that date.
 */
export function clockEventIssues(
  event: ParsedEvent,
  before: DeadlineResult,
  prior: readonly ClockEvent[],
  rules: string,
): ValidationIssue[] {
  if (event.clock?.type === 'extension_approved') {
    const max = MAX_EXTENSION[rules === '2008' ? '2008' : '2019'];
    const used = prior.reduce((n, e) => n + (e.type === 'extension_approved' ? e.days : 0), 0);
    if (used + event.clock.days > max)
      return [
        used >= max
          ? issue('days', 'applications.error.extension_exhausted', { used, max })
          : issue('days', 'applications.error.extension_total', { used, max, left: max - used }),
      ];
  }
  if (event.clock?.type === 'delayed_reply_set') {
    const due = before.dueDate;
    if (!due) return [issue('kind', 'applications.error.delay_no_due_date')];
    if (event.date > due) return [issue('date', 'applications.error.delay_after_due', { due })];
    if (event.clock.until <= due) return [issue('delayed_until', 'applications.error.delay_not_later', { due })];
  }
  return [];
}

export interface ParsedReply {
  readonly outcome: OutcomeCode;
  readonly date: string;
  readonly summary: string;
  /** Partial disclosure: what was withheld or redacted and why (Art. 37). */
  readonly redactions: string | null;
  /** Index numbers (索引号) of catalog items that already hold the information (Art. 36(一)). */
  readonly catalogRefs: readonly string[];
}

/** Index numbers as typed: one per line, or separated by commas, 、 or spaces. */
export function parseCatalogRefs(raw: string | null): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(/[\s,，、;；]+/)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseReply(
  body: unknown,
  app: Pick<ApplicationRow, 'received_on' | 'status'>,
  today: string,
): { reply: ParsedReply | null; issues: ValidationIssue[] } {
  const { values: v, issues } = readForm(replySpec, body);
  // Art. 37: the part that can be disclosed is provided and the reasons for the rest are given.
  if (v.outcome === 'partially_disclosed' && !v.redactions)
    issues.push(issue('redactions', 'applications.error.redactions_required'));
  const catalogRefs = parseCatalogRefs(v.catalog_items);
  if (catalogRefs.length && v.outcome && v.outcome !== 'disclosed')
    issues.push(issue('catalog_items', 'applications.error.catalog_items_only_disclosed'));
  if (catalogRefs.length > 20)
    issues.push(issue('catalog_items', 'applications.error.catalog_items_too_many', { max: 20 }));
  if (app.status === 'closed') return { reply: null, issues: [issue('outcome', 'applications.error.closed')] };
  if (v.reply_date && isRealDate(v.reply_date)) issues.push(...dateIssues('reply_date', v.reply_date, app, today));
  if (issues.length || !v.outcome || !isOutcomeCode(v.outcome) || !v.reply_date || !v.summary)
    return { reply: null, issues };
  return {
    reply: {
      outcome: v.outcome,
      date: v.reply_date,
      summary: v.summary,
      redactions: v.outcome === 'partially_disclosed' ? v.redactions : null,
      catalogRefs,
    },
    issues: [],
  };
}

/** Ending without a substantive answer needs the applicant's period to have run out: Art. 30 (no
 *  correction “无正当理由逾期不补正的，视为放弃申请”) and the fee measure (unpaid within 20 WD,
 *  docs/domain/fees.md#payment-period). `state` is the clock on the reply date, before the reply. */
export function checkEnding(outcome: OutcomeCode, state: DeadlineResult, date: string): ValidationIssue[] {
  if (outcome === 'other_no_correction') {
    if (
      state.status !== 'awaiting_correction' &&
      !(state.status === 'abandoned' && state.warnings.some((w) => w.code === 'abandoned_no_correction'))
    ) {
      return [issue('outcome', 'applications.error.no_correction_pending')];
    }
    const by = state.steps.filter((s) => s.kind === 'correction_requested').at(-1)?.until;
    if (by && date <= by) return [issue('outcome', 'applications.error.correction_not_expired', { date: by })];
  }
  if (outcome === 'other_fee_unpaid') {
    const payBy = state.deadlines.feePaymentBy;
    const open =
      state.status === 'abandoned'
        ? state.warnings.some((w) => w.code === 'abandoned_unpaid_fee')
        : state.status === 'paused' && state.pausedBy === 'fee';
    if (!open || !payBy) return [issue('outcome', 'applications.error.no_fee_pending')];
    if (date <= payBy) return [issue('outcome', 'applications.error.fee_not_expired', { date: payBy })];
  }
  // A 'received' step appears only when the clock restarted on a corrected application.
  if (outcome === 'unable_unclear_after_correction' && !state.steps.some((s) => s.kind === 'received')) {
    return [issue('outcome', 'applications.error.no_correction_received')];
  }
  return [];
}

// ——— approval of the answer ———

/** A published catalog item named in an answer. */
export interface CatalogRef {
  readonly id: number;
  readonly indexNumber: string;
  readonly title: string;
}

/** The approver's forms name the draft they saw, so a newer draft is never approved unseen. */
export const approvalSpec = {
  draft: { kind: 'int', label: 'applications.field.draft', required: true },
} as const;

export const returnSpec = {
  draft: { kind: 'int', label: 'applications.field.draft', required: true },
  return_reason: { kind: 'text', label: 'applications.field.return_reason', required: true, max: 1000 },
} as const;

/** A drafted answer waiting for the head of the disclosure office. */
export interface ReplyDraft {
  readonly id: number;
  readonly actorUserId: number | null;
  readonly actorName: string | null;
  readonly createdAt: string;
  readonly outcome: OutcomeCode;
  readonly replyDate: string;
  readonly summary: string;
  readonly redactions: string | null;
  readonly catalogItems: readonly CatalogRef[];
}

type DraftEventRow = {
  id: number;
  kind: string;
  detail_json: string;
  actor_user_id: number | null;
  created_at: string;
  actor_name?: string | null;
};

/** The draft still pending: the latest reply_drafted with no return or reply after it. */
export function pendingDraft(rows: readonly DraftEventRow[]): ReplyDraft | null {
  let pending: DraftEventRow | null = null;
  for (const row of rows) {
    if (row.kind === 'reply_drafted') pending = row;
    else if (row.kind === 'reply_returned' || row.kind === 'replied') pending = null;
  }
  if (!pending) return null;
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(pending.detail_json) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (
    typeof d.outcome !== 'string' ||
    !isOutcomeCode(d.outcome) ||
    typeof d.replyDate !== 'string' ||
    typeof d.summary !== 'string'
  )
    return null;
  const items = Array.isArray(d.catalogItems)
    ? (d.catalogItems as CatalogRef[]).filter((i) => i && typeof i.indexNumber === 'string')
    : [];
  return {
    id: pending.id,
    actorUserId: pending.actor_user_id,
    actorName: pending.actor_name ?? null,
    createdAt: pending.created_at,
    outcome: d.outcome,
    replyDate: d.replyDate,
    summary: d.summary,
    redactions: typeof d.redactions === 'string' ? d.redactions : null,
    catalogItems: items,
  };
}

/** Words of a request that say what is wanted of the agency, not what it is about. */
const REQUEST_WORDS = new Set(
  '申请 公开 提供 请求 要求 查询 全文 相关 有关 关于 情况 信息 政府 文件 材料 内容 资料 本局 本市 贵局 年度 原始 数据 复印件 名单 结果'.split(
    ' ',
  ),
);
/** The most words a search from a case starts with: it finds items holding all of them. */
const SEED_WORDS = 3;

/** What the catalog search on a case may start with, best first (issue 15 item 11): the document
 *  number the applicant gave; else the first significant words of the request, split as the search
 *  splits a phrase — three, then two, then one (the whole description, or its first 30 characters,
 *  matched nothing). The case page shows the first that finds items, or none (empty, with a hint). */
export function catalogSearchSeeds(app: Pick<ApplicationRow, 'description' | 'document_number_hint'>): string[] {
  if (app.document_number_hint?.trim()) return [app.document_number_hint.trim().slice(0, 100)];
  const words = searchWords(app.description)
    .map((w) => w.replace(/^某/u, ''))
    .filter((w) => /^\p{Script=Han}{2,}$/u.test(w) && !REQUEST_WORDS.has(w))
    .slice(0, SEED_WORDS);
  return words.map((_, n) => words.slice(0, words.length - n).join(' '));
}
