// One 12345 work order as a file row or a JSON object → a `WorkOrderInput`, or every problem of
// the row at once, each in Chinese and English. A 12345 platform exports its orders with Chinese
// headers (工单编号, 派单时间, 诉求类型…); an integrator writes the English codes, which are the
// field names of `WorkOrderInput` (or the same in snake_case). Columns the module does not keep
// (办理状态, 所属区域…) are ignored, because every platform exports a few dozen of them.
import { formatDate, isValidDate } from '../../platform/calendar/dates.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { isMailboxCategory, type MailboxCategory, type WorkOrderInput } from './mailbox.ts';

export const workOrderColumns = [
  'externalNo',
  'receivedAt',
  'category',
  'subject',
  'request',
  'callerName',
  'callerPhone',
  'requiredReplyDate',
] as const;
export type WorkOrderColumn = (typeof workOrderColumns)[number];

/** The Chinese label a report names a column by when the file does not have it. */
export const workOrderColumnLabels: Record<WorkOrderColumn, string> = {
  externalNo: '工单编号',
  receivedAt: '派单时间',
  category: '诉求类型',
  subject: '标题',
  request: '诉求内容',
  callerName: '来电人',
  callerPhone: '联系电话',
  requiredReplyDate: '要求办结时间',
};

/**
 * Headers a 12345 export uses, with a rank: the lower rank wins when a file has both. An order is
 * received by the department when the centre dispatches it (派单), so 派单时间 is preferred; an
 * export without it gives the time the centre took the call (受理时间), the same day as a rule.
 */
const ALIASES: Record<string, { column: WorkOrderColumn; rank: number }> = {
  工单编号: { column: 'externalNo', rank: 0 },
  工单号: { column: 'externalNo', rank: 1 },
  派单时间: { column: 'receivedAt', rank: 0 },
  受理时间: { column: 'receivedAt', rank: 1 },
  诉求类型: { column: 'category', rank: 0 },
  工单类型: { column: 'category', rank: 1 },
  标题: { column: 'subject', rank: 0 },
  工单标题: { column: 'subject', rank: 1 },
  诉求内容: { column: 'request', rank: 0 },
  来电人: { column: 'callerName', rank: 0 },
  来电人姓名: { column: 'callerName', rank: 1 },
  联系电话: { column: 'callerPhone', rank: 0 },
  来电号码: { column: 'callerPhone', rank: 1 },
  要求办结时间: { column: 'requiredReplyDate', rank: 0 },
};
for (const column of workOrderColumns) {
  ALIASES[column.toLowerCase()] = { column, rank: 0 };
  ALIASES[column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = { column, rank: 0 };
}

/** The column a header (or a JSON key) names, with its rank; case, spaces and a BOM ignored. */
export function columnOf(header: string): { column: WorkOrderColumn; rank: number } | null {
  const h = header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, '');
  return ALIASES[h] ?? ALIASES[h.toLowerCase()] ?? null;
}

export const requiredWorkOrderColumns: readonly WorkOrderColumn[] = ['externalNo', 'receivedAt', 'category', 'request'];

/** Longest accepted text per column, in characters; longer is refused rather than cut. */
export const workOrderLimits: Record<WorkOrderColumn, number> = {
  externalNo: 64,
  receivedAt: 40,
  category: 20,
  subject: 300,
  request: 20_000,
  callerName: 100,
  callerPhone: 40,
  requiredReplyDate: 40,
};

/** Chinese category names as the centre writes them (with or without 类) and the codes. */
const CATEGORY_NAMES: Record<string, MailboxCategory> = {
  应急: 'urgent',
  咨询: 'consultation',
  求助: 'help',
  建议: 'suggestion',
  批评: 'criticism',
  投诉: 'complaint',
  举报: 'report',
};

export function categoryOf(value: string): MailboxCategory | null {
  const v = value.trim();
  const code = v.toLowerCase();
  if (isMailboxCategory(code)) return code;
  return CATEGORY_NAMES[v] ?? CATEGORY_NAMES[v.replace(/类$/, '')] ?? null;
}

// 2025-03-04 09:15[:30], 2025/3/4 9:15, 2025.3.4, 2025年3月4日 9时15分, 2025-03-04T09:15:30.000+08:00.
const INSTANT =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:\s+|T)(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d{1,9})?秒?|分)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** China has kept UTC+8 without daylight saving since 1991: a time without a zone is China time. */
const CHINA_OFFSET_MINUTES = 8 * 60;

export interface ParsedInstant {
  /** The instant, as `Date.toISOString()` writes it. */
  readonly iso: string;
  /** Its date in China. */
  readonly chinaDate: string;
  readonly hasTime: boolean;
}

