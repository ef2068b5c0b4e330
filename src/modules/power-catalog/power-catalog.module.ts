import { defineModule } from '../../platform/module.ts';
import { powerCatalogMessages } from './power-catalog.messages.ts';
import { powerCatalogPolicies } from './power-catalog.policy.ts';
import { powerCatalogAuditLabels } from './power-catalog.audit-labels.ts';

export const powerCatalogModule = defineModule({
  name: 'power-catalog',
  auditLabels: [powerCatalogAuditLabels],
  messagePrefixes: ['power.', 'guide.', 'figures.'],
  messages: [powerCatalogMessages],
  policies: [powerCatalogPolicies],
  navigation: [
    { href: '/admin/power-catalog', labelKey: 'nav.power_catalog', policy: 'power_catalog.read', order: 22 },
    { href: '/admin/yearly-figures', labelKey: 'nav.figures', policy: 'figures.read', order: 24 },
  ],
  web: async () => ({
    routes: [
      (await import('./power-catalog.routes.tsx')).powerCatalogRoutes,
      (await import('./figures.routes.tsx')).yearlyFiguresRoutes,
    ],
  }),
});
