// Golden dates for the working-day calendar. Every expectation below was counted by hand on a
// printed calendar from the holiday tables in docs/domain/working-days.md#yearly-notice (and, for 2008/2012, the
// notices quoted in chinese-days' generate.ts) — never by calling the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingDayCalendar, CalendarDataError } from './calendar.ts';
import {
  defaultCalendar,
  holidayRows,
  holidaySources,
  loadHolidayFile,
  parseHolidayFile,
  serializeHolidayFile,
} from './calendar-data.ts';
import { InvalidDateError, addDays, parseDate, weekday, daysBetween, isWeekend } from './dates.ts';

const cal = defaultCalendar();

// [start, working days, expected, how it was counted]
const golden: [string, number, string, string][] = [
  ['2026-03-02', 1, '2026-03-03', 'Mon → Tue'],
  ['2026-03-06', 1, '2026-03-09', 'Fri → skip Sat 3/7, Sun 3/8 → Mon'],
  ['2026-03-07', 1, '2026-03-09', 'start on Saturday → Mon'],
  ['2026-03-08', 1, '2026-03-09', 'start on Sunday → Mon'],
  ['2026-03-06', 5, '2026-03-13', 'Fri → Mon 3/9 … Fri 3/13'],
  ['2026-03-02', 20, '2026-03-30', 'March 2026 has no holiday: 3/3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), 30 (20)'],
  ['2026-02-13', 1, '2026-02-14', '春节 2026: make-up Saturday 2/14 is the 1st'],
  ['2026-02-13', 2, '2026-02-24', '2/14 (1), 2/15–2/23 off, Tue 2/24 (2)'],
  [
    '2026-02-12',
    20,
    '2026-03-18',
    '2/13 (1), 2/14 Sat (2), 2/24–27 (6), 2/28 Sat (7), 3/2–6 (12), 3/9–13 (17), 3/16–18 (20)',
  ],
  ['2026-02-16', 1, '2026-02-24', 'start inside 春节 → first day after 2/23'],
  ['2026-02-27', 1, '2026-02-28', 'make-up Saturday 2/28'],
  ['2026-02-27', 2, '2026-03-02', '2/28 (1), Sun 3/1 skipped, Mon 3/2 (2)'],
  ['2025-01-24', 1, '2025-01-26', '春节 2025: Sat 1/25 skipped, make-up Sunday 1/26'],
  ['2025-01-24', 3, '2025-02-05', '1/26 (1), Mon 1/27 (2), 1/28–2/4 off, Wed 2/5 (3)'],
  ['2025-02-07', 1, '2025-02-08', 'make-up Saturday 2/8'],
  ['2025-01-27', 15, '2025-02-24', '2/5–7 (3), 2/8 Sat (4), 2/10–14 (9), 2/17–21 (14), 2/24 (15)'],
  ['2025-09-26', 1, '2025-09-28', '国庆+中秋 2025: Sat 9/27 skipped, make-up Sunday 9/28'],
  ['2025-09-26', 4, '2025-10-09', '9/28 (1), 9/29 (2), 9/30 (3), 10/1–10/8 off, Thu 10/9 (4)'],
  ['2025-09-30', 3, '2025-10-11', '10/9 (1), 10/10 (2), make-up Saturday 10/11 (3)'],
  ['2025-09-30', 20, '2025-11-04', '10/9–11 (3), 10/13–17 (8), 10/20–24 (13), 10/27–31 (18), 11/3 (19), 11/4 (20)'],
  ['2026-09-18', 1, '2026-09-20', '国庆 2026: Sat 9/19 skipped, make-up Sunday 9/20'],
  ['2026-09-24', 2, '2026-09-29', '中秋 9/25–27 off, Mon 9/28 (1), Tue 9/29 (2)'],
  ['2026-09-30', 2, '2026-10-09', '10/1–10/7 off, Thu 10/8 (1), Fri 10/9 (2)'],
  ['2026-09-30', 3, '2026-10-10', '… make-up Saturday 10/10 (3)'],
  ['2025-12-31', 1, '2026-01-04', '元旦 2026: 1/1–1/3 off, make-up Sunday 1/4'],
  ['2025-12-30', 3, '2026-01-05', '12/31 (1), 1/4 Sun (2), Mon 1/5 (3)'],
  ['2025-12-26', 5, '2026-01-05', '12/29 (1), 12/30 (2), 12/31 (3), 1/4 (4), 1/5 (5)'],
  ['2026-04-30', 1, '2026-05-06', '劳动节 2026: 5/1–5/5 off → Wed 5/6'],
  ['2026-04-30', 4, '2026-05-09', '5/6 (1), 5/7 (2), 5/8 (3), make-up Saturday 5/9 (4)'],
  ['2026-05-08', 1, '2026-05-09', 'Fri → make-up Saturday 5/9'],
  ['2026-04-03', 1, '2026-04-07', '清明 2026: 4/4–4/6 off → Tue 4/7'],
  ['2008-04-30', 1, '2008-05-04', '劳动节 2008: 5/1–5/3 off, make-up Sunday 5/4'],
  ['2008-05-01', 15, '2008-05-22', '5/4 Sun (1), 5/5–9 (6), 5/12–16 (11), 5/19–22 (15)'],
  ['2008-09-26', 2, '2008-09-28', '国庆 2008: make-up Sat 9/27 (1) and Sun 9/28 (2)'],
  ['2008-09-26', 3, '2008-10-06', '9/29–10/5 off → Mon 10/6 (3)'],
  ['2008-09-12', 1, '2008-09-16', '中秋 2008: 9/13–9/15 off → Tue 9/16'],
  ['2012-01-20', 1, '2012-01-21', '春节 2012: make-up Saturday 1/21'],
  ['2012-01-20', 2, '2012-01-29', '1/22–1/28 off, make-up Sunday 1/29 (2)'],
  ['2012-09-28', 2, '2012-10-08', '9/29 Sat make-up (1), 9/30–10/7 off, Mon 10/8 (2)'],
  ['2011-12-30', 1, '2011-12-31', 'the 2012 notice makes Sat 2011-12-31 a working day'],
  ['2011-12-31', 1, '2012-01-04', '元旦 2012: 1/1–1/3 off → Wed 1/4'],
  ['2030-01-01', 1, '2030-01-02', 'no notice for 2030: plain Mon–Fri, Tue → Wed'],
];

