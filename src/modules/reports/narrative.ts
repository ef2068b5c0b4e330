// Draft narrative sections written from the figures. They are drafts: the disclosure office edits them
// (versioned, approved like an information item — not built here), so the wording is plain and
// every number in it is one of the report's own figures.
import type { AnnualReport2008, AnnualReport2021 } from './report-types.ts';
import type { ReportInputs } from './report-inputs.ts';

/** The narrative sections of each template, in printed order, with their headings. */
export const NARRATIVE_SECTIONS_2021 = [
  ['overview', '一、总体情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['other', '六、其他需要报告的事项'],
] as const;

export const NARRATIVE_SECTIONS_2008 = [
  ['overview', '一、概述'],
  ['proactive', '二、主动公开政府信息情况'],
  ['onRequest', '三、依申请公开政府信息情况'],
  ['fees', '四、政府信息公开的收费及减免情况'],
  ['reviewAndLitigation', '五、申请行政复议、提起行政诉讼情况'],
  ['problems', '六、存在的主要问题和改进措施'],
] as const;

const TO_BE_WRITTEN = '（本节由政府信息公开工作机构根据本年度工作情况撰写。）';

/** The mayor's mailbox and the 12345 hotline in a sentence (the fixture names both as carriers); '' when neither had any. */
export function interactionSentence(i: ReportInputs['external']['mailbox']): string {
  if (!i) return '';
  const parts: string[] = [];
  if (i.lettersReceived + i.lettersAnswered > 0)
    parts.push(
      `通过市长信箱收到来信${i.lettersReceived}件，答复来信${i.lettersAnswered}件` +
        (i.publicAnswers > 0 ? `（其中经来信人同意公开答复${i.publicAnswers}件）` : ''),
    );
  if (i.ordersReceived + i.ordersAnswered > 0)
    parts.push(`收到12345公众服务热线工单${i.ordersReceived}件，办结${i.ordersAnswered}件`);
  return parts.length ? `${parts.join('；')}。` : '';
}

function rollupNote(inputs: ReportInputs): string {
  return inputs.scope === 'rollup' ? `本报告数据汇总本机关及所属${inputs.agencyCount - 1}个机关。` : '';
}

/** Table 四 counts a result in the year decided (docs/domain/readings.md#table-4): say so when cases are open. */
function pendingNote(reviews: AnnualReport2021['reviewAndLitigation']): string {
  const pending =
    reviews.reconsideration.pending + reviews.litigationDirect.pending + reviews.litigationAfterReconsideration.pending;
  return pending > 0 ? `截至12月31日尚未审结的${pending}件，其结果在审结年度的报告中统计。` : '';
}

export function draftNarrative2021(r: AnnualReport2021, inputs: ReportInputs): Record<string, string> {
  const a = r.applications;
  const received = a.newReceived.total;
  const reviews = r.reviewAndLitigation;
  const fee = r.processingFees?.collectedYuan ?? 0;
  return {
    overview:
      `${r.year}年，${r.agency.name}本年制发行政规范性文件${r.proactive.normativeDocuments.issued}件，废止${r.proactive.normativeDocuments.repealed}件，现行有效${r.proactive.normativeDocuments.inForce}件。` +
      `本年新收政府信息公开申请${received}件，上年结转${a.carriedOver.total}件，办结${a.outcomes.total.total}件，结转下年度继续办理${a.carriedForward.total}件。` +
      `因政府信息公开工作被申请行政复议${reviews.reconsideration.total}件，被提起行政诉讼${reviews.litigationDirect.total + reviews.litigationAfterReconsideration.total}件。${pendingNote(reviews)}${rollupNote(inputs)}`,
    problems: TO_BE_WRITTEN,
    other:
      (fee > 0
        ? `依据《政府信息公开信息处理费管理办法》规定，本年度收取信息处理费共计${fee}元（${r.processingFees?.applicationsCharged ?? 0}件申请）。`
        : '本年度未收取信息处理费。') + interactionSentence(inputs.external.mailbox),
  };
}

export function draftNarrative2008(r: AnnualReport2008, inputs: ReportInputs): Record<string, string> {
  const p = r.proactive;
  const growth = p.websiteGrowthPercent;
  const growthText =
    growth === null || growth === undefined
      ? ''
      : `，较${r.year - 1}年${growth >= 0 ? '增长' : '下降'}${Math.abs(growth).toFixed(1)}%`;
  const power =
    p.powerCatalogItems !== undefined && p.serviceWorkflows !== undefined
      ? `并公开${p.powerCatalogItems}项职权目录、${p.serviceWorkflows}个业务工作流程。`
      : '';
  const ap = r.applications;
  const lawsuits = r.reviewAndLitigation.lawsuits;
  const recons = r.reviewAndLitigation.reconsiderations;
  return {
    overview: `本报告统计数据的期限自${r.year}年1月1日至${r.year}年12月31日。${rollupNote(inputs)}${TO_BE_WRITTEN}`,
    proactive: `${r.year}年，在各类公开载体共发布信息${p.totalPublished}条。其中，在政府门户网站和本部门网站发布政府信息${p.websitePublished}条${growthText}。${power}${interactionSentence(inputs.external.mailbox)}`,
    onRequest:
      ap.received === 0
        ? `${r.year}年，未接到公开政府信息的申请。`
        : `${r.year}年，共受理政府信息公开申请${ap.received}件，已答复${ap.answered ?? 0}件。`,
    fees:
      r.fees.collectedYuan === 0 && r.fees.waivedYuan === 0
        ? `${r.year}年，未发生因政府信息公开而向公民、法人和其他组织进行收费的情况。`
        : `${r.year}年，因政府信息公开收取费用${r.fees.collectedYuan}元，减免${r.fees.waivedYuan}元。`,
    reviewAndLitigation:
      recons === 0 && lawsuits === 0
        ? '本年度没有发生因政府信息公开申请行政复议、提起行政诉讼的情况。'
        : `本年度因政府信息公开被申请行政复议${recons}件，被提起行政诉讼${lawsuits}件。`,
    problems: TO_BE_WRITTEN,
  };
}
