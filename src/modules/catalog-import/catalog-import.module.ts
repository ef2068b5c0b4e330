import { defineModule } from '../../platform/module.ts';
import { catalogImportMessages } from './catalog-import.messages.ts';

/** The import of an existing catalog: commands and texts, no pages of its own. */
export const catalogImportModule = defineModule({
  name: 'catalog-import',
  messagePrefixes: ['import.'],
  messages: [catalogImportMessages],
});
