// The narrative the demo's disclosure offices write into their annual reports before they go up
// the review chain. The 2013 report follows the bureau's published 2013 report (the fixture the
// report arithmetic is tested on) in its facts, retold in the office's words; every number comes from the figures the platform computed and froze in the report's
// version, so the text cannot disagree with the tables beneath it.
import type { AnnualReport2008, AnnualReport2021 } from '../modules/reports/index.ts';

/** Who answers questions about the report: the disclosure office and the agency's contact line. */
export interface ReportContact {
  readonly agencyName: string;
  readonly office: string;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly phone: string | null;
}

function contactLine(c: ReportContact): string {
  const parts = [
    c.address && `地址：${c.address}`,
    c.postcode && `邮编：${c.postcode}`,
    c.phone && `电话：${c.phone}`,
  ].filter(Boolean);
  return `对本报告如有疑问，请与${c.agencyName}${c.office}联系${parts.length ? `（${parts.join('，')}）` : ''}。`;
}

/** The 2013 report of the city bureau (2008 format): 概述 and 存在的主要问题和改进措施, and the
 *  fuller account of what was published and where. */
export function narrative2013(r: AnnualReport2008, contact: ReportContact): Record<string, string> {
  const p = r.proactive;
  const y = r.year;
  const growth =
    p.websiteGrowthPercent === null || p.websiteGrowthPercent === undefined
      ? ''
      : `，比${y - 1}年${p.websiteGrowthPercent >= 0 ? '增加' : '减少'}${Math.abs(p.websiteGrowthPercent).toFixed(1)}%`;
  const channelSum = Object.values(p.byChannel).reduce((n, v) => n + (v ?? 0), 0);
  const overlap =
    channelSum > p.totalPublished
      ? `同一条信息在多个载体发布的，各载体分别统计，合计${channelSum}条次；总数按信息条数计为${p.totalPublished}条。`
      : '';
  return {
    overview: [
      `本报告依据《中华人民共和国政府信息公开条例》和《岳阳市政府信息公开实施细则》编制，统计期限为${y}年1月1日至${y}年12月31日。${contactLine(contact)}`,
      `${y}年，我局把政府信息公开作为建设法治政府、服务型政府的一项基础工作来抓，推动政务公开走向制度化、规范化。`,
      '（一）组织领导和制度建设。局长办公会、局务会多次专题研究政府信息公开工作，年初定计划、年中抓督查、年末作总结。领导班子调整后，及时调整了政府信息公开工作领导小组：局长任组长，副局长任副组长，机关各科室、局属各单位负责人为成员，并明确专人负责日常工作。我局制定了《岳阳市人力资源和社会保障局政务信息公开制度》，对信息发布审核、运行管理、内容保障和应急处置作出规定。全年未发生因公开不及时被投诉的情况，也未发生泄密事件。',
      `（二）公开载体和内容。我局以岳阳市政府门户网站和本局网站为主，以报刊、电视、电子显示屏为辅，并通过岳阳人社微博、湘北人才市场微信、12345公众服务热线工单和市长信箱回复公开信息。除规范性文件、财政预决算、行政许可等必须公开的内容外，重点公开了就业再就业、社会保险、公开招考和专业技术考试等群众关心的事项；${p.powerCatalogItems ?? 0}项职权目录和${p.serviceWorkflows ?? 0}个业务工作流程在局办事大厅电子显示屏滚动显示。`,
      `（三）分工和考核。各项公开任务逐一分解到科室和局属单位，明确公开范围、时限和责任人。针对信息不全、分类不准、发布不及时的问题，11月、12月两次召开局务会专题研究，推行本局网站政务信息发布“月督促、季通报、年评比”制度。全年在本局网站和市政府门户网站发布政务信息${p.websitePublished}条${growth}。`,
    ].join('\n'),
    proactive: [
      `${y}年，我局在各类公开载体共发布信息${p.totalPublished}条，其中在市政府门户网站和本局网站发布政府信息${p.websitePublished}条。${overlap}`,
      '主动公开的内容主要有五类：一是本局制发的规范性文件；二是行政审批的条件、程序和结果，包括劳务派遣行政许可、工资晋升、小集体企业参保、失业保险金领取、社会保险补贴等；三是公务员和事业单位公开招考、三支一扶、专业技术和职称计算机考试的考务信息；四是本局职能和机构调整情况；五是人社动态、《人社简报》等工作动态。',
      '公开载体包括：市政府门户网站和本局网站；市政务服务中心、市人才服务中心和各社会保险经办机构的服务窗口；市长信箱；24小时开通的12345公众服务热线；以及电视、报刊、岳阳人社微博、湘北人才市场微信和电子显示屏。',
    ].join('\n'),
    problems: [
      `${y}年的工作取得了一定成效，但仍有不足：信息化水平有待提高，公开内容还不够丰富深入，网上办事功能需要加快完善，网站信息公开栏目的建设和维护需要加强。${y + 1}年，我局将重点做好三方面工作：`,
      '1．健全长效机制。继续调整充实信息公开工作领导小组，落实公开信息分管领导把关、主要领导审批制度，由熟悉电子政务的人员负责日常工作，增强各科室、局属各单位的公开意识。',
      '2．丰富公开内容。围绕就业再就业、社会保障、公开招考、劳动权益保障等社会关注的事项做好主动公开和依申请公开，加强本局网站公开内容的日常维护，提高公开的质量和效率。',
      '3．加强考核评议。把政府信息公开工作纳入市局系统和县市区人社局年度绩效考核，定期和不定期督查、通报，落实责任追究。',
    ].join('\n'),
  };
}

