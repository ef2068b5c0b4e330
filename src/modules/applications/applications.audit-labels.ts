// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const applicationsAuditLabels = defineAuditLabels({
  actions: {
    'application.submit': { zh: '在线提交政府信息公开申请', en: 'Submitted an application online' },
    'application.register': { zh: '登记政府信息公开申请', en: 'Registered an application' },
    'application.converted_from_mailbox': {
      zh: '将信箱来信或热线工单转为政府信息公开申请',
      en: 'Registered a mailbox letter or hotline work order as an application',
    },
    'application.event': { zh: '记录办理环节', en: 'Recorded a step of the case' },
    'application.reply': { zh: '作出答复', en: 'Replied' },
    'application.reply_draft': { zh: '保存答复书草稿', en: 'Saved a reply draft' },
    'application.reply_return': { zh: '退回答复书草稿', en: 'Returned a reply draft' },
    'application.personal_data_view': { zh: '查看申请人个人信息', en: "Viewed the applicant's personal data" },
    'application.attachment_view': { zh: '查看申请材料', en: "Viewed an application's attachment" },
    'application.corrected_by_applicant': { zh: '申请人补正申请', en: 'The applicant corrected the application' },
    'application.answer_download': {
      zh: '申请人在办理进度页面下载答复书或政府信息',
      en: 'The applicant downloaded the reply notice or released information from the tracking page',
    },
    'application.released_attached': {
      zh: '附加随答复提供的政府信息',
      en: 'Attached information released with the reply',
    },
    'application.applicant_key_issued': { zh: '发放申请查询码', en: "Issued the applicant's tracking key" },
    'application.names_encrypted': {
      zh: '加密保存此前明文存储的申请人姓名或名称、联系人',
      en: "Encrypted the applicants' names and contact persons stored in clear before",
    },
    'application.name_index_rebuilt': {
      zh: '重新计算申请人姓名的检索索引',
      en: "Recomputed the look-up index of applicants' names",
    },
    'applications.cost_fee_2007_collected': {
      zh: '登记收取的检索、复制、邮寄费（2007 年条例）',
      en: 'Recorded a cost fee collected (2007 regulation)',
    },
    'applications.cost_fee_2007_waived': {
      zh: '登记减免的检索、复制、邮寄费（2007 年条例）',
      en: 'Recorded a cost fee waived (2007 regulation)',
    },
    'agency.notice_settings': { zh: '修改告知书设置', en: 'Changed the notice settings' },
    'agency.reply_approvers': { zh: '修改答复审批人员设置', en: 'Changed who approves replies' },
    'notice_template.save': { zh: '保存告知书模板', en: 'Saved a notice template' },
  },
  subjects: {
    application: { zh: '政府信息公开申请', en: 'Application' },
    notice_template: { zh: '告知书模板', en: 'Notice template' },
    agency: { zh: '机关', en: 'Agency' },
  },
});
