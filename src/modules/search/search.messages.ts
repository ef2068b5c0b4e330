import { defineMessages } from '../../platform/i18n/i18n.ts';

export const searchMessages = defineMessages({
  'nav.search_synonyms': { zh: '检索同义词', en: 'Search synonyms' },
  'nav.search_synonyms_hint': {
    zh: '简称和同义词，检索时一并查找',
    en: 'Abbreviations and synonyms the search also looks for',
  },
  'search.synonyms.title': { zh: '检索同义词', en: 'Search synonyms' },
  'search.synonyms.lead': {
    zh: '同一组中的词含义相同：检索词中含有其中一个词时，也查找含有同组其他词的信息（如检索“社保卡”也查找“社会保障卡”）。加引号的检索词不扩展。',
    en: 'The terms of a group mean the same: a search word that contains one of them also finds the items that hold another (社保卡 also finds 社会保障卡). Words in quotes are not widened.',
  },
  'search.synonyms.terms': { zh: '同义词', en: 'Terms' },
  'search.synonyms.terms_hint': {
    zh: '至少两个词，用顿号、逗号或空格分隔，每个词 1–20 个字，不含标点。',
    en: 'Two or more terms separated by 、, commas or spaces; each 1–20 characters, no punctuation.',
  },
  'search.synonyms.add': { zh: '新增同义词组', en: 'Add a group' },
  'search.synonyms.save': { zh: '保存', en: 'Save' },
  'search.synonyms.remove': { zh: '删除', en: 'Remove' },
  'search.synonyms.remove_confirm': { zh: '确定删除这一组同义词？', en: 'Remove this group of synonyms?' },
  'search.synonyms.group': { zh: '第 {n} 组', en: 'Group {n}' },
  'search.synonyms.count': { zh: '共 {n} 组', en: '{n} groups' },
  'search.synonyms.updated': { zh: '更新时间', en: 'Updated' },
  'search.synonyms.saved': { zh: '同义词已保存，检索即时生效。', en: 'Saved; searches use it at once.' },
  'search.synonyms.removed': { zh: '同义词组已删除。', en: 'The group was removed.' },
  'search.synonyms.too_few': { zh: '请至少填写两个同义词', en: 'Enter at least two terms' },
  'search.synonyms.too_many': { zh: '一组最多 {max} 个词', en: 'A group holds at most {max} terms' },
  'search.synonyms.bad_term': {
    zh: '“{term}”无效：每个词 1–{max} 个字，只含文字和数字',
    en: '“{term}” is not valid: each term is 1–{max} letters or digits',
  },
  'search.synonyms.repeated': { zh: '“{term}”重复填写', en: '“{term}” is entered twice' },
  'search.synonyms.in_other': {
    zh: '“{term}”已在同义词组“{group}”中',
    en: '“{term}” is already in the group {group}',
  },
});
