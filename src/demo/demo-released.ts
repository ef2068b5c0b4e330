// The information released with one of the demo's answers (予以公开), so that the citizen's tracking
// page shows the answer with a file to download on a fresh start (issue 15, item 2). A short DOCX
// table made with the same library as the notices; invented figures.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const ROWS: readonly (readonly string[])[] = [
  ['项目', '分配金额（万元）', '实际使用（万元）'],
  ['职业技能培训补贴', '1,260.00', '1,184.35'],
  ['社会保险补贴', '2,145.00', '2,098.70'],
  ['公益性岗位补贴', '980.00', '975.12'],
  ['就业见习补贴', '310.00', '288.40'],
  ['合计', '4,695.00', '4,546.57'],
];

const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });

/** The released document: the 2024 employment subsidy funds, as the demo case asked. */
export async function demoReleasedDocx(): Promise<{ name: string; data: Buffer }> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '2024年度就业补助资金分配和使用情况', bold: true })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: ROWS.map((r) => new TableRow({ children: r.map(cell) })),
          }),
          new Paragraph({ children: [new TextRun('数据截至2024年12月31日。')] }),
        ],
      },
    ],
  });
  return { name: '2024年度就业补助资金分配和使用情况.docx', data: await Packer.toBuffer(doc) };
}
