// Texts of the 12345 work-order intake: the import's report of bad rows and the webhook's answers.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const workOrderIntakeMessages = defineMessages({
  'mailbox.import.error.format': {
    zh: '只支持 .csv、.xlsx 与 .json 文件',
    en: 'Only .csv, .xlsx and .json files are supported',
  },
  'mailbox.import.error.columns': {
    zh: '缺少必需的列：{columns}',
    en: 'Required columns are missing: {columns}',
  },
  'mailbox.import.error.empty': { zh: '文件中没有工单', en: 'The file holds no work order' },
  'mailbox.import.error.too_many': {
    zh: '一次最多导入{max}件工单，请分批导入',
    en: 'At most {max} work orders at a time; split the file',
  },
  'mailbox.import.error.json': { zh: 'JSON 无法解析：{reason}', en: 'The JSON cannot be parsed: {reason}' },
  'mailbox.import.error.json_shape': {
    zh: 'JSON 应为工单列表，或含 orders 列表的对象',
    en: 'The JSON must be a list of work orders or an object with an "orders" list',
  },
  'mailbox.import.error.json_order': {
    zh: '该项不是一件工单（应为对象）',
    en: 'This entry is not a work order (an object)',
  },
  'mailbox.import.error.not_text': {
    zh: '字段“{field}”应为文字或数字',
    en: 'The field "{field}" must be text or a number',
  },
  'mailbox.import.error.no_number': { zh: '缺少工单编号', en: 'The order number is missing' },
  'mailbox.import.error.number_chars': {
    zh: '工单编号不能含空格或控制字符',
    en: 'The order number cannot contain spaces or control characters',
  },
  'mailbox.import.error.duplicate': {
    zh: '工单编号“{number}”与第{row}行重复',
    en: 'The order number "{number}" repeats row {row}',
  },
  'mailbox.import.error.no_received': {
    zh: '缺少派单时间（或受理时间）',
    en: 'The dispatch time (or the time of the call) is missing',
  },
  'mailbox.import.error.received': {
    zh: '派单时间“{value}”不是有效的日期时间（如 2025-03-04 09:15）',
    en: 'The dispatch time "{value}" is not a valid date and time (e.g. 2025-03-04 09:15)',
  },
  'mailbox.import.error.future': {
    zh: '派单时间“{value}”晚于现在',
    en: 'The dispatch time "{value}" is in the future',
  },
  'mailbox.import.error.reply_date': {
    zh: '要求办结时间“{value}”不是有效日期（如 2025-03-20）',
    en: 'The required reply date "{value}" is not a valid date (e.g. 2025-03-20)',
  },
  'mailbox.import.error.reply_before_received': {
    zh: '要求办结时间“{value}”早于派单日期',
    en: 'The required reply date "{value}" is before the dispatch date',
  },
  'mailbox.import.error.no_category': { zh: '缺少诉求类型', en: 'The category is missing' },
  'mailbox.import.error.category': {
    zh: '诉求类型“{value}”无效（应为应急、咨询、求助、建议、批评、投诉或举报）',
    en: 'The category "{value}" is not valid (urgent, consultation, help, suggestion, criticism, complaint or report)',
  },
  'mailbox.import.error.no_request': { zh: '诉求内容为空', en: 'The request is empty' },
  'mailbox.import.error.too_long': {
    zh: '“{field}”有{length}个字，超过上限{max}字',
    en: '"{field}" has {length} characters, more than the {max} allowed',
  },
  'mailbox.webhook.error.headers': {
    zh: '缺少签名头：{headers}',
    en: 'Signature headers are missing: {headers}',
  },
  'mailbox.webhook.error.timestamp': {
    zh: '时间戳应为 Unix 秒数',
    en: 'The timestamp must be Unix seconds',
  },
  'mailbox.webhook.error.delivery': {
    zh: '投递编号应为1至100个字母、数字或 . _ : -',
    en: 'The delivery id must be 1 to 100 letters, digits or . _ : -',
  },
  'mailbox.webhook.error.signature': { zh: '签名不正确', en: 'The signature is not valid' },
  'mailbox.webhook.error.stale': {
    zh: '时间戳与服务器时间相差超过{seconds}秒',
    en: 'The timestamp is more than {seconds} seconds from the server time',
  },
  'mailbox.webhook.error.agency': {
    zh: '该机关未开通12345工单接口',
    en: 'This agency does not take 12345 work orders by webhook',
  },
  'mailbox.webhook.error.invalid': {
    zh: '工单有误，均未接收，请按问题清单更正后重发',
    en: 'Some orders are invalid; none was received: correct those listed and send again',
  },
  'mailbox.webhook.error.secret_short': {
    zh: '密钥至少{min}个字符，且只能是可见的英文字符',
    en: 'The secret must have at least {min} visible ASCII characters',
  },
  'mailbox.webhook.error.replay': {
    zh: '该投递编号已收到过，请求未重复处理',
    en: 'This delivery id was received before; the request was not processed again',
  },
});
