// The words the report and its console print where the data has code names: the content category
// of a 2008-format line (licensing_result → 行政许可结果), the drill-down title of a table 三 cell
// (applications.newReceived.naturalPerson → 一、本年新收政府信息公开申请数量 · 自然人), and the note
// on figures no agency entered. Chinese for the report and its files, English where the console
// is shown in English; a code never reaches either (checked over every format by
// report-labels.test.ts with platform/official-text/check.ts).
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { APPLICANT_KIND_COLUMNS, TABLE3_ROWS_2021 } from '../applications/outcomes.ts';

/** A catalog category's name; a category without a label is printed as 其他 rather than by code. */
export function categoryLabel(key: string): Text {
  const t = textOf(`pub.category.${key}`);
  return t.zh === `pub.category.${key}` ? { zh: '其他类别', en: 'Other categories' } : t;
}

const TOTAL: Text = { zh: '总计', en: 'Total' };

/** The row and column of a table 三 cell path, as printed in the table. Null when the path is not
 *  one of the table's cells. */
export function table3CellLabel(path: string): Text | null {
  const row = [...TABLE3_ROWS_2021]
    .filter((r) => r.reportPath && path.startsWith(`${r.reportPath}.`))
    .sort((a, b) => b.reportPath!.length - a.reportPath!.length)[0];
  if (!row) return null;
  const column = path.slice(row.reportPath!.length + 1);
  const info =
    column === 'total' ? TOTAL : (Object.values(APPLICANT_KIND_COLUMNS).find((c) => c.column === column) ?? null);
  if (!info) return null;
  const colZh = 'label' in info ? info.label : info.zh;
  const group = row.group ? `${row.group.label}` : '';
  return {
    zh: `表三 ${group}${row.label} · ${colZh}`,
    en: `Table 3, ${row.group ? `${row.group.en}: ` : ''}${row.en} · ${info.en}`,
  };
}

/** What the yearly-figure rows cover (power catalog: 行政许可, 行政处罚, 行政强制, 行政事业性收费). */
const YEARLY_KIND: Record<string, string> = {
  licence: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  fee: '行政事业性收费',
};

/** The note on yearly figures some agencies did not enter (counted as 0 in the report). */
export function missingYearlyFiguresNote(kinds: readonly string[], agencies: number): string {
  const names = kinds.map((k) => YEARLY_KIND[k] ?? '其他事项');
  return `${agencies}个机关未录入${names.join('、')}年度数据`;
}
