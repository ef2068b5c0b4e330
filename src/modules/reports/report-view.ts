// The view model every rendering (HTML page, DOCX, XLSX, the console page) is drawn from: sections with
// paragraphs and tables laid out like the official form (merged cells as row/column spans). A value
// cell carries its JSON path, so a rendering can link it to its provenance and a test can compare any
// rendering with the JSON. Pure.
import {
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  TABLE3_OUTCOMES_HEADER,
  APPLICANT_KINDS,
  APPLICANT_KIND_COLUMNS,
  type Table3Row,
} from '../applications/outcomes.ts';
import {
  APPLICANT_COLUMNS,
  PROACTIVE_2008_CHANNEL_KEYS,
  REVIEW_COLUMNS,
  REVIEW_GROUP_KEYS,
  type AnnualReport,
  type AnnualReport2008,
  type AnnualReport2021,
} from './report-types.ts';
import type { ReportTemplate } from './report-formats.ts';
import { NARRATIVE_SECTIONS_2008, NARRATIVE_SECTIONS_2021 } from './narrative.ts';
import { categoryLabel } from './report-labels.ts';

export interface ViewCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** Header cells are <th>; label cells of a body row are row headers. */
  readonly header?: 'col' | 'row';
  /** JSON path of the value (e.g. applications.outcomes.granted.total); absent for labels. */
  readonly path?: string;
  readonly value?: number;
}

export interface ViewTable {
  /** Table number as printed: 二, 三, 四, or a statistics table of the 2008 format. */
  readonly id: string;
  readonly caption: string;
  /** The first `headerRows` rows form <thead>. Rows hold only the cells that start in them. */
  readonly headerRows: number;
  readonly rows: readonly (readonly ViewCell[])[];
  /** Grid width. */
  readonly columns: number;
}

export interface ViewSection {
  readonly key: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ViewTable[];
}

export interface ReportView {
  readonly title: string;
  readonly agencyName: string;
  readonly year: number;
  readonly template: ReportTemplate;
  readonly scope: string;
  readonly sections: readonly ViewSection[];
  readonly unavailable: readonly string[];
}

const v = (path: string, value: number): ViewCell => ({ text: formatNumber(value), path, value });
const h = (text: string, extra: Partial<ViewCell> = {}): ViewCell => ({ text, header: 'col', ...extra });
const rh = (text: string, extra: Partial<ViewCell> = {}): ViewCell => ({ text, header: 'row', ...extra });
const none: ViewCell = { text: '—' };

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

function read(report: unknown, path: string): number {
  let node = report as Record<string, unknown> | undefined;
  for (const k of path.split('.')) node = node?.[k] as Record<string, unknown> | undefined;
  return typeof node === 'number' ? node : 0;
}

