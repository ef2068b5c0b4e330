// The list of common and breached passwords that zxcvbn-ts maintains (@zxcvbn-ts/language-common,
// "passwords-common": about 30,000 entries, lower-case, most frequent first). The character-class
// rule alone lets "Password123!" through; this list does not.
// Required on first use (a password set or checked), not at start: loading it costs ~0.05 s of CPU.
import { createRequire } from 'node:module';
import type { dictionary } from '@zxcvbn-ts/language-common';

const require = createRequire(import.meta.url);
let common: Set<string> | undefined;

function list(): Set<string> {
  common ??= new Set(
    (require('@zxcvbn-ts/language-common') as { dictionary: typeof dictionary }).dictionary['passwords-common'],
  );
  return common;
}

/** The password itself, or its word once the digits and symbols around it are taken off
 *  ("Qwerty2026!" → "qwerty"; the usual way people meet the class rule), is on the list. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  if (list().has(lower)) return true;
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  return core.length >= 4 && core !== lower && list().has(core);
}
