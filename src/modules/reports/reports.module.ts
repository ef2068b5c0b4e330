import { defineModule } from '../../platform/module.ts';
import { reportMessages } from './reports.messages.ts';
import { reportCheckMessages } from './check.messages.ts';
import { reportDocumentMessages } from './publication/publication.messages.ts';
import { reportPolicies } from './reports.policy.ts';
import { reportCheckPolicies } from './check.policy.ts';
import { reportDocumentPolicies } from './publication/publication.policy.ts';
import { reportsAuditLabels } from './reports.audit-labels.ts';

export const reportsModule = defineModule({
  name: 'reports',
  auditLabels: [reportsAuditLabels],
  messagePrefixes: ['reports.', 'rdoc.'],
  messages: [reportMessages, reportCheckMessages, reportDocumentMessages],
  policies: [reportPolicies, reportCheckPolicies, reportDocumentPolicies],
  navigation: [
    { href: '/admin/reports', labelKey: 'nav.reports', policy: 'reports.read', order: 60 },
    { href: '/admin/reports/check', labelKey: 'nav.reports_check', policy: 'reports.check', order: 61 },
    { href: '/admin/reports/status', labelKey: 'nav.reports_status', policy: 'reports.status', order: 62 },
    { href: '/admin/report-documents', labelKey: 'nav.report_documents', policy: 'reports.doc.read', order: 61 },
  ],
  web: async () => {
    const [{ reportRoutes }, { reportTaskPanel, missingReportsPanel }] = await Promise.all([
      import('./reports.routes.tsx'),
      import('./check.routes.tsx'),
    ]);
    return { routes: [reportRoutes], dashboardPanels: [reportTaskPanel, missingReportsPanel] };
  },
});
