// Texts of who approves drafted answers (the agency's setting and the case page), Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const replyApproverMessages = defineMessages({
  'reply_approvers.title': { zh: '答复审批设置：{name}', en: 'Approval of replies: {name}' },
  'reply_approvers.link': { zh: '答复审批设置', en: 'Approval of replies' },
  'reply_approvers.intro': {
    zh: '信息公开工作人员起草的答复稿，须经下列人员之一审批同意后才正式答复。信息公开工作机构负责人是本机关信息公开工作机构（{office}）的科室负责人。起草人不能审批自己起草的答复稿。',
    en: 'A reply drafted by the disclosure office is issued only when one of the people chosen below approves it. The head of the disclosure office is the unit head of the agency’s disclosure office ({office}). Nobody approves their own draft.',
  },
  'reply_approvers.no_office': { zh: '未指定', en: 'not set' },
  'reply_approvers.legend': { zh: '可以审批答复稿的人员', en: 'Who may approve a drafted reply' },
  'reply_approvers.hint': {
    zh: '至少选择一项。默认：信息公开工作机构负责人及以上（三项均选）。',
    en: 'Choose at least one. Default: the head of the disclosure office or above (all three).',
  },
  'reply_approvers.role.office_head': { zh: '信息公开工作机构负责人', en: 'head of the disclosure office' },
  'reply_approvers.role.leader_in_charge': { zh: '分管领导', en: 'leader in charge' },
  'reply_approvers.role.principal_leader': { zh: '主要领导', en: 'principal leader' },
  'reply_approvers.list': { zh: '{names}或{last}', en: '{names} or {last}' },
  'reply_approvers.sep': { zh: '、', en: ', ' },
  'reply_approvers.save': { zh: '保存', en: 'Save' },
  'reply_approvers.saved': { zh: '已保存答复审批设置。', en: 'Saved who approves replies.' },
  'reply_approvers.error.none': {
    zh: '请至少选择一类审批人员，否则答复稿无法审批',
    en: 'Choose at least one approver, or no draft could be approved',
  },
});
