// The wording of the notices an agency sends about an application: the reply notice (答复告知书)
// for each kind of answer, with the articles it rests on (outcome.ts, docs/domain/regulation.md#art-36,
// docs/domain/annual-report.md#outcome-mapping) and
// the applicant's remedies; the correction request (Art. 30), the extension notice (Art. 33),
// the delayed-reply notice (Art. 35), the letter asking a third party or another agency for its view (Arts. 32, 34) and the fee
// notice (国办函〔2020〕109号, docs/domain/fees.md#fee-notice). Pure: the caller gathers the case's data.
//
// The wording lives in templates (templates.ts): BUILT_IN holds the texts every agency's
// templates are first seeded with; the disclosure office edits its own versions. Each function
// here takes the template to use (the built-in one by default) and fills it with the case.
import { OUTCOMES, type OutcomeCode } from '../outcome.ts';
import { FEE_MEASURE, FEE_PAYMENT_WORKING_DAYS, type FeeBreakdownLine } from '../fee.ts';
import { chineseDate, type OfficialNotice } from './official-docx.ts';
import { basisFor, citeBasis, remedySentence, type RemedyBodies } from './remedies.ts';
import { provisionalNote, storedYears } from '../../calendar/index.ts';
import {
  fillTemplate,
  replyTemplateKey,
  type TemplateKey,
  type TemplateText,
  type TemplateValues,
} from './templates.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

export interface NoticeCase {
  readonly id: number;
  readonly applicantName: string;
  readonly receivedOn: string;
  readonly description: string;
  readonly agencyName: string;
  /** Optional: a template may show it ({{tracking_code}}). */
  readonly trackingCode?: string;
  /** The reconsideration body and court of the agency's notice settings (remedies.ts). */
  readonly remedyBodies?: RemedyBodies;
}

/** The number the notice was issued with (notice-settings.ts); notices issued before numbering
 *  have none and print no number line rather than the internal case id. */
interface Numbered {
  readonly documentNumber?: string | null;
}

/** The applicant's words as quoted in “…”: the quotation closes the sentence, so a full stop or
 *  comma at its end would double the one after it (“。”。”). */
export function quoted(text: string): string {
  return text.trim().replace(/[。．.，,；;、：:\s]+$/u, '');
}

/** The officer's free text as one or more sentences: closed with 。 when it ends without a mark. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return '';
  // A closing quote or bracket ends the sentence only after a stop inside it (“……。”).
  return /[。！？]$|[。！？][”’）)]$/u.test(t) ? t : `${t.replace(/[，,、：:；;]+$/u, '')}。`;
}

const OPENING = '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取“{{description}}”。';
const REPLY_TITLE = '政府信息公开申请答复告知书';

/** What the notice says for each kind of answer (the decision; reasons follow from the officer's summary). */
const DECISION: Record<string, string> = {
  disclosure: '经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供。',
  already_disclosed: '经审查，您申请获取的政府信息本机关已主动公开，获取的方式和途径如下。',
  partial_disclosure:
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。',
  non_disclosure: '经审查，您申请获取的政府信息属于不予公开的范围，本机关不予公开，理由如下。',
  other_procedure: '经审查，您申请获取的信息，有关法律、行政法规对其获取另有规定，请依照有关法律、行政法规的规定办理。',
  not_exist: '经检索，本机关没有您所申请公开的信息，该政府信息不存在。',
  not_this_agency: '经检索，您申请公开的政府信息不属于本机关负责公开的范围。',
  no_creation: '经审查，您的申请需要本机关对现有政府信息进行加工、分析，本机关不予提供。',
  unclear_after_correction:
    '本机关已告知您作出补正，补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息，无法提供。',
  not_an_application: '经审查，您提出的事项属于信访、投诉、举报，不作为政府信息公开申请处理，请通过相应渠道提出。',
  duplicate: '经审查，本机关已就同一内容向您作出答复，您再次提出的申请本机关不予重复处理。',
  publication: '经审查，您要求提供的是公开出版物，获取的途径如下。',
  excessive_requests: '经审查，您申请的数量、频次明显超过合理范围，所说明的理由不合理，本机关不予处理。',
  not_processed: '经审查，本机关对您的申请不予处理，理由如下。',
  // The two endings name why: no correction in time (Art. 30) or the fee not paid.
  no_correction:
    '本机关已告知您作出补正并给予补正期限，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  fee_unpaid:
    '本机关已向您发出收费通知，您逾期未按通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
  general: '经办理，现将有关情况告知如下。',
};

