import { defineModule } from '../../platform/module.ts';
import { reconsiderationMessages } from './reconsideration.messages.ts';
import { reconsiderationPolicies } from './reconsideration.policy.ts';
import { reconsiderationAuditLabels } from './reconsideration.audit-labels.ts';

export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  auditLabels: [reconsiderationAuditLabels],
  messagePrefixes: ['reconsideration.'],
  messages: [reconsiderationMessages],
  policies: [reconsiderationPolicies],
  navigation: [{ href: '/admin/reviews', labelKey: 'nav.reconsideration', policy: 'reconsideration.read', order: 35 }],
  web: async () => ({ routes: [(await import('./reconsideration.routes.tsx')).reconsiderationRoutes] }),
});