test('golden dates: addWorkingDays counts from the day after the start', () => {
  assert.ok(golden.length >= 25);
  for (const [start, n, expected, how] of golden) {
    assert.equal(cal.addWorkingDays(start, n), expected, `${start} + ${n} WD (${how})`);
  }
});

test('golden dates are consistent with workingDaysBetween (a, b]', () => {
  for (const [start, n, expected] of golden) {
    assert.equal(cal.workingDaysBetween(start, expected), n, `${start} → ${expected}`);
  }
});

test('countStartDay counts the start day when it is a working day', () => {
  assert.equal(cal.addWorkingDays('2026-03-02', 1, { countStartDay: true }), '2026-03-02');
  assert.equal(cal.addWorkingDays('2026-02-14', 1, { countStartDay: true }), '2026-02-14', 'make-up Saturday');
  assert.equal(
    cal.addWorkingDays('2026-02-15', 1, { countStartDay: true }),
    '2026-02-24',
    'holiday start is not counted',
  );
  assert.equal(cal.addWorkingDays('2026-03-02', 20, { countStartDay: true }), '2026-03-27');
  assert.equal(cal.addWorkingDays('2026-03-02', 0), '2026-03-02');
});

test('workingDaysBetween: sign and edge cases', () => {
  assert.equal(cal.workingDaysBetween('2026-02-13', '2026-02-24'), 2);
  assert.equal(cal.workingDaysBetween('2026-02-24', '2026-02-13'), -2);
  assert.equal(cal.workingDaysBetween('2026-02-13', '2026-02-13'), 0);
  assert.equal(cal.workingDaysBetween('2026-02-14', '2026-02-23'), 0, 'only holidays after the make-up day');
  assert.equal(cal.workingDaysBetween('2025-09-30', '2025-10-11'), 3);
});

