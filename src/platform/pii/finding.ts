// The kinds of personal data the scanner finds and the shape of a finding (scanner.ts re-exports
// them; mask.ts uses them without importing the scanner, which imports mask.ts).

export type PiiKind = 'resident_id' | 'resident_id_15' | 'mobile' | 'bank_card' | 'credit_code' | 'passport' | 'email';

export const PII_KINDS: readonly PiiKind[] = [
  'resident_id',
  'resident_id_15',
  'mobile',
  'bank_card',
  'credit_code',
  'passport',
  'email',
];

export interface Finding {
  readonly kind: PiiKind;
  /** UTF-16 offsets into the scanned text; [start, end) covers separators and a +86 prefix too. */
  readonly start: number;
  readonly end: number;
  /** 1-based line of start. */
  readonly line: number;
  /** Canonical form: ASCII, no separators, upper-case X; a mobile without its country prefix. */
  readonly value: string;
  /** text.slice(start, end) with the hidden characters replaced by '*'. Same length as the span, so
   *  splicing it in keeps every other offset valid. */
  readonly masked: string;
}
