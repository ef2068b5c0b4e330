// Provisional dates (docs/domain/working-days.md#provisional): a date counted through a year whose
// State Council notice is not loaded is stored with those years and printed with a note wherever
// it is shown, until the notice is loaded and the date is recomputed.
import { defineMessages, translate, type Locale } from '../../platform/i18n/i18n.ts';

export const provisionalMessages = defineMessages({
  'calendar.provisional.note': {
    zh: '（暂按法定节假日计算，待国务院{years}年放假安排公布后确认）',
    en: ' (provisional: counted on the statutory holidays only, to be confirmed once the State Council’s holiday arrangements for {years} are published)',
  },
});

interface Uncovered {
  uncoveredYears?(from: string, to: string): number[];
}

/** The stored form: the years without a notice that counting from `from` to `due` went through
 *  ("2027", "2027,2028"), or null when the date is final. */
export function provisionalYearsText(calendar: Uncovered, from: string, due: string | null): string | null {
  if (!due || !calendar.uncoveredYears) return null;
  return storedYears(calendar.uncoveredYears(from, due));
}

export function storedYears(years: readonly number[]): string | null {
  return years.length ? [...years].sort((a, b) => a - b).join(',') : null;
}

export function parseProvisionalYears(text: string | null | undefined): number[] {
  if (!text) return [];
  return text
    .split(',')
    .map((y) => Number(y.trim()))
    .filter((y) => Number.isInteger(y) && y > 0);
}

/** The note after a provisional date, in the page's or the notice's language; '' when final. */
export function provisionalNote(locale: Locale, stored: string | null | undefined): string {
  const years = parseProvisionalYears(stored);
  if (years.length === 0) return '';
  return translate(locale, 'calendar.provisional.note', { years: years.join(locale === 'en' ? ', ' : '、') });
}