test('isWorkday and dayInfo, including amendments and ad-hoc notices', () => {
  const cases: [string, boolean, string, string?][] = [
    ['2026-02-14', true, 'makeup_workday', '春节'],
    ['2026-02-15', false, 'holiday', '春节'],
    ['2026-03-07', false, 'weekend'],
    ['2026-03-09', true, 'workday'],
    ['2026-01-04', true, 'makeup_workday', '元旦'],
    ['2025-10-06', false, 'holiday'],
    ['2015-09-03', false, 'holiday'], // 抗战胜利70周年 (国务院 2015-05-13)
    ['2015-09-04', false, 'holiday'],
    ['2015-09-06', true, 'makeup_workday'],
    ['2019-05-02', false, 'holiday'], // 2019 劳动节 amended on 2019-03-22
    ['2019-05-05', true, 'makeup_workday'],
    ['2020-01-31', false, 'holiday'], // 春节 extended to 2/2 on 2020-01-26
    ['2020-02-01', false, 'holiday'], // was a make-up Saturday before the extension
    ['2020-02-03', true, 'workday'],
  ];
  for (const [date, isWorkday, reason, name] of cases) {
    const info = cal.dayInfo(date);
    assert.equal(info.isWorkday, isWorkday, date);
    assert.equal(cal.isWorkday(date), isWorkday, date);
    assert.equal(info.reason, reason, date);
    if (name) assert.equal(info.holidayName, name, date);
  }
});

test('explainWorkingDays lists every day with its reason', () => {
  const days = cal.explainWorkingDays('2026-02-13', 2);
  assert.equal(days.length, 11);
  assert.deepEqual(days[0], {
    date: '2026-02-14',
    counted: true,
    ordinal: 1,
    reason: 'makeup_workday',
    holidayName: '春节',
  });
  for (const d of days.slice(1, 10)) {
    assert.equal(d.counted, false);
    assert.equal(d.reason, 'holiday');
    assert.equal(d.holidayName, '春节');
  }
  assert.deepEqual(days[10], { date: '2026-02-24', counted: true, ordinal: 2, reason: 'workday' });
  const weekend = cal.explainWorkingDays('2026-03-06', 1);
  assert.deepEqual(
    weekend.map((d) => [d.date, d.reason, d.counted]),
    [
      ['2026-03-07', 'weekend', false],
      ['2026-03-08', 'weekend', false],
      ['2026-03-09', 'workday', true],
    ],
  );
});

