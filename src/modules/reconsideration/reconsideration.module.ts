import { defineModule } from '../../platform/module.ts';
import { reconsiderationMessages } from './reconsideration.messages.ts';
import { reconsiderationPolicies } from './reconsideration.policy.ts';

export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  messagePrefixes: ['reconsideration.'],
  messages: [reconsiderationMessages],
  policies: [reconsiderationPolicies],
  navigation: [{ href: '/admin/reviews', labelKey: 'nav.reconsideration', policy: 'reconsideration.read', order: 35 }],
  web: async () => ({ routes: [(await import('./reconsideration.routes.tsx')).reconsiderationRoutes] }),
});
