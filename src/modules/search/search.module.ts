import { defineModule } from '../../platform/module.ts';
import { searchAuditLabels } from './search.audit-labels.ts';
import { searchMessages } from './search.messages.ts';
import { searchPolicies } from './search.policy.ts';
import { searchIndexFollowsPublication } from './search.ts';

export const searchModule = defineModule({
  name: 'search',
  auditLabels: [searchAuditLabels],
  messagePrefixes: ['search.'],
  messages: [searchMessages],
  policies: [searchPolicies],
  navigation: [
    { href: '/admin/search/synonyms', labelKey: 'nav.search_synonyms', policy: 'search.synonyms', order: 72 },
  ],
  publicationListeners: [searchIndexFollowsPublication],
  web: async () => {
    const { searchRoutes, searchIndexUpgradeJob } = await import('./search.routes.ts');
    const { synonymRoutes } = await import('./synonyms.routes.tsx');
    return { routes: [searchRoutes, synonymRoutes], jobs: [searchIndexUpgradeJob] };
  },
});
