// Texts of Art. 26 on change (变更) and of the document kind and publication limit fields.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const changeMessages = defineMessages({
  'pub.field.document_kind': { zh: '文件类别（年度报告表二）', en: 'Document kind (annual report table 二)' },
  'pub.field.document_kind_hint': {
    zh: '按文件本身的性质选择；不选时，体裁为“规章”的视为规章，归入规范性文件栏目的视为行政规范性文件。',
    en: 'Choose what the document is; if left empty, genre 规章 means a regulation and the normative-document category a normative document.',
  },
  'pub.document_kind.auto': { zh: '按体裁和栏目判断', en: 'From genre and category' },
  'pub.document_kind.regulation': { zh: '规章', en: 'Regulation (规章)' },
  'pub.document_kind.normative_document': { zh: '行政规范性文件', en: 'Normative document' },
  'pub.document_kind.none': { zh: '均不是', en: 'Neither' },
  'pub.field.publication_limit_days': {
    zh: '其他法律法规规定的公开期限（工作日）',
    en: 'Publication limit set by another law (working days)',
  },
  'pub.field.publication_limit_law': { zh: '规定该期限的法律法规名称', en: 'Name of the law setting that limit' },
  'pub.field.publication_limit_hint': {
    zh: '第二十六条：法律、法规对公开期限另有规定的，从其规定。不填则为20个工作日。',
    en: 'Art. 26: where a law sets another period, it applies. Leave empty for 20 working days.',
  },
  'pub.error.limit_days_invalid': {
    zh: '公开期限应为1至{max}个工作日之间的整数',
    en: 'The publication limit must be a whole number of working days from 1 to {max}',
  },
  'pub.error.limit_law_required': {
    zh: '请填写规定该公开期限的法律法规名称',
    en: 'Enter the name of the law that sets this publication limit',
  },
  'pub.error.limit_days_required': {
    zh: '请填写该法律法规规定的公开期限（工作日）',
    en: 'Enter the publication limit that law sets, in working days',
  },
  'pub.field.changed_on': { zh: '变更日期（第二十六条）', en: 'Date of the change (Art. 26)' },
  'pub.field.changed_on_hint': {
    zh: '信息变更之日，自该日起20个工作日内应当公开；不填为今天。',
    en: 'The day the information changed; it must be published within 20 working days. Empty means today.',
  },
  'pub.error.changed_on_invalid': {
    zh: '变更日期不能早于成文日期，也不能晚于今天',
    en: 'The date of the change cannot be before the formation date or after today',
  },
  'pub.changes.title': {
    zh: '变更及其公开期限（第二十六条）',
    en: 'Changes and their publication deadlines (Art. 26)',
  },
  'pub.changes.kind.correction': { zh: '更正', en: 'Correction' },
  'pub.changes.kind.validity': { zh: '有效性变更', en: 'Validity change' },
  'pub.changes.changed_on': { zh: '变更日期', en: 'Changed on' },
  'pub.changes.due_on': { zh: '应公开日期', en: 'Due' },
  'pub.changes.published_on': { zh: '公开日期', en: 'Published' },
  'pub.changes.limit': { zh: '期限依据', en: 'Limit' },
  'pub.changes.art26': { zh: '条例第二十六条（20个工作日）', en: 'Regulation Art. 26 (20 working days)' },
  'pub.changes.other_law': { zh: '{law}（{days}个工作日）', en: '{law} ({days} working days)' },
  'pub.changes.pending': { zh: '待公开', en: 'Not yet published' },
});
