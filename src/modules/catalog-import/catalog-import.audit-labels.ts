// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const catalogImportAuditLabels = defineAuditLabels({
  actions: {
    'catalog_import.run': { zh: '批量导入目录', en: 'Ran a catalog import' },
  },
  subjects: {
    file: { zh: '文件', en: 'File' },
  },
});
