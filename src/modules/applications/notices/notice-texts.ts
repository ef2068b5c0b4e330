// The wording of the notices an agency sends about an application: the reply notice (答复告知书)
// for each kind of answer, with the articles it rests on (outcome.ts, rules.md §1.2, §3.7) and
// the applicant's remedies; the correction request (Art. 30), the extension notice (Art. 33),
// the letter asking a third party or another agency for its view (Arts. 32, 34) and the fee
// notice (国办函〔2020〕109号, rules.md §4). Pure: the caller gathers the case's data.
import { OUTCOMES, type OutcomeCode, type ReplyTemplateKind } from '../outcome.ts';
import { FEE_MEASURE, FEE_PAYMENT_WORKING_DAYS, type FeeBreakdownLine } from '../fee.ts';
import { chineseDate, type OfficialNotice } from './official-docx.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

export interface NoticeCase {
  readonly id: number;
  readonly applicantName: string;
  readonly receivedOn: string;
  readonly description: string;
  readonly agencyName: string;
}

/** The applicant's remedies (rules.md: reconsideration within 60 days, litigation within 6 months). */
export const REMEDIES =
  '如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。';

function opening(c: NoticeCase): string {
  return `本机关于${chineseDate(c.receivedOn)}收到您提出的政府信息公开申请，申请获取“${c.description}”。`;
}

function number(kind: string, c: NoticeCase, date: string): string {
  return `依申请公开${kind}〔${date.slice(0, 4)}〕${c.id}号`;
}

/** What the notice says for each kind of answer (the decision; reasons follow from the officer's summary). */
const DECISION: Record<ReplyTemplateKind, string> = {
  disclosure: '经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供（或告知获取的方式、途径和时间如下）。',
  already_disclosed: '经审查，您申请获取的政府信息本机关已主动公开，获取的方式和途径如下。',
  partial_disclosure: '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。',
  non_disclosure: '经审查，您申请获取的政府信息属于不予公开的范围，本机关不予公开，理由如下。',
  other_procedure: '经审查，您申请获取的信息，有关法律、行政法规对其获取另有规定，请依照有关法律、行政法规的规定办理。',
  not_exist: '经检索，本机关没有您所申请公开的信息，该政府信息不存在。',
  not_this_agency: '经检索，您申请公开的政府信息不属于本机关负责公开的范围。',
  no_creation: '经审查，您的申请需要本机关对现有政府信息进行加工、分析，本机关不予提供。',
  unclear_after_correction: '本机关已告知您作出补正，补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息，无法提供。',
  not_an_application: '经审查，您提出的事项属于信访、投诉、举报，不作为政府信息公开申请处理，请通过相应渠道提出。',
  duplicate: '经审查，本机关已就同一内容向您作出答复，您再次提出的申请本机关不予重复处理。',
  publication: '经审查，您要求提供的是公开出版物，获取的途径如下。',
  excessive_requests: '经审查，您申请的数量、频次明显超过合理范围，所说明的理由不合理，本机关不予处理。',
  not_processed: '经审查，本机关对您的申请不予处理，理由如下。',
  termination: '本机关不再处理您的政府信息公开申请。',
  general: '经办理，现将有关情况告知如下。',
};

/** The termination notices name why: no correction in time (Art. 30) or the fee not paid. */
const TERMINATION: Partial<Record<OutcomeCode, string>> = {
  other_no_correction: '本机关已告知您作出补正并给予补正期限，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  other_fee_unpaid: '本机关已向您发出收费通知，您逾期未按通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
};

export function replyNotice(c: NoticeCase, reply: { outcome: OutcomeCode; date: string; summary: string }): OfficialNotice {
  const def = OUTCOMES[reply.outcome];
  const template = def.templates[0];
  const decision = TERMINATION[reply.outcome] ?? DECISION[template];
  const basis = def.basis.map((b) => b.cite);
  const paragraphs = [opening(c), decision, `具体情况：${reply.summary}`];
  paragraphs.push(basis.length ? `依据${basis.join('、')}的规定，特此告知。` : '特此告知。');
  paragraphs.push(REMEDIES);
  return { title: '政府信息公开申请答复告知书', documentNumber: number('答', c, reply.date), addressee: `${c.applicantName}：`, paragraphs, agencyName: c.agencyName, date: reply.date };
}

