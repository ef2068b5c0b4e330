// The paper application form (政府信息公开申请表) an agency's section offers for download: the
// same fields as the online form (Art. 29: the applicant's name and identity document, contact,
// a description of the information, the way it is wanted), as a DOCX table to print and fill in
// by hand, with where to hand it in or post it. Built from the agency's profile, so each agency's
// form carries its own addresses.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface PaperFormAgency {
  readonly name: string;
  readonly office: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly phone: string | null;
}

const FONT = '宋体';
const text = (s: string, bold = false, size = 24) =>
  new TextRun({ text: s, bold, size, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } });
const para = (s: string, bold = false) => new Paragraph({ children: [text(s, bold)] });

/** The rows of the form: a group label, the field, and how many blank lines the answer gets. */
export const PAPER_FORM_ROWS: readonly (readonly [string, string, number])[] = [
  ['申请人信息', '公民：姓名 / 证件名称 / 证件号码', 1],
  ['申请人信息', '法人或者其他组织：名称 / 统一社会信用代码 / 法定代表人或负责人 / 联系人', 1],
  ['申请人信息', '联系电话 / 电子邮箱', 1],
  ['申请人信息', '通信地址 / 邮政编码', 1],
  ['所需信息', '所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述', 4],
  ['所需信息', '获取信息的方式（纸质 / 电子邮件 / 光盘 / 自行领取）', 1],
  ['申请人签名或者盖章', '申请日期：    年    月    日', 1],
];

export function paperFormDocument(a: PaperFormAgency): Document {
  const rows = PAPER_FORM_ROWS.map(
    ([group, field, lines]) =>
      new TableRow({
        children: [
          new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [para(group, true)] }),
          new TableCell({
            width: { size: 75, type: WidthType.PERCENTAGE },
            children: [para(field), ...Array.from({ length: lines }, () => para(''))],
          }),
        ],
      }),
  );
  const office = a.office ? `${a.name}${a.office}` : a.name;
  const where = [
    `受理机关：${office}`,
    `当面提交：${a.address ?? '请致电询问'}`,
    `邮寄地址：${a.address ?? '请致电询问'}${a.postcode ? `（邮政编码 ${a.postcode}）` : ''}，信封请注明“政府信息公开申请”`,
    `咨询电话：${a.phone ?? '请致电机关总机'}`,
  ];
  return new Document({
    creator: a.name,
    title: `${a.name}政府信息公开申请表`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(`${a.name}政府信息公开申请表`, true, 36)],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          para(''),
          ...where.map((w) => para(w)),
          para('申请人提交申请时请出示身份证件，或者随信附上身份证件复印件。'),
        ],
      },
    ],
  });
}

export function paperFormDocx(a: PaperFormAgency): Promise<Buffer> {
  return Packer.toBuffer(paperFormDocument(a));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
