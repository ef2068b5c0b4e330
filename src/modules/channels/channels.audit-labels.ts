// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const channelsAuditLabels = defineAuditLabels({
  actions: {
    'channels.endpoint': { zh: '设置发布渠道', en: 'Configured a channel' },
    'channels.queue': { zh: '排入渠道推送', en: 'Queued for a channel' },
    'channels.outbox_sent': { zh: '渠道推送完成', en: 'Sent to a channel' },
    'channels.retry': { zh: '重试渠道推送', en: 'Retried a channel delivery' },
    'channels.record': { zh: '登记渠道发布', en: 'Recorded a channel publication' },
    'channels.demo': { zh: '载入演示渠道数据', en: 'Loaded the demo channel data' },
  },
  subjects: {
    channel_outbox: { zh: '渠道推送任务', en: 'Channel delivery' },
    channel_publication: { zh: '渠道发布记录', en: 'Channel publication' },
    agency: { zh: '机关', en: 'Agency' },
  },
});
