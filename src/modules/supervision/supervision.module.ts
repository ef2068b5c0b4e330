import { defineModule } from '../../platform/module.ts';
import { supervisionMessages } from './supervision.messages.ts';
import { supervisionPolicies } from './supervision.policy.ts';

export const supervisionModule = defineModule({
  name: 'supervision',
  messagePrefixes: ['supervision.'],
  messages: [supervisionMessages],
  policies: [supervisionPolicies],
  navigation: [{ href: '/admin/oversight', labelKey: 'nav.oversight', policy: 'supervision.read', order: 6 }],
  web: async () => {
    const { supervisionRoutes, oversightPanel } = await import('./supervision.routes.tsx');
    return { routes: [supervisionRoutes], dashboardPanels: [oversightPanel] };
  },
});