/** Cases still open on 31 December, which table 四 counts in the year they are decided. */
function pendingReviews(r: AnnualReport2021): number {
  const v = r.reviewAndLitigation;
  return v.reconsideration.pending + v.litigationDirect.pending + v.litigationAfterReconsideration.pending;
}

/** 一、总体情况 of a 2021-format report: the year's figures in the office's words. */
function overview2021(r: AnnualReport2021): string {
  const y = r.year;
  const p = r.proactive;
  const a = r.applications;
  const v = r.reviewAndLitigation;
  const granted = a.outcomes.granted.total + a.outcomes.partiallyGranted.total;
  const share =
    a.outcomes.total.total === 0
      ? ''
      : `；办结的申请中，予以公开和部分公开的${granted}件，占${((granted / a.outcomes.total.total) * 100).toFixed(1)}%`;
  const pending = pendingReviews(r);
  return (
    `${y}年，我局制发行政规范性文件${p.normativeDocuments.issued}件，废止${p.normativeDocuments.repealed}件，年末现行有效${p.normativeDocuments.inForce}件；` +
    `作出行政许可决定${p.licences.decisions}件、行政处罚决定${p.penalties.decisions}件、行政强制决定${p.coercion.decisions}件。` +
    `全年新收政府信息公开申请${a.newReceived.total}件，上年结转${a.carriedOver.total}件，办结${a.outcomes.total.total}件，结转下年度继续办理${a.carriedForward.total}件${share}。` +
    `因政府信息公开工作被申请行政复议${v.reconsideration.total}件，被提起行政诉讼${v.litigationDirect.total + v.litigationAfterReconsideration.total}件` +
    (pending > 0 ? `，其中截至12月31日尚未审结的${pending}件，其结果在审结年度的报告中统计。` : '。')
  );
}

/** A 2025 report (2021 format): 总体情况 from the computed figures, and the year's problems. */
export function narrative2021(
  r: AnnualReport2021,
  drafted: Record<string, string>,
  contact: ReportContact,
  county: boolean,
): Record<string, string> {
  const y = r.year;
  const work = county
    ? '本年度，我局由办公室负责政府信息公开日常工作，按照市人社局的统一部署，在县政府门户网站人社栏目集中发布就业创业、社会保险、劳动关系等方面的政策文件和办事信息，规范性文件与政策解读同步发布，依申请公开实行登记、审核、答复全流程记录。'
    : '本年度，我局政府信息公开工作领导小组继续由局长任组长，政策法规科承担日常工作。主动公开信息经科室负责人审核、保密审查、分管领导把关、主要领导审批后发布；规范性文件与政策解读同步起草、同步审签、同步发布；依申请公开实行网上登记、按期答复、全程留痕，答复期限到期前系统提醒承办人员；市本级和县市区人社局的年度报告统一在平台编制、审核和发布。';
  return {
    overview: [`本报告统计期限为${y}年1月1日至${y}年12月31日。${contactLine(contact)}`, overview2021(r), work].join(
      '\n',
    ),
    problems: [
      `${y}年工作中仍存在以下问题：部分科室和单位报送公开信息不够及时，少数政策解读形式单一；依申请公开答复的说理还不够充分。`,
      `${y + 1}年，我局将把公开时限纳入科室年度考核，逐月通报；增加图解、问答等解读形式；完善答复文书范本，加强对承办人员的培训。`,
    ].join('\n'),
    // 六、其他需要报告的事项: the processing fees, as the platform drafted them from the figures.
    other: drafted.other ?? '',
  };
}
