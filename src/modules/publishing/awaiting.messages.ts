// The texts of the start page's "waiting for you" panel (awaiting.panel.tsx).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const awaitingMessages = defineMessages({
  'pub.awaiting.title': { zh: '待我办理的信息', en: 'Items waiting for you' },
  'pub.awaiting.count': { zh: '共 {count} 条待您办理', en: '{count} waiting for your step' },
  'pub.awaiting.all': { zh: '查看全部待我办理', en: 'See everything waiting for you' },
  'pub.awaiting.next': { zh: '下一步：{step}', en: 'Next step: {step}' },
  'pub.item.waits_for': {
    zh: '当前没有需要您办理的操作。本信息正在等待：{steps}。',
    en: 'Nothing for you to do now. The item waits for: {steps}.',
  },
  'pub.awaiting.due': { zh: '应于 {date} 前公开', en: 'due {date}' },
});