export function correctionNotice(c: NoticeCase, request: { date: string; correctBy: string | null; note: string }): OfficialNotice {
  return {
    title: '政府信息公开申请补正告知书',
    documentNumber: number('补', c, request.date),
    addressee: `${c.applicantName}：`,
    paragraphs: [
      opening(c),
      `经审查，您的申请内容不明确，根据${REGULATION}第三十条的规定，请您对以下事项作出补正：${request.note}`,
      `请于${request.correctBy ? chineseDate(request.correctBy) : '收到本告知书之日起15个工作日内'}前提交补正后的申请（可凭查询码和补正密钥在网上办理进度页面提交）。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      '特此告知。',
    ],
    agencyName: c.agencyName,
    date: request.date,
  };
}

export function extensionNotice(c: NoticeCase, ext: { date: string; days: number; reason: string; newDueDate: string | null; rules: string }): OfficialNotice {
  const article = ext.rules === '2008' ? '《中华人民共和国政府信息公开条例》（2007年）第二十四条' : `${REGULATION}第三十三条`;
  return {
    title: '政府信息公开申请延期答复告知书',
    documentNumber: number('延', c, ext.date),
    addressee: `${c.applicantName}：`,
    paragraphs: [
      opening(c),
      `因${ext.reason}，本机关不能在规定期限内作出答复。根据${article}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${ext.days}个工作日${ext.newDueDate ? `，延长后的答复期限为${chineseDate(ext.newDueDate)}` : ''}。`,
      '特此告知。',
    ],
    agencyName: c.agencyName,
    date: ext.date,
  };
}

export function consultationLetter(c: NoticeCase, con: { date: string; party: 'third_party' | 'agency'; replyBy: string | null }): OfficialNotice {
  const article = con.party === 'agency' ? '第三十四条' : '第三十二条';
  const consequence =
    con.party === 'agency'
      ? '逾期未提出意见的，视为同意公开。'
      : '逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开。';
  return {
    title: '政府信息公开征求意见函',
    documentNumber: number('征', c, con.date),
    addressee: con.party === 'agency' ? '（被征求意见机关）：' : '（第三方）：',
    paragraphs: [
      `本机关于${chineseDate(c.receivedOn)}收到一份政府信息公开申请，申请获取“${c.description}”。该信息的公开可能涉及贵方的合法权益（或由贵方共同制作）。`,
      `根据${REGULATION}${article}的规定，现书面征求贵方意见。请于收到本函之日起15个工作日内${con.replyBy ? `（即${chineseDate(con.replyBy)}前）` : ''}提出书面意见，并说明理由。${consequence}`,
      '特此函告。',
    ],
    agencyName: c.agencyName,
    date: con.date,
  };
}

export function feeNotice(c: NoticeCase, fee: { date: string; amountYuan: number; method: string; units: number; breakdown: readonly FeeBreakdownLine[]; payBy: string | null }): OfficialNotice {
  const how = fee.method === 'by_pages' ? `按量计收，本次提供${fee.units}页` : `按件计收，本申请为您本月向本机关提出的第${fee.units}件申请`;
  return {
    title: '政府信息公开信息处理费收费通知书',
    documentNumber: number('费', c, fee.date),
    addressee: `${c.applicantName}：`,
    paragraphs: [
      opening(c),
      `您申请公开政府信息的数量、频次明显超过合理范围，根据${REGULATION}第四十二条和${FEE_MEASURE}的规定，本机关收取信息处理费。计收方式：${how}。应缴金额：人民币${fee.amountYuan}元，计算明细如下：`,
    ],
    listing: [
      ...fee.breakdown.map((l) => `第${l.from}至${l.to}${fee.method === 'by_pages' ? '页' : '件'}：${l.units} × ${l.rateYuan}元 = ${l.amountYuan}元`),
      `请于收到本通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内${fee.payBy ? `（即${chineseDate(fee.payBy)}前）` : ''}缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      '特此通知。',
    ],
    agencyName: c.agencyName,
    date: fee.date,
  };
}
