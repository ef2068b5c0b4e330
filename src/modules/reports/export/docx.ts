// DOCX in the official document layout (GB/T 9704-2012 《党政机关公文格式》): A4; margins top 37 mm,
// bottom 35 mm, left (binding side) 28 mm, right 26 mm (the standard: 天头 37 mm ± 1, 订口 28 mm ± 1, and
// a 156 × 225 mm text block, which leaves 26 mm and 35 mm); title in 小标宋 二号 (22 pt), body in 仿宋
// 三号 (16 pt). Tables are real Word tables with merged cells (smaller type so 15 columns fit).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { ReportView, ViewTable } from '../report-view.ts';

const BODY_FONT = { ascii: 'FangSong_GB2312', hAnsi: 'FangSong_GB2312', eastAsia: '仿宋_GB2312' };
const TITLE_FONT = { ascii: 'FZXiaoBiaoSong-B05S', hAnsi: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };
const PT = (pt: number) => pt * 2; // docx sizes are half-points

function tableDocx(table: ViewTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i < table.headerRows,
          children: cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: cell.path ? AlignmentType.RIGHT : AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: cell.text,
                        font: BODY_FONT,
                        size: PT(table.columns > 4 ? 9 : 12),
                        bold: Boolean(cell.header) && i < table.headerRows,
                      }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function reportDocx(view: ReportView): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: view.title, font: TITLE_FONT, size: PT(22) })],
    }),
  ];
  for (const s of view.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun({ text: s.heading, font: HEADING_FONT, size: PT(16), color: '000000' })],
      }),
    );
    for (const p of s.paragraphs)
      children.push(
        new Paragraph({
          indent: { firstLine: PT(16) * 20 },
          children: [new TextRun({ text: p, font: BODY_FONT, size: PT(16) })],
        }),
      );
    for (const t of s.tables) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: t.caption, font: HEADING_FONT, size: PT(14) })],
        }),
      );
      children.push(tableDocx(t));
    }
  }
  const doc = new Document({
    creator: 'Gongkai',
    title: view.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: PT(16) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