/**
 * A date and time as a 12345 export writes it, read as China time unless it names its zone; a
 * date alone is the start of that day. Null when it is not a real date and time, or before 2000
 * (no 12345 centre answered then: a year like 0202 is a typing slip).
 */
export function parseInstant(text: string): ParsedInstant | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const date = formatDate({ year, month, day });
  if (year < 2000 || !isValidDate(date) || hour > 23 || minute > 59 || second > 59) return null;
  let offset = CHINA_OFFSET_MINUTES;
  if (m[7] && m[7].toUpperCase() === 'Z') offset = 0;
  else if (m[7]) {
    const digits = m[7].replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    if (minutes > 14 * 60) return null;
    offset = digits[0] === '-' ? -minutes : minutes;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  const iso = new Date(ms).toISOString();
  const chinaDate = new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
  return { iso, chinaDate, hasTime: m[4] !== undefined };
}

export interface RowProblem {
  readonly column: WorkOrderColumn;
  readonly message: Text;
}

export interface RowOptions {
  /** The instant the file or call is read; an order received later than this is refused. */
  readonly now: Date;
}

/** A received time this far after "now" is still taken: the centre's clock may run a little fast. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** A subject for an order exported without a title: the start of the request, on one line. */
const SUBJECT_FROM_REQUEST = 40;

function subjectFrom(request: string): string {
  const line = request.replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_FROM_REQUEST ? `${line.slice(0, SUBJECT_FROM_REQUEST)}…` : line;
}

function key(name: string): string {
  return `mailbox.import.error.${name}`;
}

type Values = Partial<Record<WorkOrderColumn, string>>;

function checkText(v: Values, problems: RowProblem[]): void {
  for (const column of workOrderColumns) {
    const value = v[column] ?? '';
    if (value.length > workOrderLimits[column])
      problems.push({
        column,
        message: textOf(key('too_long'), {
          field: workOrderColumnLabels[column],
          length: value.length,
          max: workOrderLimits[column],
        }),
      });
  }
  const no = v.externalNo ?? '';
  if (!no) problems.push({ column: 'externalNo', message: textOf(key('no_number')) });
  else if (/[\s\p{Cc}]/u.test(no)) problems.push({ column: 'externalNo', message: textOf(key('number_chars')) });
  if (!v.request) problems.push({ column: 'request', message: textOf(key('no_request')) });
}

function checkTimes(
  v: Values,
  options: RowOptions,
  problems: RowProblem[],
): { received: ParsedInstant | null; replyDate: string | undefined } {
  const rawReceived = v.receivedAt ?? '';
  const received = rawReceived ? parseInstant(rawReceived) : null;
  if (!rawReceived) problems.push({ column: 'receivedAt', message: textOf(key('no_received')) });
  else if (!received) problems.push({ column: 'receivedAt', message: textOf(key('received'), { value: rawReceived }) });
  else if (Date.parse(received.iso) > options.now.getTime() + CLOCK_SLACK_MS)
    problems.push({ column: 'receivedAt', message: textOf(key('future'), { value: rawReceived }) });

  const rawReply = v.requiredReplyDate ?? '';
  const reply = rawReply ? parseInstant(rawReply) : null;
  if (rawReply && !reply)
    problems.push({ column: 'requiredReplyDate', message: textOf(key('reply_date'), { value: rawReply }) });
  else if (reply && received && reply.chinaDate < received.chinaDate)
    problems.push({ column: 'requiredReplyDate', message: textOf(key('reply_before_received'), { value: rawReply }) });
  return { received, replyDate: reply?.chinaDate };
}

/** Every problem of one order at once, or the order when there is none. */
export function parseWorkOrder(
  raw: Values,
  options: RowOptions,
): { order: WorkOrderInput; problems: [] } | { order?: undefined; problems: RowProblem[] } {
  const v: Values = {};
  for (const column of workOrderColumns) v[column] = (raw[column] ?? '').trim();
  const problems: RowProblem[] = [];
  checkText(v, problems);
  const { received, replyDate } = checkTimes(v, options, problems);
  const category = categoryOf(v.category ?? '');
  if (!v.category) problems.push({ column: 'category', message: textOf(key('no_category')) });
  else if (!category) problems.push({ column: 'category', message: textOf(key('category'), { value: v.category }) });
  if (problems.length || !received || !category) return { problems };
  return {
    problems: [],
    order: {
      externalNo: v.externalNo!,
      receivedAt: received.iso,
      category,
      subject: v.subject || subjectFrom(v.request!),
      request: v.request!,
      ...(v.callerName ? { callerName: v.callerName } : {}),
      ...(v.callerPhone ? { callerPhone: v.callerPhone } : {}),
      ...(replyDate ? { requiredReplyDate: replyDate } : {}),
    },
  };
}
