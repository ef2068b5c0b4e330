// The statutory holidays of 《全国年节及纪念日放假办法》 Art. 2, by version, against dates worked
// out by hand from each text and the published lunar calendar (docs/domain/working-days.md#versions),
// and the provisional counting of a year without a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { measuresVersion, noticeYearsDue, statutoryHolidays } from './statutory.ts';

const table = (year: number) => statutoryHolidays(year).map((r) => `${r.date.slice(5)} ${r.name}`);

test('the version in force follows the decrees’ effective dates', () => {
  assert.equal(measuresVersion(2007)?.text, '1999');
  assert.equal(measuresVersion(2008)?.text, '2007');
  assert.equal(measuresVersion(2013)?.text, '2007');
  assert.equal(measuresVersion(2014)?.text, '2013');
  assert.equal(measuresVersion(2024)?.text, '2013');
  assert.equal(measuresVersion(2025)?.text, '2024');
  assert.equal(measuresVersion(1999), null, 'the first whole year of the 1999 text is 2000');
  assert.equal(measuresVersion(2100), null);
  assert.deepEqual(statutoryHolidays(2100), []);
});

test('1999 text (2005): 元旦 1, 春节 初一–初三, 劳动节 and 国庆 3 days each', () => {
  // 2005 春节: 正月初一 = Wed 2/9.
  assert.deepEqual(table(2005), [
    '01-01 元旦',
    '02-09 春节',
    '02-10 春节',
    '02-11 春节',
    '05-01 劳动节',
    '05-02 劳动节',
    '05-03 劳动节',
    '10-01 国庆节',
    '10-02 国庆节',
    '10-03 国庆节',
  ]);
});

test('2007 text (2010): 春节 from 除夕, 清明 端午 中秋 one day, 劳动节 one day', () => {
  // 2010: 初一 Sun 2/14 (除夕 2/13), 清明 4/5, 端午 6/16, 中秋 9/22.
  assert.deepEqual(table(2010), [
    '01-01 元旦',
    '02-13 春节',
    '02-14 春节',
    '02-15 春节',
    '04-05 清明节',
    '05-01 劳动节',
    '06-16 端午节',
    '09-22 中秋节',
    '10-01 国庆节',
    '10-02 国庆节',
    '10-03 国庆节',
  ]);
});

test('2013 text (2024): 春节 初一–初三, eleven days', () => {
  // 2024: 初一 Sat 2/10, 清明 4/4, 端午 6/10, 中秋 9/17; 除夕 2/9 is not a statutory day.
  assert.deepEqual(table(2024), [
    '01-01 元旦',
    '02-10 春节',
    '02-11 春节',
    '02-12 春节',
    '04-04 清明节',
    '05-01 劳动节',
    '06-10 端午节',
    '09-17 中秋节',
    '10-01 国庆节',
    '10-02 国庆节',
    '10-03 国庆节',
  ]);
});

test('2020: 中秋 falls on 1 October and is listed once', () => {
  const days = statutoryHolidays(2020);
  assert.equal(days.length, 10);
  assert.deepEqual(
    days.filter((r) => r.date.startsWith('2020-10')).map((r) => `${r.date.slice(5)} ${r.name}`),
    ['10-01 中秋节', '10-02 国庆节', '10-03 国庆节'],
  );
});

test('2024 text (2025, 2027): 春节 four days from 除夕, 劳动节 two, thirteen days', () => {
  // 2025: 除夕 Tue 1/28, 清明 4/4, 端午 5/31, 中秋 10/6.
  assert.deepEqual(table(2025), [
    '01-01 元旦',
    '01-28 春节',
    '01-29 春节',
    '01-30 春节',
    '01-31 春节',
    '04-04 清明节',
    '05-01 劳动节',
    '05-02 劳动节',
    '05-31 端午节',
    '10-01 国庆节',
    '10-02 国庆节',
    '10-03 国庆节',
    '10-06 中秋节',
  ]);
  // 2027: 除夕 Fri 2/5 (初一 Sat 2/6), 清明 Mon 4/5, 端午 Wed 6/9, 中秋 Wed 9/15.
  assert.deepEqual(table(2027), [
    '01-01 元旦',
    '02-05 春节',
    '02-06 春节',
    '02-07 春节',
    '02-08 春节',
    '04-05 清明节',
    '05-01 劳动节',
    '05-02 劳动节',
    '06-09 端午节',
    '09-15 中秋节',
    '10-01 国庆节',
    '10-02 国庆节',
    '10-03 国庆节',
  ]);
});

test('every statutory day of a year with a notice is a day off in that notice (2008–2026)', () => {
  // A cross-check of the derivation against the vendored notices: a notice may add days, never
  // drop a statutory one (Art. 6 moves a weekend holiday to a weekday, so that one is skipped).
  const notices = defaultCalendar();
  for (let year = 2008; year <= 2026; year++) {
    for (const day of statutoryHolidays(year)) {
      const weekend = [0, 6].includes(new Date(`${day.date}T00:00:00Z`).getUTCDay());
      if (!weekend) assert.equal(notices.isWorkday(day.date), false, `${year}: ${day.date} ${day.name}`);
    }
  }
});

test('a year without a notice counts on its statutory days, and says so', () => {
  const notices = defaultCalendar();
  const calendar = new WorkingDayCalendar(
    notices.rows(),
    notices.coveredYears().map((y) => notices.coverage(y).source!),
    statutoryHolidays,
  );
  // Received Mon 2026-12-07: Dec 8–11 (1–4), 14–18 (5–9), 21–25 (10–14), 28–31 (15–18), Fri 1/1 元旦 off,
  // Mon 1/4 (19), Tue 1/5 (20).
  assert.equal(calendar.addWorkingDays('2026-12-07', 20), '2027-01-05');
  assert.equal(notices.addWorkingDays('2026-12-07', 20), '2027-01-04', 'plain Monday–Friday, as before');
  assert.deepEqual(calendar.uncoveredYears('2026-12-07', '2027-01-05'), [2027]);
  assert.equal(calendar.isProvisional(2027), true);
  assert.equal(calendar.isProvisional(2026), false);
  assert.match(calendar.coverage(2027).warning!, /provisionally on its statutory holidays/);
  // Years with a notice are untouched: 2026 春节 as the notice has it.
  assert.equal(calendar.addWorkingDays('2026-02-10', 20), '2026-03-16');
});

test('the administrator is reminded from 1 November until next year’s notice is loaded', () => {
  const loaded = (years: number[]) => (y: number) => years.includes(y);
  assert.deepEqual(noticeYearsDue('2026-10-31', loaded([2026])), []);
  assert.deepEqual(noticeYearsDue('2026-11-01', loaded([2026])), [2027]);
  assert.deepEqual(noticeYearsDue('2026-12-07', loaded([2026])), [2027]);
  assert.deepEqual(noticeYearsDue('2026-12-07', loaded([2026, 2027])), []);
  assert.deepEqual(noticeYearsDue('2027-01-22', loaded([2026])), [2027], 'still missing in the new year');
  assert.deepEqual(noticeYearsDue('2027-06-01', loaded([2026, 2027])), []);
});
