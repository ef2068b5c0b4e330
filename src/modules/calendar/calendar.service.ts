// The calendar kept in the database. Start-up seeds every year of the vendored holiday file that
// the database does not have yet; an administrator adds later notices and ad-hoc changes. A
// change notifies the modules whose stored due dates depend on it (applications recompute
// their open cases), inside the same transaction, and says how many it touched.
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso } from '../../platform/clock.ts';
import { ValidationError, issue } from '../../platform/errors.ts';
import { WorkingDayCalendar, CalendarDataError } from '../../platform/calendar/calendar.ts';
import { loadHolidayFile } from '../../platform/calendar/calendar-data.ts';
import { parseNoticeDays, type NoticeKind } from './calendar.ts';
import { calendarFromRows } from './calendar-rows.ts';

export type { CalendarListener } from '../../platform/module.ts';
import type { CalendarListener } from '../../platform/module.ts';
const listeners: CalendarListener[] = [];

/** The composition root registers here the listeners of the modules whose stored dates depend on
 *  the calendar (applications, publishing). */
export function onCalendarChange(listener: CalendarListener): () => void {
  if (!listeners.includes(listener)) listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** How many listeners are registered (for the tests of the wiring). */
export function calendarListenerCount(): number {
  return listeners.length;
}

export async function readCalendar(db: Executor): Promise<WorkingDayCalendar> {
  const [days, notices] = await Promise.all([
    db.selectFrom('calendar_days').selectAll().execute(),
    db.selectFrom('calendar_notices').selectAll().orderBy('id').execute(),
  ]);
  return calendarFromRows(days, notices);
}

// Several app processes share one database: a process re-reads the (small) table at most once a
// minute, and at once after its own changes.
let cache: { at: number; calendar: WorkingDayCalendar; db: Executor } | undefined;
const CACHE_MS = 60_000;

export async function getCalendar(db: Executor): Promise<WorkingDayCalendar> {
  if (cache && cache.db === db && Date.now() - cache.at < CACHE_MS) return cache.calendar;
  const calendar = await readCalendar(db);
  cache = { at: Date.now(), calendar, db };
  return calendar;
}

export function invalidateCalendarCache(): void {
  cache = undefined;
}

async function insertNotice(
  trx: Tx,
  year: number,
  kind: NoticeKind,
  title: string,
  url: string | null,
  note: string | null,
  createdBy: number | null,
): Promise<number> {
  const row = await trx
    .insertInto('calendar_notices')
    .values({ year, kind, title, url, note, created_by: createdBy, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

class NothingChanged extends Error {}

export const calendarService = {
  /** Loads every year of the vendored file that the database lacks. Returns the years added. */
  async seedFromFile(db: Db): Promise<number[]> {
    const file = loadHolidayFile();
    const have = new Set(
      (await db.selectFrom('calendar_notices').select('year').where('kind', '=', 'annual').execute()).map(
        (r) => r.year,
      ),
    );
    const missing = Object.keys(file.years)
      .map(Number)
      .filter((y) => !have.has(y))
      .sort();
    if (missing.length === 0) return [];
    await mutate(db, systemContext, async (trx, audit) => {
      const taken = new Set((await trx.selectFrom('calendar_days').select('date').execute()).map((r) => r.date));
      for (const year of missing) {
        const y = file.years[String(year)]!;
        const noticeId = await insertNotice(trx, year, 'annual', y.notice, y.url ?? null, file.source, null);
        const days = [
          ...y.offDays.map(([date, name]) => ({ date, is_off_day: 1, name, notice_id: noticeId })),
          ...y.workdays.map(([date, name]) => ({ date, is_off_day: 0, name, notice_id: noticeId })),
        ].filter((d) => !taken.has(d.date));
        days.forEach((d) => taken.add(d.date));
        for (let i = 0; i < days.length; i += 200)
          await trx
            .insertInto('calendar_days')
            .values(days.slice(i, i + 200))
            .execute();
      }
      await audit({ action: 'calendar.seed', subjectType: 'calendar', after: { years: missing, source: file.source } });
    });
    invalidateCalendarCache();
    return missing;
  },

  /**
   * Recomputes every stored date that depends on the calendar, in one transaction with an audit
   * event when anything moved. Run at start-up: it brings dates stored by an older release (or
   * before a vendored year was seeded) to the current counting rules, e.g. provisional statutory
   * days for a year without a notice. Running it again changes nothing.
   */
  async recomputeStored(db: Db, reason: string): Promise<number> {
    try {
      return await mutate(db, systemContext, async (trx, audit) => {
        const calendar = await readCalendar(trx);
        let recomputed = 0;
        for (const listener of listeners) recomputed += await listener(trx, calendar, reason);
        if (recomputed === 0) throw new NothingChanged();
        await audit({ action: 'calendar.recompute', subjectType: 'calendar', after: { reason, recomputed } });
        return recomputed;
      });
    } catch (error) {
      if (error instanceof NothingChanged) return 0;
      throw error;
    }
  },

  /** Records a yearly notice or an ad-hoc change. Days it lists replace what the calendar said
   *  for those dates; open cases are recomputed in the same transaction. */
  async addNotice(
    db: Db,
    ctx: AuditContext,
    input: { year: number; kind: NoticeKind; title: string; url: string | null; note: string | null; daysText: string },
  ): Promise<{ noticeId: number; recomputed: number }> {
    const { rows, issues } = parseNoticeDays(input.daysText, input.year);
    if (issues.length) throw new ValidationError(issues);
    const result = await mutate(db, ctx, async (trx, audit) => {
      if (input.kind === 'annual') {
        const exists = await trx
          .selectFrom('calendar_notices')
          .select('id')
          .where('year', '=', input.year)
          .where('kind', '=', 'annual')
          .executeTakeFirst();
        if (exists) throw new ValidationError([issue('kind', 'calendar.error.annual_exists', { year: input.year })]);
      }
      const noticeId = await insertNotice(
        trx,
        input.year,
        input.kind,
        input.title,
        input.url,
        input.note,
        ctx.actorUserId,
      );
      const before = await trx
        .selectFrom('calendar_days')
        .selectAll()
        .where(
          'date',
          'in',
          rows.map((r) => r.date),
        )
        .execute();
      await trx
        .deleteFrom('calendar_days')
        .where(
          'date',
          'in',
          rows.map((r) => r.date),
        )
        .execute();
      await trx
        .insertInto('calendar_days')
        .values(rows.map((r) => ({ date: r.date, is_off_day: r.isOffDay ? 1 : 0, name: r.name, notice_id: noticeId })))
        .execute();
      let calendar: WorkingDayCalendar;
      try {
        calendar = await readCalendar(trx);
      } catch (error) {
        if (error instanceof CalendarDataError)
          throw new ValidationError([issue('days', 'calendar.error.line', { line: 0, text: error.message })]);
        throw error;
      }
      const reason = `${input.kind === 'annual' ? '录入' : '调整'}工作日历：${input.title}`;
      let recomputed = 0;
      for (const listener of listeners) recomputed += await listener(trx, calendar, reason);
      await audit({
        action: input.kind === 'annual' ? 'calendar.notice_add' : 'calendar.amend',
        subjectType: 'calendar',
        subjectId: input.year,
        before,
        after: { title: input.title, url: input.url, days: rows, recomputed },
      });
      return { noticeId, recomputed };
    });
    invalidateCalendarCache();
    return result;
  },
};
