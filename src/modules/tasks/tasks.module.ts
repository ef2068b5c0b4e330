import { defineModule } from '../../platform/module.ts';
import { taskMessages } from './tasks.ts';
import { taskPolicies } from './tasks.policy.ts';
import { tasksAuditLabels } from './tasks.audit-labels.ts';

export const tasksModule = defineModule({
  name: 'tasks',
  auditLabels: [tasksAuditLabels],
  messagePrefixes: ['tasks.'],
  messages: [taskMessages],
  policies: [taskPolicies],
  navigation: [{ href: '/admin/tasks', labelKey: 'nav.tasks', policy: 'tasks.read', order: 5 }],
  web: async () => {
    const { taskRoutes, unitTasksPanel } = await import('./tasks.routes.tsx');
    return { routes: [taskRoutes], dashboardPanels: [unitTasksPanel] };
  },
});
