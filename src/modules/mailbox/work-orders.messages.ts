// Texts of the 12345 work-order intake: the import's report of bad rows and the webhook's answers.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const workOrderIntakeMessages = defineMessages({
  'nav.mailbox_webhook': { zh: '12345工单接口', en: '12345 webhook' },
  'nav.mailbox_webhook_hint': {
    zh: '为各机关设置12345热线平台推送工单所用的密钥',
    en: 'The secret each agency gives the 12345 platform to send work orders',
  },
  'mailbox.import.title': { zh: '导入12345工单', en: 'Import 12345 work orders' },
  'mailbox.import.lead': {
    zh: '上传12345热线平台导出的工单文件（CSV、XLSX 或 JSON）。先“检查”可看到将新增多少件、哪些行有误；只要有一行有误，整份文件都不导入，请更正后重新上传。已在系统中的工单编号不会重复登记。',
    en: 'Upload the export of the 12345 hotline platform (CSV, XLSX or JSON). "Check" shows how many orders are new and which rows are wrong; while any row is wrong nothing of the file is imported: correct it and upload it again. An order number already on record is not registered twice.',
  },
  'mailbox.import.agency': { zh: '接收机关', en: 'Receiving agency' },
  'mailbox.import.agency_required': { zh: '请选择接收机关', en: 'Choose the receiving agency' },
  'mailbox.import.file': { zh: '工单文件', en: 'Work-order file' },
  'mailbox.import.file_hint': {
    zh: '.csv、.xlsx 或 .json，第一行为列名（见下表）',
    en: '.csv, .xlsx or .json, with the column names in the first row (see the table below)',
  },
  'mailbox.import.file_required': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'mailbox.import.check': { zh: '检查', en: 'Check' },
  'mailbox.import.submit': { zh: '导入', en: 'Import' },
  'mailbox.import.checked': {
    zh: '“{file}”共{rows}件工单，未发现错误：导入将新增{created}件，另有{known}件已在系统中（不变）。尚未导入。',
    en: '"{file}" holds {rows} orders and no errors: importing adds {created}; {known} are already on record (unchanged). Nothing is imported yet.',
  },
  'mailbox.import.stored': {
    zh: '已导入“{file}”：新增{created}件，{known}件已在系统中（未改变）。',
    en: 'Imported "{file}": {created} new orders; {known} were already on record (unchanged).',
  },
  'mailbox.import.refused': {
    zh: '“{file}”（{rows}行）有{count}处错误，未导入任何工单。请更正下列各行后重新上传。',
    en: '"{file}" ({rows} rows) has {count} errors; no order was imported. Correct the rows below and upload it again.',
  },
  'mailbox.import.problem_row': { zh: '行号', en: 'Row' },
  'mailbox.import.problem_column': { zh: '列', en: 'Column' },
  'mailbox.import.problem_number': { zh: '工单编号', en: 'Order number' },
  'mailbox.import.problem_text': { zh: '问题', en: 'Problem' },
  'mailbox.import.whole_file': { zh: '整个文件', en: 'Whole file' },
  'mailbox.import.more': { zh: '另有{count}处错误未列出', en: '{count} more errors not listed' },
  'mailbox.import.columns': { zh: '文件的列', en: 'Columns of the file' },
  'mailbox.import.column_header': { zh: '列名', en: 'Header' },
  'mailbox.import.column_required': { zh: '必填', en: 'Required' },
  'mailbox.import.required_yes': { zh: '是', en: 'Yes' },
  'mailbox.import.required_no': { zh: '否', en: 'No' },
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
  'mailbox.webhook.title': { zh: '12345工单接口', en: '12345 work-order webhook' },
  'mailbox.webhook.lead': {
    zh: '12345热线平台可通过接口向本机关推送工单，接口地址为 /api/hotline/work-orders，请求头 X-Gongkai-Agency（机关代码）、X-Gongkai-Timestamp（时间戳，秒）、X-Gongkai-Delivery（投递编号）和 X-Gongkai-Signature（以密钥计算的 HMAC-SHA256 签名），详见导入说明文档。密钥加密保存，只在保存后显示一次。',
    en: 'The 12345 hotline platform may send work orders to this agency at /api/hotline/work-orders with the headers X-Gongkai-Agency (agency code), X-Gongkai-Timestamp (Unix seconds), X-Gongkai-Delivery (delivery id) and X-Gongkai-Signature (HMAC-SHA256 with the secret); see the import documentation. The secret is stored encrypted and shown only once, when it is saved.',
  },
  'mailbox.webhook.on': {
    zh: '{agency}已开通工单接口（密钥设置于{at}）。',
    en: '{agency} takes work orders by webhook (secret set {at}).',
  },
  'mailbox.webhook.off': { zh: '{agency}尚未开通工单接口。', en: '{agency} does not take work orders by webhook yet.' },
  'mailbox.webhook.secret': { zh: '密钥', en: 'Secret' },
  'mailbox.webhook.agency': { zh: '机关', en: 'Agency' },
  'mailbox.webhook.choose': { zh: '查看', en: 'Show' },
  'mailbox.webhook.secret_hint': {
    zh: '填写12345平台提供的密钥（至少32个字符）；留空则由系统生成新密钥',
    en: 'The secret the 12345 platform issued (at least 32 characters); blank generates a new one',
  },
  'mailbox.webhook.save': { zh: '保存密钥', en: 'Save the secret' },
  'mailbox.webhook.saved': {
    zh: '密钥已保存。请将下列密钥交给12345平台，离开本页后不再显示：',
    en: 'The secret is saved. Give it to the 12345 platform; it is not shown again once you leave this page:',
  },
  'mailbox.webhook.remove': { zh: '停用工单接口', en: 'Stop the webhook' },
  'mailbox.webhook.removed': { zh: '工单接口已停用。', en: 'The webhook is stopped.' },
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
