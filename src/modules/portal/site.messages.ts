import { defineMessages } from '../../platform/i18n/i18n.ts';

/** The agency sections (站群) and the site map. */
export const siteMessages = defineMessages({
  'portal.section.title': { zh: '{name}政府信息公开', en: '{name}: information disclosure' },
  'portal.section.lead': {
    zh: '本机关依照《中华人民共和国政府信息公开条例》公开政府信息的专栏。',
    en: 'This agency’s section for disclosing government information under the Regulations.',
  },
  'portal.section.items': { zh: '已主动公开 {n} 条', en: '{n} items published' },
  'portal.section.guide': { zh: '政府信息公开指南', en: 'Disclosure guide' },
  'portal.section.catalog': { zh: '政府信息公开目录', en: 'Disclosure catalog' },
  'portal.section.statutory': { zh: '法定主动公开内容', en: 'Statutory proactive disclosures' },
  'portal.section.statutory_lead': {
    zh: '条例第二十条规定应当主动公开的政府信息，按事项列出。',
    en: 'The information Art. 20 requires to be published, by item.',
  },
  'portal.section.art20': { zh: '第二十条第{n}项', en: 'Art. 20, item {n}' },
  'portal.section.art20_count': { zh: '{n} 条', en: '{n} items' },
  'portal.section.statutory_none': { zh: '暂无按第二十条登记的信息。', en: 'Nothing registered under Art. 20 yet.' },
  'portal.section.reports': { zh: '政府信息公开工作年度报告', en: 'Annual reports' },
  'portal.section.reports_none': { zh: '暂无已发布的年度报告。', en: 'No annual report published yet.' },
  'portal.section.apply': { zh: '依申请公开', en: 'Applying for information' },
  'portal.section.apply_lead': {
    zh: '公民、法人或者其他组织可以在线申请，也可以填写纸质申请表当面提交或者邮寄。',
    en: 'Apply online, or fill in the paper form and hand it in or post it.',
  },
  'portal.section.apply_online': { zh: '在线申请', en: 'Apply online' },
  'portal.section.paper_form': { zh: '下载纸质申请表（DOCX）', en: 'Download the paper form (DOCX)' },
  'portal.section.in_person': { zh: '当面提交地址', en: 'Hand it in at' },
  'portal.section.postal': { zh: '邮寄地址', en: 'Post it to' },
  'portal.section.postal_note': {
    zh: '{address}（邮政编码 {postcode}），信封请注明“政府信息公开申请”',
    en: '{address} (postcode {postcode}); mark the envelope “政府信息公开申请”',
  },
  'portal.section.hours': { zh: '受理时间', en: 'Hours' },
  'portal.section.phone': { zh: '咨询电话', en: 'Enquiries' },
  'portal.section.track': { zh: '查询办理进度', en: 'Track an application' },
  'portal.section.interaction': { zh: '互动交流', en: 'Interaction' },
  'portal.section.interaction_lead': {
    zh: '就本机关职责范围内的事项写信咨询、求助、建议、批评、投诉或举报；经写信人同意的来信及答复在互动交流栏目选登。',
    en: 'Write to this agency with a question, a request for help, a suggestion, criticism, complaint or report; letters whose writers agree are published with their replies in the Interaction column.',
  },
  'portal.section.write_letter': { zh: '给本机关写信', en: 'Write to this agency' },
  'portal.section.answers': { zh: '来信选登及互动指标', en: 'Published letters and interaction figures' },
  'portal.section.rules': { zh: '信息公开制度', en: 'Disclosure rules' },
  'portal.section.rules_lead': {
    zh: '本机关依照条例建立并执行以下政府信息公开工作制度：',
    en: 'This agency works under these disclosure rules:',
  },
  'portal.section.rule.review': {
    zh: '公开前保密审查制度（条例第十七条）：拟公开的政府信息先经保密审查。',
    en: 'Confidentiality review before publication (Art. 17).',
  },
  'portal.section.rule.coordination': {
    zh: '发布协调制度（条例第十八条）：涉及其他机关的信息与有关机关协商、确认。',
    en: 'Coordination with other agencies before publication (Art. 18).',
  },
  'portal.section.rule.timeliness': {
    zh: '主动公开时限制度（条例第二十六条）：自信息形成或者变更之日起20个工作日内公开。',
    en: 'Publication within 20 working days of forming or changing the information (Art. 26).',
  },
  'portal.section.rule.application': {
    zh: '依申请公开办理制度（条例第二十七条至第四十五条）：登记、补正、征求意见、答复和送达全程留痕。',
    en: 'Handling applications (Arts. 27–45): every step recorded.',
  },
  'portal.section.rule.report': {
    zh: '年度报告制度（条例第四十九条、第五十条）：每年1月31日前公布上一年度工作年度报告。',
    en: 'Annual report published by 31 January (Arts. 49–50).',
  },
  'portal.section.rule.assessment': {
    zh: '考核、社会评议和责任追究制度（条例第六十四条至第六十九条）。',
    en: 'Assessment, public evaluation and accountability (Arts. 64–69).',
  },
  'portal.section.not_set': { zh: '请致电咨询', en: 'Please call' },
  'portal.agencies.section': { zh: '公开专栏', en: 'Section' },
});
