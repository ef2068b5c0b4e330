import { defineModule } from '../../platform/module.ts';
import { catalogImportMessages } from './catalog-import.messages.ts';
import { catalogImportAuditLabels } from './catalog-import.audit-labels.ts';

/** The import of an existing catalog: commands and texts, no pages of its own. */
export const catalogImportModule = defineModule({
  name: 'catalog-import',
  auditLabels: [catalogImportAuditLabels],
  messagePrefixes: ['import.'],
  messages: [catalogImportMessages],
});
