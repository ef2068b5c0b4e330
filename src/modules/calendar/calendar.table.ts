import type { Generated, Selectable } from 'kysely';

export interface CalendarNoticeTable {
  id: Generated<number>;
  year: number;
  /** 'annual' for the yearly notice, 'amendment' for an ad-hoc change (e.g. the 2020 春节 extension). */
  kind: string;
  title: string;
  url: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CalendarDayTable {
  date: string;
  is_off_day: number;
  name: string;
  notice_id: number;
}

export type CalendarNoticeRow = Selectable<CalendarNoticeTable>;
export type CalendarDayRow = Selectable<CalendarDayTable>;
