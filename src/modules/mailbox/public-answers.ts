// Public answers (留言选登) in the portal's 互动交流 column, and the column's interaction figures.
// Two rules decide what a reader may see (docs/domain/mailbox-and-hotline.md#mayors-mailbox):
// only a letter whose writer consented is ever shown, and a published letter goes through the same
// personal-data guard as any published item — on the letter and on the reply, because a reply
// quotes the letter. The writer's name is shown only when the writer asked for it; otherwise it is
// struck from both texts too, since writers sign their letters and replies greet them by name
// (docs/domain/mailbox-and-hotline.md#letters-on-the-portal).
import { maskText, scanText } from '../../platform/pii/scanner.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';

/** What replaces a struck-out name: the usual mark of an omitted name in Chinese public texts. */
export const NAME_MARK = '×××';

/** The guarded text of a published letter or reply: personal data masked, the name struck unless published. */
export function guardPublicText(text: string, writerName: string | null, publishName: boolean): string {
  const name = writerName?.trim();
  // Struck before the scan, so a name glued to a number cannot shift what the scan finds.
  const named = name && !publishName ? text.split(name).join(NAME_MARK) : text;
  return maskText(named, scanText(named));
}

/** The name shown beside a published letter: the writer's, only on request and only with consent. */
export function publicWriterName(row: {
  readonly consent: boolean;
  readonly publishName: boolean;
  readonly writerName: string | null;
}): string | null {
  return row.consent && row.publishName && row.writerName?.trim() ? row.writerName.trim() : null;
}

/** A letter as the indicators count it: when it came, and when (if ever) it was answered. */
export interface CountedLetter {
  readonly receivedOn: string;
  readonly repliedOn: string | null;
}

export interface InteractionIndicators {
  readonly received: number;
  readonly answered: number;
  /** Mean working days from receipt to reply, one decimal; null with nothing answered. */
  readonly averageWorkingDays: number | null;
  /** Letters of the year before `today` left unanswered for more than three months. */
  readonly unansweredOverThreeMonths: number;
}

/**
 * The website's interaction figures for one agency, over the year before `today` — the window
 * the inspection looks at: “监测时间点前1年内…存在超过3个月未回应有效留言”
 * (docs/domain/websites.md#veto-interaction). A letter counts as unanswered over three months when
 * it was received more than three months before `today` and had no reply within those three
 * months (answered late still counts: the inspection found it unanswered at the time).
 */
export function interactionIndicators(
  letters: readonly CountedLetter[],
  today: string,
  calendar: WorkingDayCalendar,
): InteractionIndicators {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const inYear = letters.filter((l) => l.receivedOn > yearAgo && l.receivedOn <= today);
  const answered = inYear.filter((l) => l.repliedOn !== null && l.repliedOn <= today);
  const days = answered.map((l) => calendar.workingDaysBetween(l.receivedOn, l.repliedOn!));
  const overdue = inYear.filter((l) => {
    const threeMonthsOn = addThreeMonths(l.receivedOn);
    return threeMonthsOn < today && (l.repliedOn === null || l.repliedOn > threeMonthsOn);
  });
  return {
    received: inYear.length,
    answered: answered.length,
    averageWorkingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    unansweredOverThreeMonths: overdue.length,
  };
}

/** The date three months after a receipt date (the 31st of a shorter month clamps to its end). */
export function addThreeMonths(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m + 3;
  const year = month > 12 ? y + 1 : y;
  const mm = month > 12 ? month - 12 : month;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
