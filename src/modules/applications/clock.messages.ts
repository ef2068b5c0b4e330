// Texts of the application clock on the case page and its forms: the consultation window
// (Arts. 32, 34), extensions within their total (Art. 33) and the delayed-reply period (Art. 35).
// Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const clockMessages = defineMessages({
  'applications.field.delayed_until': { zh: '延迟答复的期限（答复期限延至）', en: 'Delayed reply due by' },
  'applications.field.delay_reason': {
    zh: '不能在第三十三条规定期限内答复的原因',
    en: 'Why the reply cannot be made within the Art. 33 period',
  },
  'applications.field.delay_hint': {
    zh: '仅适用于申请数量、频次明显超过合理范围，申请人说明的理由合理，但无法在规定期限内答复的情形（条例第三十五条）。须在答复期限届满前确定，并向申请人发出延迟答复告知书。',
    en: 'Only for requests whose number or frequency clearly exceeds a reasonable range, where the applicant’s reasons are sound but the reply cannot be made in time (Art. 35). Set it before the reply is due, and send the applicant the delayed-reply notice.',
  },
  'applications.field.extension_hint': {
    zh: '可以分次延长，但延长的期限合计不得超过20个工作日（2007年条例：15个工作日）；每次延长须在当时的答复期限届满前批准。',
    en: 'Extensions may be granted more than once, but together they may not exceed 20 working days (2007 Regulation: 15); each must be approved before the due date it extends.',
  },
  'applications.error.extension_total': {
    zh: '延长的期限合计不得超过{max}个工作日：本案已延长{used}个工作日，本次最多还可延长{left}个工作日',
    en: 'The extensions may total at most {max} working days: {used} already granted, so at most {left} more',
  },
  'applications.error.extension_exhausted': {
    zh: '本案已延长{used}个工作日，已达{max}个工作日的上限，不能再延长',
    en: 'This case has already been extended by {used} working days, the limit of {max}; it cannot be extended again',
  },
  'applications.error.delay_2008': {
    zh: '延迟答复（条例第三十五条）只适用于2019年5月15日以后收到的申请',
    en: 'A delayed reply (Art. 35) applies only to applications received from 15 May 2019',
  },
  'applications.error.delay_until_after': {
    zh: '延迟答复的期限应晚于确定之日',
    en: 'The delayed reply date must be after the day it is set',
  },
  'applications.error.delay_no_due_date': {
    zh: '本案目前没有确定的答复期限（正在等待补正或缴费），暂不能确定延迟答复期限',
    en: 'The case has no due date now (it waits for a correction or the fee), so no delayed-reply period can be set',
  },
  'applications.error.delay_after_due': {
    zh: '延迟答复期限应在答复期限（{due}）届满前确定并告知申请人（条例第三十五条），请核对日期',
    en: 'The delayed-reply period must be set and told to the applicant before the reply is due on {due} (Art. 35); check the date',
  },
  'applications.error.delay_not_later': {
    zh: '延迟答复的期限应晚于现在的答复期限（{due}）',
    en: 'The delayed reply date must be later than the current due date ({due})',
  },
  'applications.case.paused_until': {
    zh: '征求意见中，暂停计时。对方应于 {until} 前提出意见：提前提出的，自收到意见次日起恢复计时，答复期限相应提前；逾期未提出意见的，次日起自动恢复计时，答复期限为 {due}（条例第三十二条、第三十四条）。',
    en: 'Consulting; the clock is stopped. The other side has until {until}: if it replies earlier, the clock runs again from the next day and the reply is due sooner; if it stays silent, the clock runs again by itself the next day and the reply is due on {due} (Arts. 32, 34).',
  },
  'applications.list.consultation_until': { zh: '征求意见期限至 {date}', en: 'consultation window until {date}' },
  'applications.notice.delay': { zh: '延迟答复告知书（DOCX）', en: 'Delayed-reply notice (DOCX)' },
});
