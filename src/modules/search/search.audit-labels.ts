// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const searchAuditLabels = defineAuditLabels({
  actions: {
    'search.synonyms_add': { zh: '新增检索同义词组', en: 'Added a search synonym group' },
    'search.synonyms_edit': { zh: '修改检索同义词组', en: 'Changed a search synonym group' },
    'search.synonyms_remove': { zh: '删除检索同义词组', en: 'Removed a search synonym group' },
  },
  subjects: { search_synonym_group: { zh: '检索同义词组', en: 'Search synonym group' } },
});
