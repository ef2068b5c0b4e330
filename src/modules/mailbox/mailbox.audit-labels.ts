// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const mailboxAuditLabels = defineAuditLabels({
  actions: {
    'mailbox.receive_letter': { zh: '收到信箱来信', en: 'Received a mailbox letter' },
    'mailbox.receive_orders': { zh: '接收12345热线工单', en: 'Received 12345 hotline work orders' },
    'mailbox.sign_for': { zh: '签收来信或工单', en: 'Signed for a letter or work order' },
    'mailbox.return': { zh: '退回工单（退单）', en: 'Returned a letter or work order' },
    'mailbox.assign': { zh: '交办承办科室', en: 'Assigned a letter or work order to a unit' },
    'mailbox.submit_reply': { zh: '提交答复稿', en: 'Submitted a draft reply' },
    'mailbox.approve_reply': { zh: '科室负责人审核答复', en: 'Approved a reply' },
    'mailbox.send_back': { zh: '退回答复稿', en: 'Sent a draft reply back' },
    'mailbox.reply': { zh: '答复并办结反馈', en: 'Sent the reply and reported the result' },
    'mailbox.record_callback': { zh: '登记回访满意度', en: 'Recorded the callback rating' },
    'mailbox.redo': { zh: '重办', en: 'Sent a case back to be handled again' },
    'mailbox.extend': { zh: '延期办理', en: 'Extended the due date' },
    'mailbox.remind': { zh: '催办、督办或通报逾期来信工单', en: 'Reminded of or escalated an overdue case' },
    'mailbox.attachment_view': { zh: '打开来信附件', en: "Opened a letter's attachment" },
    'mailbox.personal_data_view': { zh: '查看来信人个人信息', en: "Viewed a writer's personal data" },
    'mailbox.set_limit': { zh: '设置办理时限', en: 'Set a reply limit' },
    'mailbox.remove_limit': { zh: '恢复默认办理时限', en: 'Restored a default reply limit' },
    'mailbox.set_route': { zh: '设置分办规则', en: 'Set a routing rule' },
    'mailbox.remove_route': { zh: '删除分办规则', en: 'Removed a routing rule' },
  },
  subjects: { mailbox_case: { zh: '信箱来信、热线工单', en: 'Mailbox letter or hotline order' } },
});
