// The note printed right after a provisional date on every page that shows one.
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { provisionalNote } from '../provisional.ts';

export function ProvisionalNote(props: { locale: Locale; years: string | null | undefined }) {
  const note = provisionalNote(props.locale, props.years);
  if (!note) return null;
  return (
    <span class="provisional-note" data-provisional={props.years ?? ''}>
      {note}
    </span>
  );
}
