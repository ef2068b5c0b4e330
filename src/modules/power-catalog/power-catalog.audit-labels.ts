// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const powerCatalogAuditLabels = defineAuditLabels({
  actions: {
    'power_catalog.create': { zh: '新建权力事项', en: 'Created a power item' },
    'power_catalog.update': { zh: '修改权力事项', en: 'Updated a power item' },
    'power_catalog.correct': { zh: '更正已公开的权力事项', en: 'Corrected a published power item' },
    'service_guide.create': { zh: '新建办事指南', en: 'Created a service guide' },
    'service_guide.update': { zh: '修改办事指南', en: 'Updated a service guide' },
    'service_guide.correct': { zh: '更正已公开的办事指南', en: 'Corrected a published service guide' },
    'figures.set': { zh: '登记年度数据', en: 'Set yearly figures' },
    'figures.import': { zh: '导入年度数据', en: 'Imported yearly figures' },
  },
  subjects: {
    power_item: { zh: '权力事项', en: 'Power item' },
    service_guide: { zh: '办事指南', en: 'Service guide' },
    agency: { zh: '机关', en: 'Agency' },
    file: { zh: '文件', en: 'File' },
  },
});
