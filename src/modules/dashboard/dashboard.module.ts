import { defineModule } from '../../platform/module.ts';
import { dashboardMessages } from './dashboard.messages.ts';
import { dashboardAuditLabels } from './dashboard.audit-labels.ts';

export const dashboardModule = defineModule({
  name: 'dashboard',
  auditLabels: [dashboardAuditLabels],
  messagePrefixes: ['dashboard.'],
  messages: [dashboardMessages],
  web: async () => {
    const { dashboardRoutes, casesAttentionPanel, notificationsPanel, startBackgroundWork } = await import(
      './dashboard.routes.tsx'
    );
    return {
      routes: [dashboardRoutes],
      dashboardPanels: [casesAttentionPanel, notificationsPanel],
      startWork: [(app) => startBackgroundWork(app)],
    };
  },
});
