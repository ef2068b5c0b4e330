// The editable texts of the notices (告知书模板): which templates exist, the placeholders each may
// use, the built-in wording they are first seeded with, the check an edited text must pass, and
// filling a template with a case's values. Pure: no database, no HTTP.
//
// A template is a title and a body of plain text; each line of the body is a paragraph of the
// notice. {{name}} marks a placeholder. Values are plain text: the DOCX writer puts them in text
// runs and the HTML view escapes them, so neither a template nor a value can carry markup.
import { issue, type ValidationIssue } from '../../../platform/errors.ts';
import { OUTCOMES, type OutcomeCode, type ReplyTemplateKind } from '../outcome.ts';

/** The reply notice kinds that have a template ('termination' is split by its reason). */
const REPLY_KINDS = [
  'disclosure',
  'already_disclosed',
  'partial_disclosure',
  'non_disclosure',
  'other_procedure',
  'not_exist',
  'not_this_agency',
  'no_creation',
  'unclear_after_correction',
  'not_an_application',
  'duplicate',
  'publication',
  'excessive_requests',
  'not_processed',
  'no_correction',
  'fee_unpaid',
  'general',
] as const;

export const TEMPLATE_KEYS = [
  ...REPLY_KINDS.map((k) => `reply.${k}` as const),
  'correction',
  'extension',
  'delay',
  'consultation.third_party',
  'consultation.agency',
  'fee',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** The reply template of an outcome: its notice kind (outcome.ts), the two endings of Art. 30 and
 *  of the fee measure by their own text. */
export function replyTemplateKey(outcome: OutcomeCode, alreadyPublic = false): TemplateKey {
  // Art. 36(一): information already made public is answered by saying where it is.
  if (outcome === 'disclosed' && alreadyPublic) return 'reply.already_disclosed';
  if (outcome === 'other_no_correction') return 'reply.no_correction';
  if (outcome === 'other_fee_unpaid') return 'reply.fee_unpaid';
  const kind: ReplyTemplateKind = OUTCOMES[outcome].templates[0];
  return kind === 'termination' ? 'reply.general' : (`reply.${kind}` as TemplateKey);
}

const COMMON = [
  'applicant_name',
  'tracking_code',
  'received_date',
  'description',
  'agency_name',
  'notice_date',
] as const;

export const PLACEHOLDERS = [
  ...COMMON,
  'summary',
  'redaction_notes',
  'catalog_items',
  'legal_basis',
  'remedies',
  'correction_note',
  'correct_by',
  'extension_days',
  'extension_reason',
  'new_due_date',
  'extension_article',
  'delay_reason',
  'reply_by',
  'fee_method',
  'fee_amount',
  'fee_breakdown',
  'pay_by',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Which placeholders each template may use. */
export function placeholdersFor(key: TemplateKey): readonly Placeholder[] {
  if (key === 'reply.partial_disclosure') return [...COMMON, 'summary', 'redaction_notes', 'legal_basis', 'remedies'];
  if (key === 'reply.already_disclosed') return [...COMMON, 'summary', 'catalog_items', 'legal_basis', 'remedies'];
  if (key.startsWith('reply.')) return [...COMMON, 'summary', 'legal_basis', 'remedies'];
  switch (key) {
    case 'correction':
      return [...COMMON, 'correction_note', 'correct_by'];
    case 'extension':
      return [...COMMON, 'extension_days', 'extension_reason', 'new_due_date', 'extension_article'];
    case 'delay':
      return [...COMMON, 'delay_reason', 'new_due_date'];
    case 'consultation.third_party':
    case 'consultation.agency':
      return [...COMMON, 'reply_by'];
    case 'fee':
      return [...COMMON, 'fee_method', 'fee_amount', 'fee_breakdown', 'pay_by'];
    default:
      return COMMON;
  }
}

/** Placeholders a template cannot leave out: a reply notice must state its legal basis and the
 *  applicant's remedies (the issue's item 5; Arts. 36–39 and the Administrative Reconsideration
 *  and Litigation Laws), a correction request what to correct and by when (Art. 30). */
export function requiredPlaceholders(key: TemplateKey): readonly Placeholder[] {
  if (key.startsWith('reply.')) return ['legal_basis', 'remedies'];
  if (key === 'correction') return ['correction_note', 'correct_by'];
  if (key === 'extension') return ['extension_days', 'extension_reason'];
  // Art. 35: the applicant must be told the period (“确定延迟答复的合理期限并告知申请人”).
  if (key === 'delay') return ['new_due_date'];
  if (key === 'fee') return ['fee_amount', 'pay_by'];
  return [];
}

export interface TemplateText {
  readonly title: string;
  readonly body: string;
}

export const MAX_TITLE = 100;
export const MAX_BODY = 8000;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(TOKEN)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** Every problem of an edited template at once, in Chinese and English. */
export function checkTemplate(key: TemplateKey, text: { title: string; body: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const allowed = placeholdersFor(key) as readonly string[];
  for (const [field, value, max] of [
    ['title', text.title, MAX_TITLE],
    ['body', text.body, MAX_BODY],
  ] as const) {
    if (!value.trim()) {
      issues.push(
        issue(
          field,
          field === 'title' ? 'notice_templates.error.title_required' : 'notice_templates.error.body_required',
        ),
      );
      continue;
    }
    if ([...value].length > max) issues.push(issue(field, 'notice_templates.error.too_long', { max }));
    // Braces left after taking out the well-formed placeholders are a typing mistake.
    const rest = value.replace(TOKEN, '');
    if (/\{\{|\}\}/.test(rest)) issues.push(issue(field, 'notice_templates.error.unbalanced'));
    const unknown = placeholdersIn(value).filter((n) => !allowed.includes(n));
    if (unknown.length)
      issues.push(
        issue(field, 'notice_templates.error.unknown_placeholder', {
          names: unknown.map((n) => `{{${n}}}`).join('、'),
          allowed: allowed.map((n) => `{{${n}}}`).join(' '),
        }),
      );
  }
  if (text.title.includes('\n')) issues.push(issue('title', 'notice_templates.error.title_one_line'));
  const used = new Set([...placeholdersIn(text.title), ...placeholdersIn(text.body)]);
  const missing = requiredPlaceholders(key).filter((p) => !used.has(p));
  if (missing.length)
    issues.push(
      issue('body', 'notice_templates.error.missing_placeholder', { names: missing.map((n) => `{{${n}}}`).join('、') }),
    );
  return issues;
}

/** Line endings as typed in a browser (CRLF) stored as LF; trailing spaces of lines dropped. */
export function normaliseTemplateText(raw: unknown): string {
  return typeof raw === 'string'
    ? raw
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+$/gm, '')
        .trim()
    : '';
}

export type TemplateValues = Partial<Record<Placeholder, string>>;

/** The title and the paragraphs of a notice: every placeholder replaced by its value as plain
 *  text (a value with line breaks, such as the fee breakdown, gives several paragraphs); a
 *  placeholder without a value becomes empty. Empty lines, and lines whose placeholders are all
 *  empty, are dropped. */
export function fillTemplate(template: TemplateText, values: TemplateValues): { title: string; paragraphs: string[] } {
  const fill = (text: string) => text.replace(TOKEN, (_, name: string) => values[name as Placeholder] ?? '');
  // A line whose placeholders are all empty (“具体情况：” without a summary) is left out whole, so
  // no label stands before nothing.
  const paragraphs = template.body
    .split('\n')
    .filter((line) => {
      const names = placeholdersIn(line);
      return !names.length || names.some((n) => values[n as Placeholder]);
    })
    .flatMap((line) => fill(line).split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    title: fill(template.title)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    paragraphs,
  };
}