function replyTemplate(decision: string, extra: readonly string[] = []): TemplateText {
  return {
    title: REPLY_TITLE,
    body: [
      OPENING,
      decision,
      '具体情况：{{summary}}',
      ...extra,
      '依据{{legal_basis}}的规定，特此告知。',
      '{{remedies}}',
    ].join('\n'),
  };
}

const CONSULTATION_RECEIVED = '本机关于{{received_date}}收到一份政府信息公开申请，申请获取“{{description}}”。';
// Each letter states the ground of its own article: Art. 32 a third party's rights, Art. 34
// information made jointly with another agency.
const CONSULTATION_OPENING = {
  third_party: `${CONSULTATION_RECEIVED}该信息的公开可能损害贵方的合法权益。`,
  agency: `${CONSULTATION_RECEIVED}该信息由本机关与贵方共同制作。`,
};

/** The texts every agency's templates start from (version 1 of each, see template.service.ts). */
export const BUILT_IN: Record<TemplateKey, TemplateText> = {
  ...(Object.fromEntries(
    Object.entries(DECISION).map(([k, d]) => [
      `reply.${k}`,
      replyTemplate(
        d,
        k === 'partial_disclosure'
          ? ['不予公开（遮盖）的部分及理由：{{redaction_notes}}']
          : k === 'already_disclosed'
            ? ['已主动公开的信息：', '{{catalog_items}}']
            : [],
      ),
    ]),
  ) as Record<Extract<TemplateKey, `reply.${string}`>, TemplateText>),
  correction: {
    title: '政府信息公开申请补正告知书',
    body: [
      OPENING,
      `经审查，您的申请内容不明确，根据${REGULATION}第三十条的规定，请您对以下事项作出补正：{{correction_note}}`,
      '请于{{correct_by}}提交补正后的申请（可凭查询码和补正密钥在网上办理进度页面提交）。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ].join('\n'),
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      OPENING,
      '因{{extension_reason}}，本机关不能在规定期限内作出答复。根据{{extension_article}}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extension_days}}个工作日，延长后的答复期限为{{new_due_date}}。',
      '特此告知。',
    ].join('\n'),
  },
  // Art. 35: “行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，
  // 可以确定延迟答复的合理期限并告知申请人。”
  delay: {
    title: '政府信息公开申请延迟答复告知书',
    body: [
      OPENING,
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围。本机关认为您的申请理由合理，但因{{delay_reason}}，无法在${REGULATION}第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定延迟答复的合理期限，答复期限延至{{new_due_date}}。`,
      '特此告知。',
    ].join('\n'),
  },
  'consultation.third_party': {
    title: '政府信息公开征求意见函',
    body: [
      CONSULTATION_OPENING.third_party,
      `根据${REGULATION}第三十二条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，由本机关依照该条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开。`,
      '特此函告。',
    ].join('\n'),
  },
  'consultation.agency': {
    title: '政府信息公开征求意见函',
    body: [
      CONSULTATION_OPENING.agency,
      `根据${REGULATION}第三十四条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，视为同意公开。`,
      '特此函告。',
    ].join('\n'),
  },
  fee: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      OPENING,
      `您申请公开政府信息的数量、频次明显超过合理范围，根据${REGULATION}第四十二条和${FEE_MEASURE}的规定，本机关收取信息处理费。计收方式：{{fee_method}}。应缴金额：人民币{{fee_amount}}元，计算明细如下：`,
      '{{fee_breakdown}}',
      '请于{{pay_by}}缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此通知。',
    ].join('\n'),
  },
};

function common(c: NoticeCase, date: string): TemplateValues {
  return {
    applicant_name: c.applicantName,
    tracking_code: c.trackingCode ?? '',
    received_date: chineseDate(c.receivedOn),
    description: quoted(c.description),
    agency_name: c.agencyName,
    notice_date: chineseDate(date),
  };
}

function notice(
  template: TemplateText,
  values: TemplateValues,
  meta: { c: NoticeCase; date: string; addressee: string; documentNumber?: string | null },
): OfficialNotice {
  const { title, paragraphs } = fillTemplate(template, values);
  return {
    title,
    documentNumber: meta.documentNumber ?? '',
    addressee: meta.addressee,
    paragraphs,
    agencyName: meta.c.agencyName,
    date: meta.date,
  };
}

/** A catalog item the answer points to (Art. 36(一)). */
export interface CatalogRef {
  readonly indexNumber: string;
  readonly title: string;
}

export function replyNotice(
  c: NoticeCase,
  reply: {
    outcome: OutcomeCode;
    date: string;
    summary: string;
    redactions?: string | null;
    catalogItems?: readonly CatalogRef[];
  } & Numbered,
  template: TemplateText = BUILT_IN[replyTemplateKey(reply.outcome, Boolean(reply.catalogItems?.length))],
): OfficialNotice {
  const catalog = (reply.catalogItems ?? []).map((i) => `《${i.title}》（索引号：${i.indexNumber}）`).join('\n');
  const key = replyTemplateKey(reply.outcome, Boolean(reply.catalogItems?.length));
  const basis = basisFor(reply.outcome, key.slice('reply.'.length));
  return notice(
    template,
    {
      ...common(c, reply.date),
      summary: sentence(reply.summary),
      redaction_notes: sentence(reply.redactions ?? ''),
      catalog_items: catalog,
      legal_basis: basis.length ? citeBasis(basis) : REGULATION,
      remedies: remedySentence(reply.outcome, reply.date, c.remedyBodies ?? { reconsiderationBody: null, court: null }),
    },
    { c, date: reply.date, addressee: `${c.applicantName}：`, documentNumber: reply.documentNumber },
  );
}

/** "，暂按法定节假日计算，待……确认" inside an existing bracket, or '' for a final date. */
function provisionalClause(stored: string | null | undefined): string {
  const note = provisionalNote('zh-CN', stored);
  return note ? `，${note.replace(/^（|）$/g, '')}` : '';
}

export function correctionNotice(
  c: NoticeCase,
  request: {
    date: string;
    correctBy: string | null;
    note: string;
    /** Years without a holiday notice that correctBy was counted through (stored form). */
    provisionalYears?: string | null;
  } & Numbered,
  template: TemplateText = BUILT_IN.correction,
): OfficialNotice {
  const correctBy = request.correctBy
    ? `${chineseDate(request.correctBy)}${provisionalNote('zh-CN', request.provisionalYears)}前`
    : '收到本告知书之日起15个工作日内';
  return notice(
    template,
    { ...common(c, request.date), correction_note: sentence(request.note), correct_by: correctBy },
    { c, date: request.date, addressee: `${c.applicantName}：`, documentNumber: request.documentNumber },
  );
}

export function extensionNotice(
  c: NoticeCase,
  ext: {
    date: string;
    days: number;
    reason: string;
    newDueDate: string | null;
    rules: string;
    /** Years without a loaded holiday notice that the new due date was counted through. */
    provisionalYears?: readonly number[];
  } & Numbered,
  template: TemplateText = BUILT_IN.extension,
): OfficialNotice {
  const article =
    ext.rules === '2008' ? '《中华人民共和国政府信息公开条例》（2007年）第二十四条' : `${REGULATION}第三十三条`;
  return notice(
    template,
    {
      ...common(c, ext.date),
      extension_days: String(ext.days),
      extension_reason: quoted(ext.reason),
      new_due_date: ext.newDueDate
        ? `${chineseDate(ext.newDueDate)}${provisionalNote('zh-CN', storedYears(ext.provisionalYears ?? []))}`
        : '中止的期间结束后另行告知',
      extension_article: article,
    },
    { c, date: ext.date, addressee: `${c.applicantName}：`, documentNumber: ext.documentNumber },
  );
}

export function delayNotice(
  c: NoticeCase,
  delay: { date: string; until: string; reason: string } & Numbered,
  template: TemplateText = BUILT_IN.delay,
): OfficialNotice {
  return notice(
    template,
    { ...common(c, delay.date), delay_reason: quoted(delay.reason), new_due_date: chineseDate(delay.until) },
    { c, date: delay.date, addressee: `${c.applicantName}：`, documentNumber: delay.documentNumber },
  );
}

export function consultationLetter(
  c: NoticeCase,
  con: {
    date: string;
    party: 'third_party' | 'agency';
    replyBy: string | null;
    provisionalYears?: string | null;
  } & Numbered,
  template: TemplateText = BUILT_IN[`consultation.${con.party}`],
): OfficialNotice {
  const replyBy = `收到本函之日起15个工作日内${con.replyBy ? `（即${chineseDate(con.replyBy)}前${provisionalClause(con.provisionalYears)}）` : ''}`;
  return notice(
    template,
    { ...common(c, con.date), reply_by: replyBy },
    {
      c,
      date: con.date,
      addressee: con.party === 'agency' ? '（被征求意见机关）：' : '（第三方）：',
      documentNumber: con.documentNumber,
    },
  );
}

export function feeNotice(
  c: NoticeCase,
  fee: {
    date: string;
    amountYuan: number;
    method: string;
    units: number;
    breakdown: readonly FeeBreakdownLine[];
    payBy: string | null;
    provisionalYears?: string | null;
  } & Numbered,
  template: TemplateText = BUILT_IN.fee,
): OfficialNotice {
  const how =
    fee.method === 'by_pages'
      ? `按量计收，本次提供${fee.units}页`
      : `按件计收，本申请为您本月向本机关提出的第${fee.units}件申请`;
  const lines = fee.breakdown.map(
    (l) =>
      `第${l.from}至${l.to}${fee.method === 'by_pages' ? '页' : '件'}：${l.units} × ${l.rateYuan}元 = ${l.amountYuan}元`,
  );
  return notice(
    template,
    {
      ...common(c, fee.date),
      fee_method: how,
      fee_amount: String(fee.amountYuan),
      fee_breakdown: lines.join('\n'),
      pay_by: `收到本通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内${fee.payBy ? `（即${chineseDate(fee.payBy)}前${provisionalClause(fee.provisionalYears)}）` : ''}`,
    },
    { c, date: fee.date, addressee: `${c.applicantName}：`, documentNumber: fee.documentNumber },
  );
}

/** A fictitious case to preview a template with (the console's preview; nothing is stored). */
export function previewNotice(
  key: TemplateKey,
  template: TemplateText,
  agencyName: string,
  date: string,
): OfficialNotice {
  const c: NoticeCase = {
    id: 1,
    applicantName: '张三',
    receivedOn: date,
    description: '（示例）2025年本机关就业补助资金的使用情况',
    agencyName,
    trackingCode: '0000-0000-0000-0',
  };
  if (key.startsWith('reply.')) {
    const outcome = (Object.keys(OUTCOMES) as OutcomeCode[]).find((code) => replyTemplateKey(code) === key) ?? 'other';
    const sample = {
      outcome,
      date,
      summary: '（示例）此处为答复的具体情况。',
      redactions: '（示例）第3页申请人以外个人的身份证号码，属于个人隐私（第十五条）。',
    };
    if (key === 'reply.already_disclosed')
      return replyNotice(
        c,
        {
          ...sample,
          outcome: 'disclosed',
          catalogItems: [{ title: '（示例）2025年就业补助资金使用情况', indexNumber: '000000000/2026-00001' }],
        },
        template,
      );
    return replyNotice(c, sample, template);
  }
  switch (key) {
    case 'correction':
      return correctionNotice(c, { date, correctBy: date, note: '（示例）请写明所需文件的发文年份。' }, template);
    case 'extension':
      return extensionNotice(
        c,
        { date, days: 20, reason: '（示例）需要调取档案', newDueDate: date, rules: '2019' },
        template,
      );
    case 'delay':
      return delayNotice(c, { date, until: date, reason: '（示例）需要逐件检索2015年以来的档案' }, template);
    case 'consultation.third_party':
    case 'consultation.agency':
      return consultationLetter(
        c,
        { date, party: key === 'consultation.agency' ? 'agency' : 'third_party', replyBy: date },
        template,
      );
    default:
      return feeNotice(
        c,
        {
          date,
          amountYuan: 1100,
          method: 'by_pages',
          units: 120,
          breakdown: [
            { from: 31, to: 100, units: 70, rateYuan: 10, amountYuan: 700 },
            { from: 101, to: 120, units: 20, rateYuan: 20, amountYuan: 400 },
          ],
          payBy: date,
        },
        template,
      );
  }
}
