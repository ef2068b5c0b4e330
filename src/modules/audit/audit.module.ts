import { defineModule } from '../../platform/module.ts';
import { auditMessages, personalDataAuditMessages } from './audit.messages.ts';
import { auditPolicies } from './audit.policy.ts';
import { auditAuditLabels } from './audit.audit-labels.ts';

export const auditModule = defineModule({
  name: 'audit',
  auditLabels: [auditAuditLabels],
  messagePrefixes: ['audit.'],
  messages: [auditMessages, personalDataAuditMessages],
  policies: [auditPolicies],
  navigation: [
    { href: '/admin/audit', labelKey: 'nav.audit', policy: 'audit.read', order: 90 },
    { href: '/admin/audit/personal-data', labelKey: 'nav.audit_pd', policy: 'audit.read', order: 91 },
  ],
  web: async () => {
    const [{ auditRoutes, auditAnchorJob }, { personalDataAuditRoutes }] = await Promise.all([
      import('./audit.routes.tsx'),
      import('./personal-data.routes.tsx'),
    ]);
    return { routes: [auditRoutes, personalDataAuditRoutes], jobs: [auditAnchorJob] };
  },
});
