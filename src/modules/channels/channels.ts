// Channels (发布渠道 / 载体) on which an agency publishes information. The portal and the own
// website are published by the platform itself (a record follows every publication of an item);
// every other channel's publications are recorded with their date and title. The 2008-format
// report counts them: "在各类公开载体共发布信息702条。其中，在市政府门户网和本部门网站发布政府
// 信息275条" — so the website count is of items (each once), the total of publications.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const channels = [
  'government_portal', // 政府门户网站
  'own_website', // 本部门网站
  'weibo',
  'wechat',
  'display_screen', // 电子显示屏
  'newspaper',
  'tv', // 广播电视
  'hotline', // 12345
  'mailbox', // 市长信箱
  'service_window', // 政务服务中心窗口
  'gazette', // 政府公报
  'press_conference', // 新闻发布会
  'briefing', // 内部刊物，如《人社简报》
  'bulletin_board', // 公开栏
  'other',
] as const;
export type Channel = (typeof channels)[number];

/** The channels the platform publishes to itself: "on the websites". */
export const websiteChannels: readonly Channel[] = ['government_portal', 'own_website'];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}

/**
 * The key of annual-report.schema.json's `byChannel` (report2008) a channel is counted under.
 * The schema knows eleven keys; the gazette, press conferences, briefings and bulletin boards
 * are "other" there.
 */
export const reportChannelKey: Readonly<Record<Channel, string>> = {
  government_portal: 'governmentPortal',
  own_website: 'ownWebsite',
  weibo: 'weibo',
  wechat: 'wechat',
  display_screen: 'displayScreen',
  newspaper: 'newspaper',
  tv: 'tv',
  hotline: 'hotline',
  mailbox: 'mailbox',
  service_window: 'serviceWindow',
  gazette: 'other',
  press_conference: 'other',
  briefing: 'other',
  bulletin_board: 'other',
  other: 'other',
};

export const channelMessages = defineMessages({
  'channel.government_portal': { zh: '政府门户网站', en: 'Government portal' },
  'channel.own_website': { zh: '本部门网站', en: 'Own website' },
  'channel.weibo': { zh: '政务微博', en: 'Weibo' },
  'channel.wechat': { zh: '政务微信', en: 'WeChat' },
  'channel.display_screen': { zh: '电子显示屏', en: 'Display screen' },
  'channel.newspaper': { zh: '报刊', en: 'Newspaper' },
  'channel.tv': { zh: '广播电视', en: 'Radio and TV' },
  'channel.hotline': { zh: '12345热线', en: 'Hotline' },
  'channel.mailbox': { zh: '市长信箱', en: "Mayor's mailbox" },
  'channel.service_window': { zh: '服务窗口', en: 'Service window' },
  'channel.gazette': { zh: '政府公报', en: 'Government gazette' },
  'channel.press_conference': { zh: '新闻发布会', en: 'Press conference' },
  'channel.briefing': { zh: '简报', en: 'Briefing' },
  'channel.bulletin_board': { zh: '公开栏', en: 'Bulletin board' },
  'channel.other': { zh: '其他', en: 'Other' },
  'nav.channels': { zh: '发布渠道', en: 'Channels' },
  'nav.channels_hint': {
    zh: '登记各渠道发布记录，统计各类载体发布数量',
    en: 'Record publications per channel and count them',
  },
  'channels.title': { zh: '发布渠道记录', en: 'Publications per channel' },
  'channels.lead': {
    zh: '网站发布由平台自动记录；其他渠道（微博、微信、报刊、电视、显示屏、简报等）的发布在此登记。',
    en: 'Website publications are recorded by the platform; publications on other channels are recorded here.',
  },
  'channels.year': { zh: '年度', en: 'Year' },
  'channels.count': { zh: '条数', en: 'Count' },
  'channels.total': { zh: '各类载体合计', en: 'All channels' },
  'channels.website_items': { zh: '网站发布信息（每条计一次）', en: 'Items on the websites (each once)' },
  'channels.overlap_note': {
    zh: '说明：上表各渠道条数相加为 {rows} 条，比“各类载体合计”多 {overlap} 条。同一条信息在同一次发布中同时登载于政府门户网站和本机关网站的，在两个网站渠道中各计一次，在合计中只计一次（网站发布信息 {websiteItems} 条）。',
    en: 'Note: the channel rows above add up to {rows}, {overlap} more than the total. An item published on the government portal and on the own website on the same occasion counts on each of the two website channels but once in the total ({websiteItems} items on the websites).',
  },
  'channels.field.channel': { zh: '渠道', en: 'Channel' },
  'channels.field.published_on': { zh: '发布日期', en: 'Date' },
  'channels.field.title': { zh: '标题', en: 'Title' },
  'channels.field.item_id': { zh: '关联信息编号', en: 'Catalog item id' },
  'channels.field.note': { zh: '备注', en: 'Note' },
  'channels.add': { zh: '登记发布记录', en: 'Record a publication' },
  'channels.recent': { zh: '最近的发布记录', en: 'Recent publications' },
  'channels.saved': { zh: '已登记。', en: 'Recorded.' },
  'channels.error.website': {
    zh: '网站发布由平台在信息发布时自动记录，不能手工登记。',
    en: 'Website publications are recorded when an item is published; they cannot be entered by hand.',
  },
  'channels.error.item': {
    zh: '关联的信息不存在或不属于本机关。',
    en: 'The linked item does not exist or belongs to another agency.',
  },
  'channels.error.future': { zh: '发布日期不能晚于今天。', en: 'The date cannot be in the future.' },
});