// Transcribed from docs/domain/working-days.md#table-2025 and docs/domain/working-days.md#table-2026, then compared
// with the vendored file.
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const RULES_TABLES: Record<string, { off: string[]; makeup: string[] }> = {
  '2025': {
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  '2026': {
    off: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

test('vendored 2025 and 2026 data equal the tables in docs/domain/working-days.md', () => {
  const file = loadHolidayFile();
  for (const [year, table] of Object.entries(RULES_TABLES)) {
    const entry = file.years[year]!;
    assert.deepEqual(entry.offDays.map((r) => r[0]).sort(), [...table.off].sort(), `${year} days off`);
    assert.deepEqual(entry.workdays.map((r) => r[0]).sort(), [...table.makeup].sort(), `${year} make-up days`);
    for (const d of table.off) assert.equal(cal.isWorkday(d), false, d);
    for (const d of table.makeup) assert.equal(cal.isWorkday(d), true, d);
  }
  // Day counts printed in the tables: 元旦 2025 1, 春节 2025 8, 国庆+中秋 2025 8; 春节 2026 9, 国庆 2026 7.
  assert.equal(range('2025-01-28', '2025-02-04').length, 8);
  assert.equal(range('2025-10-01', '2025-10-08').length, 8);
  assert.equal(range('2026-02-15', '2026-02-23').length, 9);
});

test('vendored data: every notice year 2008–2026, sane rows', () => {
  const sources = holidaySources();
  assert.deepEqual(
    sources.map((s) => s.year),
    range('2008-01-01', '2026-01-01')
      .filter((d) => d.endsWith('-01-01'))
      .map((d) => Number(d.slice(0, 4))),
  );
  for (const s of sources) {
    assert.equal(s.notice, `国务院办公厅关于${s.year}年部分节假日安排的通知`);
    assert.match(s.url ?? '', /^https?:\/\/www\.gov\.cn\//);
  }
  assert.equal(
    sources.find((s) => s.year === 2020)!.amendments![0]!.notice,
    '国务院办公厅关于延长2020年春节假期的通知',
  );
  const rows = holidayRows();
  assert.equal(new Set(rows.map((r) => r.date)).size, rows.length, 'no date twice');
  for (const r of rows.filter((r) => !r.isOffDay)) assert.ok(isWeekend(r.date), `${r.date} make-up day on a weekend`);
  for (const r of rows) assert.ok(r.date >= '2007-12-29' && r.date <= '2026-12-31', r.date);
});

test('coverage warns for years without a notice', () => {
  assert.equal(cal.coverage(2026).covered, true);
  assert.equal(cal.coverage(2026).source?.notice, '国务院办公厅关于2026年部分节假日安排的通知');
  const c = cal.coverage(2027);
  assert.equal(c.covered, false);
  assert.match(c.warning!, /2027/);
  assert.deepEqual(cal.uncoveredYears('2026-12-20', '2027-01-10'), [2027]);
  assert.deepEqual(cal.uncoveredYears('2025-01-01', '2026-12-31'), []);
});

test('invalid dates throw InvalidDateError with a clear message', () => {
  for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-2-3', '20260203', '', 'today', '2026-00-10']) {
    assert.throws(() => cal.isWorkday(bad), InvalidDateError, bad);
    assert.throws(() => cal.addWorkingDays(bad, 1), InvalidDateError, bad);
  }
  assert.throws(() => parseDate('2026-02-30'), /invalid date "2026-02-30": 2026-02 has 28 days/);
  assert.equal(cal.isWorkday('2024-02-29'), true, 'leap day is valid');
  assert.throws(() => cal.addWorkingDays('2026-03-02', -1), RangeError);
  assert.throws(() => cal.addWorkingDays('2026-03-02', 1.5), RangeError);
});

test('date helpers', () => {
  assert.equal(weekday('2026-02-14'), 6);
  assert.equal(weekday('1970-01-01'), 4);
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(daysBetween('2025-12-31', '2026-01-04'), 4);
});

test('overrides replace days; bad rows are rejected', () => {
  // A hypothetical ad-hoc notice like the 2020 extension: Monday 2026-03-02 becomes a day off.
  const over = cal.withOverrides([{ date: '2026-03-02', isOffDay: true, name: '临时调整' }]);
  assert.equal(over.isWorkday('2026-03-02'), false);
  assert.equal(cal.isWorkday('2026-03-02'), true, 'original untouched');
  assert.equal(over.addWorkingDays('2026-02-27', 2), '2026-03-03');
  assert.throws(() => new WorkingDayCalendar([{ date: '2026-03-03', isOffDay: false, name: 'x' }]), CalendarDataError);
  assert.throws(
    () =>
      new WorkingDayCalendar([
        { date: '2026-03-07', isOffDay: false, name: 'x' },
        { date: '2026-03-07', isOffDay: true, name: 'x' },
      ]),
    CalendarDataError,
  );
});

test('holidays.json parser rejects malformed files and the serializer round-trips', () => {
  assert.throws(() => parseHolidayFile('{'), CalendarDataError);
  assert.throws(
    () => parseHolidayFile('{"years":{"2027":{"notice":"n","offDays":[["2027-02-30","x"]],"workdays":[]}}}'),
    /2027-02-30/,
  );
  const file = loadHolidayFile();
  assert.deepEqual(parseHolidayFile(serializeHolidayFile(file)), file);
});
