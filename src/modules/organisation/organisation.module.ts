import { defineModule } from '../../platform/module.ts';
import { organisationMessages } from './organisation.ts';
import { organisationPageMessages } from './organisation.messages.ts';
import { organisationPolicies } from './organisation.policy.ts';
import { organisationAuditLabels } from './organisation.audit-labels.ts';
import { organisationIdentityDirectory } from './identity-directory.ts';

export const organisationModule = defineModule({
  name: 'organisation',
  auditLabels: [organisationAuditLabels],
  messagePrefixes: ['org.'],
  messages: [organisationMessages, organisationPageMessages],
  policies: [organisationPolicies],
  navigation: [
    { href: '/admin/agencies', labelKey: 'nav.organisation', policy: 'organisation.read', order: 80 },
    {
      href: '/admin/leading-group',
      labelKey: 'nav.leading_group',
      policy: 'organisation.leading_group.manage',
      order: 79,
      unless: 'organisation.read',
    },
    { href: '/admin/users', labelKey: 'nav.users', policy: 'organisation.user.read', order: 81 },
  ],
  identityDirectory: organisationIdentityDirectory,
  web: async () => ({ routes: [(await import('./organisation.routes.tsx')).organisationRoutes] }),
});
