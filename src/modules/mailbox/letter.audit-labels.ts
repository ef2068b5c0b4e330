// What the audit log calls the actions of the citizen's side of the mailbox (docs/conventions.md,
// "Audit labels"); the letter itself is labelled with the module's other subjects.
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const letterAuditLabels = defineAuditLabels({
  actions: {
    'mailbox.attach_letter_files': { zh: '保存来信附件', en: "Stored a letter's attachments" },
    'mailbox.notify_answered': {
      zh: '向写信人发送答复及评价链接',
      en: 'Sent the writer the reply and the rating link',
    },
    'mailbox.rate_reply': { zh: '写信人评价答复', en: 'The writer rated the reply' },
  },
});
