// Reads an HTML form (or a JSON body) against a declared list of fields and returns either
// clean values or every problem at once, each with its message in both languages. Forms and
// the API share these declarations, so the same input is judged the same way everywhere.
import { issue, ValidationError, type ValidationIssue } from './errors.ts';
import { translate } from './i18n/i18n.ts';

export type FieldKind = 'text' | 'date' | 'int' | 'email' | 'phone' | 'postcode' | 'choice' | 'code';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Message key of the field's label, used inside error messages. */
  readonly label: string;
  readonly required?: boolean;
  readonly max?: number;
  readonly choices?: readonly string[];
}

export type FormSpec = Record<string, FieldSpec>;

export type FormValues<S extends FormSpec> = {
  [K in keyof S]: S[K]['kind'] extends 'int' ? number | null : string | null;
};

const PATTERNS: Partial<Record<FieldKind, RegExp>> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  // Office numbers: area code and number, optional extension; mobiles; full-width digits are normalised first.
  phone: /^(\+?86[- ]?)?(0\d{2,3}[- ]?\d{7,8}([- ]?\d{1,6})?|1[3-9]\d{9}|\d{3,4}[- ]\d{4}|12345)$/,
  postcode: /^\d{6}$/,
  code: /^[a-z][a-z0-9-]{1,39}$/,
  int: /^-?\d{1,9}$/,
};

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function normalise(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  const text = Array.isArray(raw) ? String(raw[0] ?? '') : String(raw);
  // Full-width digits and letters typed with a Chinese IME are accepted as their ASCII forms.
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
}

export function readForm<S extends FormSpec>(
  spec: S,
  body: unknown,
): { values: FormValues<S>; issues: ValidationIssue[] } {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string | number | null> = {};
  const issues: ValidationIssue[] = [];
  for (const [name, field] of Object.entries(spec)) {
    const value = normalise(source[name]);
    const labelBoth = (key: string, extra: Record<string, string | number> = {}) => {
      const zh = translate('zh-CN', key, { label: translate('zh-CN', field.label), ...extra });
      const en = translate('en', key, { label: translate('en', field.label), ...extra });
      return { field: name, message: { zh, en } };
    };
    if (value === '') {
      values[name] = null;
      if (field.required) issues.push(labelBoth('field.required'));
      continue;
    }
    const max = field.max ?? (field.kind === 'text' ? 200 : 100);
    if (value.length > max) {
      issues.push(labelBoth('field.too_long', { max }));
      values[name] = value;
      continue;
    }
    if (field.kind === 'choice' && !(field.choices ?? []).includes(value)) {
      issues.push(labelBoth('field.invalid_choice'));
    } else if (field.kind === 'date' && !isRealDate(value)) {
      issues.push(labelBoth('field.invalid_date'));
    } else if (PATTERNS[field.kind] && !PATTERNS[field.kind]!.test(value)) {
      issues.push(labelBoth('field.invalid_format'));
    }
    values[name] = field.kind === 'int' && PATTERNS.int!.test(value) ? Number(value) : value;
  }
  return { values: values as FormValues<S>, issues };
}

/** Throws the issues as one ValidationError (for the API); forms re-render with them instead. */
export function assertValid(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}

export { issue };
