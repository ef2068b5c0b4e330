import { defineMessages } from '../../platform/i18n/i18n.ts';

export const catalogImportMessages = defineMessages({
  'import.error.title': { zh: '标题不能为空，且不超过300字', en: 'The title is required and at most 300 characters' },
  'import.error.unit': {
    zh: '责任科室“{unit}”在本机关中不存在',
    en: 'The responsible unit "{unit}" does not exist in the agency',
  },
  'import.error.agency': { zh: '机关代码“{agency}”不存在', en: 'The agency code "{agency}" does not exist' },
  'import.error.no_agency': {
    zh: '未指定机关：请在文件中给出机关代码列或使用 --agency',
    en: 'No agency: give an agency column or --agency',
  },
  'import.error.formation_date': {
    zh: '成文日期“{value}”不是有效日期（YYYY-MM-DD）',
    en: 'The formation date "{value}" is not a valid date (YYYY-MM-DD)',
  },
  'import.error.publication_date': {
    zh: '发布日期“{value}”不是有效日期（YYYY-MM-DD）',
    en: 'The publication date "{value}" is not a valid date (YYYY-MM-DD)',
  },
  'import.error.publication_before_formation': {
    zh: '发布日期早于成文日期',
    en: 'The publication date is before the formation date',
  },
  'import.error.future': { zh: '日期不能晚于今天', en: 'A date cannot be in the future' },
  'import.error.too_old': {
    zh: '日期早于2008年（《条例》施行前）',
    en: 'The date is before 2008 (before the Regulation took effect)',
  },
  'import.error.category': { zh: '分类“{value}”无效', en: 'The category "{value}" is not valid' },
  'import.error.art20': { zh: '条例第二十条项目“{value}”应为1至15', en: 'The Art. 20 item "{value}" must be 1 to 15' },
  'import.error.channel': { zh: '发布渠道“{value}”无效', en: 'The channel "{value}" is not valid' },
  'import.error.pii': {
    zh: '含有个人信息（{kinds}），请脱敏后再导入',
    en: 'Contains personal data ({kinds}); mask it before importing',
  },
  'import.error.too_long': { zh: '字段“{field}”过长', en: 'The field "{field}" is too long' },
  'import.error.columns': { zh: '缺少必需的列：{columns}', en: 'Required columns are missing: {columns}' },
  'import.error.unreadable': { zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  'import.error.format': { zh: '只支持 .csv 与 .xlsx 文件', en: 'Only .csv and .xlsx files are supported' },
});
