// Regenerates holidays.json from the MIT-licensed npm package chinese-days (vsme/chinese-days),
// so that the platform reads a vendored, reviewable file at run time and never the package.
//
//   node --import tsx src/platform/calendar/generate-holidays.ts [--from 2008] [--to 2026] [--check]
//
// Years already in holidays.json that the package does not cover (an admin added the next
// year's notice by hand before the package caught up) are kept as they are. --check exits 1
// when the file on disk differs from what would be written, for CI.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isWeekend, yearOf } from './dates.ts';
import { serializeHolidayFile, type HolidayFile, type HolidayYear, type NoticeRef } from './calendar-data.ts';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

// Titles of the State Council notices; URLs as recorded in chinese-days' src/holidays/generate.ts.
// Supplementary notices changed a year after its main notice had been published.
const NOTICES: Record<number, { url: string; amendments?: NoticeRef[] }> = {
  2008: { url: 'http://www.gov.cn/zwgk/2007-12/18/content_837184.htm' },
  2009: { url: 'http://www.gov.cn/zwgk/2008-12/10/content_1174014.htm' },
  2010: { url: 'http://www.gov.cn/zwgk/2009-12/08/content_1482691.htm' },
  2011: { url: 'http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm' },
  2012: { url: 'http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm' },
  2013: { url: 'http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm' },
  2014: { url: 'http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm' },
  2015: {
    url: 'http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm',
    amendments: [
      {
        notice: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
        url: 'http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm',
      },
    ],
  },
  2016: { url: 'http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm' },
  2017: { url: 'http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm' },
  2018: { url: 'http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm' },
  2019: {
    url: 'http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm',
    amendments: [
      {
        notice: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        url: 'http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm',
      },
    ],
  },
  2020: {
    url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    amendments: [
      {
        notice: '国务院办公厅关于延长2020年春节假期的通知',
        url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
      },
    ],
  },
  2021: { url: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm' },
  2022: { url: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm' },
  2023: { url: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm' },
  2024: { url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm' },
  2025: { url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm' },
  2026: { url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' },
};

// chinese-days abbreviates some names; the notices use the full ones.
const NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export function noticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/** chinese-days stores "English,中文,n"; we keep the Chinese name. */
function nameOf(raw: string): string {
  const zh = raw.split(',')[1]?.trim() || raw;
  return NAMES[zh] ?? zh;
}

/**
 * The notice for year Y also moves days at the end of December of Y-1 (元旦 bridges), so a
 * December date named 元旦 belongs to the next year's notice.
 */
function noticeYearOf(date: string, name: string): number {
  const year = yearOf(date);
  return date.slice(5, 7) === '12' && name === '元旦' ? year + 1 : year;
}

export function buildFromChineseDays(source: ChineseDaysJson, from: number, to: number): Record<string, HolidayYear> {
  const years: Record<string, HolidayYear> = {};
  const ensure = (year: number): HolidayYear => {
    const key = String(year);
    if (!years[key]) {
      const known = NOTICES[year];
      years[key] = {
        notice: noticeTitle(year),
        ...(known ? { url: known.url } : {}),
        ...(known?.amendments ? { amendments: known.amendments } : {}),
        offDays: [],
        workdays: [],
      };
    }
    return years[key]!;
  };
  const add = (map: Record<string, string>, isOffDay: boolean): void => {
    for (const [date, raw] of Object.entries(map)) {
      const name = nameOf(raw);
      const year = noticeYearOf(date, name);
      if (year < from || year > to) continue;
      if (!isOffDay && !isWeekend(date))
        throw new Error(`chinese-days lists ${date} (a weekday) as a make-up working day`);
      (isOffDay ? ensure(year).offDays : ensure(year).workdays).push([date, name]);
    }
  };
  add(source.holidays, true);
  add(source.workdays, false);
  for (const y of Object.values(years)) {
    y.offDays.sort((a, b) => a[0].localeCompare(b[0]));
    y.workdays.sort((a, b) => a[0].localeCompare(b[0]));
    const off = new Set(y.offDays.map((r) => r[0]));
    const clash = y.workdays.find((r) => off.has(r[0]));
    if (clash) throw new Error(`chinese-days lists ${clash[0]} both as a day off and as a working day`);
  }
  return years;
}

function readChineseDays(): { data: ChineseDaysJson; version: string } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('chinese-days/package.json');
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  const data = JSON.parse(
    readFileSync(new URL('./dist/chinese-days.json', `file://${pkgPath}`), 'utf8'),
  ) as ChineseDaysJson;
  return { data, version };
}

function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function main(argv: string[]): number {
  const from = Number(argValue(argv, '--from') ?? 2008);
  const to = Number(argValue(argv, '--to') ?? 2026);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    process.stderr.write('generate-holidays: --from and --to must be years, from ≤ to\n');
    return 2;
  }
  const outPath = fileURLToPath(new URL('./holidays.json', import.meta.url));
  const { data, version } = readChineseDays();
  const generated = buildFromChineseDays(data, from, to);
  const previous: HolidayFile | undefined = existsSync(outPath)
    ? (JSON.parse(readFileSync(outPath, 'utf8')) as HolidayFile)
    : undefined;
  const years: Record<string, HolidayYear> = { ...generated };
  for (const [year, entry] of Object.entries(previous?.years ?? {})) {
    if (!years[year]) years[year] = entry;
  }
  const file: HolidayFile = {
    source: `chinese-days ${version} (npm; https://github.com/vsme/chinese-days), dist/chinese-days.json`,
    licence: 'MIT, Copyright (c) 2024 Yawei sun',
    years: Object.fromEntries(Object.entries(years).sort(([a], [b]) => Number(a) - Number(b))),
  };
  const text = serializeHolidayFile(file);
  if (argv.includes('--check')) {
    const same = previous !== undefined && readFileSync(outPath, 'utf8') === text;
    process.stdout.write(
      same ? 'holidays.json is up to date\n' : 'holidays.json differs from chinese-days; regenerate it\n',
    );
    return same ? 0 : 1;
  }
  writeFileSync(outPath, text);
  const count = Object.values(file.years).reduce((n, y) => n + y.offDays.length + y.workdays.length, 0);
  process.stdout.write(`wrote ${outPath}: ${Object.keys(file.years).length} years, ${count} days\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
