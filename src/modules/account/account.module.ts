import { defineModule } from '../../platform/module.ts';
import { accountMessages } from './account.ts';
import { accountPolicies } from './account.policy.ts';
import { accountAuditLabels } from './account.audit-labels.ts';

export const accountModule = defineModule({
  name: 'account',
  auditLabels: [accountAuditLabels],
  messagePrefixes: ['account.'],
  messages: [accountMessages],
  policies: [accountPolicies],
  navigation: [{ href: '/admin', labelKey: 'nav.dashboard', policy: 'dashboard.view', order: 0 }],
  web: async () => ({ routes: [(await import('./account.routes.tsx')).accountRoutes] }),
});