function table2(r: AnnualReport2021, template: ReportTemplate): ViewTable {
  const p = 'proactive';
  const rows: ViewCell[][] = [];
  const block = (caption: string) => rows.push([h(caption, { colSpan: 4 })]);
  if (template === '2019') {
    // docs/domain/annual-report.md#format-2019: the 2019 columns. Only the figures the platform keeps records for are
    // filled.
    block('第二十条第（一）项');
    rows.push([h('信息内容'), h('本年新制作数量'), h('本年新公开数量'), h('对外公开总数量')]);
    for (const [key, label] of [
      ['regulations', '规章'],
      ['normativeDocuments', '规范性文件'],
    ] as const) {
      rows.push([
        rh(label),
        v(`${p}.${key}.issued`, r.proactive[key].issued),
        v(`${p}.${key}.issued`, r.proactive[key].issued),
        v(`${p}.${key}.inForce`, r.proactive[key].inForce),
      ]);
    }
    for (const [caption, items] of [
      [
        '第二十条第（五）项',
        [
          ['licences', '行政许可'],
          [null, '其他对外管理服务事项'],
        ],
      ],
      [
        '第二十条第（六）项',
        [
          ['penalties', '行政处罚'],
          ['coercion', '行政强制'],
        ],
      ],
    ] as const) {
      block(caption);
      rows.push([h('信息内容'), h('上一年项目数量'), h('本年增/减'), h('处理决定数量')]);
      for (const [key, label] of items)
        rows.push([rh(label), none, none, key ? v(`${p}.${key}.decisions`, r.proactive[key].decisions) : none]);
    }
    block('第二十条第（八）项');
    rows.push([h('信息内容'), h('上一年项目数量'), h('本年增/减', { colSpan: 2 })]);
    rows.push([rh('行政事业性收费'), none, { ...none, colSpan: 2 }]);
    block('第二十条第（九）项');
    rows.push([h('信息内容'), h('采购项目数量'), h('采购总金额', { colSpan: 2 })]);
    rows.push([rh('政府集中采购'), none, { ...none, colSpan: 2 }]);
    return { id: '二', caption: '表二 主动公开政府信息情况', headerRows: 0, rows, columns: 4 };
  }
  block('第二十条第（一）项');
  rows.push([h('信息内容'), h('本年制发件数'), h('本年废止件数'), h('现行有效件数')]);
  for (const [key, label] of [
    ['regulations', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ] as const) {
    rows.push([
      rh(label),
      ...(['issued', 'repealed', 'inForce'] as const).map((c) => v(`${p}.${key}.${c}`, r.proactive[key][c])),
    ]);
  }
  block('第二十条第（五）项');
  rows.push([h('信息内容'), h('本年处理决定数量', { colSpan: 3 })]);
  rows.push([rh('行政许可'), { ...v(`${p}.licences.decisions`, r.proactive.licences.decisions), colSpan: 3 }]);
  block('第二十条第（六）项');
  rows.push([h('信息内容'), h('本年处理决定数量', { colSpan: 3 })]);
  rows.push([rh('行政处罚'), { ...v(`${p}.penalties.decisions`, r.proactive.penalties.decisions), colSpan: 3 }]);
  rows.push([rh('行政强制'), { ...v(`${p}.coercion.decisions`, r.proactive.coercion.decisions), colSpan: 3 }]);
  block('第二十条第（八）项');
  rows.push([h('信息内容'), h('本年收费金额（单位：万元）', { colSpan: 3 })]);
  rows.push([
    rh('行政事业性收费'),
    {
      ...v(`${p}.administrativeFees.amountTenThousandYuan`, r.proactive.administrativeFees.amountTenThousandYuan),
      colSpan: 3,
    },
  ]);
  return { id: '二', caption: '表二 主动公开政府信息情况', headerRows: 0, rows, columns: 4 };
}

function table3(r: AnnualReport2021, template: ReportTemplate): ViewTable {
  const rows: ViewCell[][] = [];
  const orgKinds = APPLICANT_KINDS.filter((k) => APPLICANT_KIND_COLUMNS[k].parent);
  rows.push([
    h('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { colSpan: 3, rowSpan: 3 }),
    h('申请人情况', { colSpan: 7 }),
  ]);
  rows.push([h('自然人', { rowSpan: 2 }), h('法人或其他组织', { colSpan: 5 }), h('总计', { rowSpan: 2 })]);
  rows.push(orgKinds.map((k) => h(APPLICANT_KIND_COLUMNS[k].label)));
  const list: readonly Table3Row[] = template === '2019' ? TABLE3_ROWS_2019 : TABLE3_ROWS_2021;
  const outcomeRows = list.filter((row) => row.id.startsWith('r3'));
  const seenGroups = new Set<string>();
  const values = (row: Table3Row): ViewCell[] => {
    if (row.reportPath)
      return APPLICANT_COLUMNS.map((c) => v(`${row.reportPath}.${c}`, read(r, `${row.reportPath}.${c}`)));
    // 2019 （六）其他处理 is one row: the sum of the 2021 sub-rows, linked to all three.
    const sub = ['noCorrection', 'feeNotPaid', 'other'].map((k) => `applications.outcomes.otherHandling.${k}`);
    return APPLICANT_COLUMNS.map((c) => ({
      text: formatNumber(sub.reduce((s, p) => s + read(r, `${p}.${c}`), 0)),
      value: sub.reduce((s, p) => s + read(r, `${p}.${c}`), 0),
      path: `applications.outcomes.otherHandling.*.${c}`,
    }));
  };
  for (const row of list) {
    const cells: ViewCell[] = [];
    if (row.id === 'r3.1') cells.push(rh(TABLE3_OUTCOMES_HEADER.label, { rowSpan: outcomeRows.length }));
    if (row.group) {
      if (!seenGroups.has(row.group.id)) {
        seenGroups.add(row.group.id);
        cells.push(rh(row.group.label, { rowSpan: list.filter((x) => x.group?.id === row.group!.id).length }));
      }
      cells.push(rh(row.label));
    } else cells.push(rh(row.label, { colSpan: row.id.startsWith('r3') ? 2 : 3 }));
    rows.push([...cells, ...values(row)]);
  }
  return { id: '三', caption: '表三 收到和处理政府信息公开申请情况', headerRows: 3, rows, columns: 10 };
}

const REVIEW_LABELS: Record<(typeof REVIEW_COLUMNS)[number], string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

function table4(r: AnnualReport2021): ViewTable {
  const rows: ViewCell[][] = [];
  rows.push([h('行政复议', { colSpan: 5 }), h('行政诉讼', { colSpan: 10 })]);
  rows.push([
    ...REVIEW_COLUMNS.map((c) => h(REVIEW_LABELS[c], { rowSpan: 2 })),
    h('未经复议直接起诉', { colSpan: 5 }),
    h('复议后起诉', { colSpan: 5 }),
  ]);
  rows.push([...REVIEW_COLUMNS, ...REVIEW_COLUMNS].map((c) => h(REVIEW_LABELS[c])));
  rows.push(
    REVIEW_GROUP_KEYS.flatMap((g) =>
      REVIEW_COLUMNS.map((c) => v(`reviewAndLitigation.${g}.${c}`, r.reviewAndLitigation[g][c])),
    ),
  );
  return { id: '四', caption: '表四 政府信息公开行政复议、行政诉讼情况', headerRows: 3, rows, columns: 15 };
}

export const CHANNEL_LABELS: Record<(typeof PROACTIVE_2008_CHANNEL_KEYS)[number], string> = {
  governmentPortal: '政府门户网站',
  ownWebsite: '本部门网站',
  weibo: '政务微博',
  wechat: '政务微信',
  displayScreen: '电子显示屏',
  newspaper: '报刊',
  tv: '电视',
  hotline: '公众服务热线',
  mailbox: '领导信箱',
  serviceWindow: '服务窗口',
  other: '其他',
};

function stats2008(r: AnnualReport2008): ViewTable {
  const p = r.proactive;
  const rows: ViewCell[][] = [[h('统计项目'), h('数量')]];
  const line = (label: string, path: string, value: number | null | undefined) =>
    rows.push([rh(label), value === null || value === undefined ? none : v(path, value)]);
  line('在各类公开载体发布信息（条）', 'proactive.totalPublished', p.totalPublished);
  line('其中：在政府门户网站和本部门网站发布（条）', 'proactive.websitePublished', p.websitePublished);
  line('上年在网站发布（条）', 'proactive.previousYearWebsitePublished', p.previousYearWebsitePublished);
  line('网站发布较上年增长（%）', 'proactive.websiteGrowthPercent', p.websiteGrowthPercent);
  for (const k of PROACTIVE_2008_CHANNEL_KEYS)
    if (p.byChannel[k] !== undefined)
      line(`按载体：${CHANNEL_LABELS[k]}（条）`, `proactive.byChannel.${k}`, p.byChannel[k]);
  for (const [k, n] of Object.entries(p.byCategory ?? {}))
    line(`按内容：${categoryLabel(k).zh}（条）`, `proactive.byCategory.${k}`, n);
  line('公开职权目录（项）', 'proactive.powerCatalogItems', p.powerCatalogItems);
  line('公开业务工作流程（个）', 'proactive.serviceWorkflows', p.serviceWorkflows);
  line('收到政府信息公开申请（件）', 'applications.received', r.applications.received);
  line('已答复申请（件）', 'applications.answered', r.applications.answered);
  line('收取费用（元）', 'fees.collectedYuan', r.fees.collectedYuan);
  line('减免费用（元）', 'fees.waivedYuan', r.fees.waivedYuan);
  line('行政复议（件）', 'reviewAndLitigation.reconsiderations', r.reviewAndLitigation.reconsiderations);
  line('行政诉讼（件）', 'reviewAndLitigation.lawsuits', r.reviewAndLitigation.lawsuits);
  return { id: '统计', caption: '政府信息公开工作统计', headerRows: 1, rows, columns: 2 };
}

const paragraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The view model of a report. `template` '2019' renders the 2019 trial layout of a 2021-shaped report. */
export function reportView(
  report: AnnualReport,
  template: ReportTemplate,
  unavailable: readonly string[] = [],
): ReportView {
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
  const base = {
    title,
    agencyName: report.agency.name,
    year: report.year,
    template,
    scope: report.scope ?? 'agency',
    unavailable,
  };
  if (report.format === '2008') {
    const sections: ViewSection[] = NARRATIVE_SECTIONS_2008.map(([key, heading]) => ({
      key,
      heading,
      paragraphs: paragraphs(report.narrative[key]),
      tables: [],
    }));
    sections.push({ key: 'statistics', heading: '附：统计数据', paragraphs: [], tables: [stats2008(report)] });
    return { ...base, sections };
  }
  const n = (key: string) => paragraphs(report.narrative[key]);
  const heading = (key: string) => NARRATIVE_SECTIONS_2021.find(([k]) => k === key)![1];
  return {
    ...base,
    sections: [
      { key: 'overview', heading: heading('overview'), paragraphs: n('overview'), tables: [] },
      { key: 'proactive', heading: '二、主动公开政府信息情况', paragraphs: [], tables: [table2(report, template)] },
      {
        key: 'applications',
        heading: '三、收到和处理政府信息公开申请情况',
        paragraphs: [],
        tables: [table3(report, template)],
      },
      {
        key: 'reviewAndLitigation',
        heading: '四、政府信息公开行政复议、行政诉讼情况',
        paragraphs: [],
        tables: [table4(report)],
      },
      { key: 'problems', heading: heading('problems'), paragraphs: n('problems'), tables: [] },
      { key: 'other', heading: heading('other'), paragraphs: n('other'), tables: [] },
    ],
  };
}

/** Cells placed on the grid (row, column) with their spans — what XLSX and tests need. */
export function placeCells(table: ViewTable): { row: number; col: number; cell: ViewCell }[] {
  const taken = new Set<string>();
  const out: { row: number; col: number; cell: ViewCell }[] = [];
  table.rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(`${row},${col}`)) col++;
      out.push({ row, col, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${row + dr},${col + dc}`);
      col += cell.colSpan ?? 1;
    }
  });
  return out;
}
