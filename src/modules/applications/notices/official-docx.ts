// The official document layout (党政机关公文格式, GB/T 9704-2012) as a DOCX, for the notices sent
// to applicants: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in
// 小标宋 二号 (22 pt) centred; body in 仿宋_GB2312 三号 (16 pt) with a two-character first-line
// indent and 22 lines a page; the issuing agency and the date at the bottom right (the seal is
// stamped on the printed notice, so no “（印章）” text stands in for it); page numbers “— 1 —” in 宋体 四号 at the foot. Fonts are named, not embedded: the
// reader's machine substitutes its own when they are missing.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const MM = 56.7; // twips per millimetre
const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const PAGE_NUMBER_FONT = '宋体';
const BODY_SIZE = 32; // half-points: 三号 16 pt
const TITLE_SIZE = 44; // 二号 22 pt
const PAGE_NUMBER_SIZE = 28; // 四号 14 pt
/** 22 lines in the 225 mm type area: 28.95 pt a line. */
const LINE = 579;

export interface OfficialNotice {
  readonly title: string;
  /** 发文字号, printed under the title, e.g. 岳人社依公开答〔2026〕12号; empty: no number line
   *  (notices issued before numbering, previews). */
  readonly documentNumber: string;
  /** 主送: the applicant, ending with a full-width colon. */
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  /** Lines set flush left after the body, e.g. a breakdown table in text. */
  readonly listing?: readonly string[];
  readonly agencyName: string;
  /** YYYY-MM-DD, printed as 2026年11月29日. */
  readonly date: string;
}

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function run(text: string, font = BODY_FONT, size = BODY_SIZE): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size });
}

const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT } as const;

export function buildOfficialDocument(n: OfficialNotice): Document {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 0 },
      children: [run(n.title, TITLE_FONT, TITLE_SIZE)],
    }),
    ...(n.documentNumber
      ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, children: [run(n.documentNumber)] })]
      : []),
    new Paragraph({ spacing: bodySpacing, children: [] }),
    new Paragraph({ spacing: bodySpacing, children: [run(n.addressee)] }),
    ...n.paragraphs.map(
      (p) => new Paragraph({ spacing: bodySpacing, indent: { firstLine: 2 * 320 }, children: [run(p)] }),
    ),
    ...(n.listing ?? []).map(
      (l) => new Paragraph({ spacing: bodySpacing, indent: { left: 2 * 320 }, children: [run(l)] }),
    ),
    new Paragraph({ spacing: bodySpacing, children: [] }),
    // Signature block: right-aligned with four characters of space, as 公文 place it.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: 4 * 320 },
      children: [run(n.agencyName)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: 4 * 320 },
      children: [run(chineseDate(n.date))],
    }),
  ];
  return new Document({
    creator: n.agencyName,
    title: n.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: PAGE_NUMBER_FONT, eastAsia: PAGE_NUMBER_FONT, hAnsi: PAGE_NUMBER_FONT },
                    size: PAGE_NUMBER_SIZE,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export function officialDocx(n: OfficialNotice): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(n));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
