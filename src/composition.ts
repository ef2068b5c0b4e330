// The composition root: the one place that says which modules make up Gongkai, in which order,
// and that registers what each declares — texts, actions, navigation, listeners, the extension
// points one module offers another, and (for the web server) routes, start-page panels and jobs.
// Nothing registers itself on import (ADR 0019): the server (src/app.ts), the command line, the
// demo loader and the tests that build an app all start here.
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from './platform/module.ts';
import { registerMessages } from './platform/i18n/i18n.ts';
import { registerPolicies } from './platform/policy.ts';
import { registerAuditLabels } from './platform/audit/labels.ts';
import { registerNav } from './platform/views/navigation.ts';
import { registerDashboardPanel } from './platform/views/dashboard-panels.ts';
import { onPublicationChange } from './platform/publication-events.ts';
import { runInBackground } from './platform/http/background-job.ts';
import { provideIdentityDirectory } from './platform/auth/identity-directory.ts';
import { common } from './platform/i18n/messages.ts';
import { httpMessages } from './platform/http/http.messages.ts';
import { fileMessages } from './platform/files/messages.ts';
import { roleMessages } from './platform/roles.ts';
import { passwordMessages } from './platform/auth/password.ts';
import { onCalendarChange } from './modules/calendar/index.ts';
import { registerStructuredEntries, registerWorkflowCategory } from './modules/publishing/index.ts';
import {
  PortalLayout,
  portalPublicFrame,
  registerPublicSection,
  registerPublishedReports,
} from './modules/portal/index.ts';
import { providePublicFrame } from './platform/views/public-site.ts';
import { providePublicLayout } from './platform/views/public-layout.tsx';
import { annualReportWorkflowCategory, publishedReportDocuments } from './modules/reports/index.ts';
import { powerCatalogStructuredEntries } from './modules/power-catalog/index.ts';
import { registerLinkedMailbox, registerLinkedReviews } from './modules/applications/index.ts';
import { answersSection, mailboxLinks } from './modules/mailbox/index.ts';
import { reviewCasesOfApplication } from './modules/reconsideration/index.ts';
import { accountModule } from './modules/account/account.module.ts';
import { organisationModule } from './modules/organisation/organisation.module.ts';
import { notificationsModule } from './modules/notifications/notifications.module.ts';
import { auditModule } from './modules/audit/audit.module.ts';
import { calendarModule } from './modules/calendar/calendar.module.ts';
import { publishingModule } from './modules/publishing/publishing.module.ts';
import { applicationsModule } from './modules/applications/applications.module.ts';
import { portalModule } from './modules/portal/portal.module.ts';
import { reconsiderationModule } from './modules/reconsideration/reconsideration.module.ts';
import { reportsModule } from './modules/reports/reports.module.ts';
import { dashboardModule } from './modules/dashboard/dashboard.module.ts';
import { powerCatalogModule } from './modules/power-catalog/power-catalog.module.ts';
import { channelsModule } from './modules/channels/channels.module.ts';
import { tasksModule } from './modules/tasks/tasks.module.ts';
import { searchModule } from './modules/search/search.module.ts';
import { catalogImportModule } from './modules/catalog-import/catalog-import.module.ts';
import { supervisionModule } from './modules/supervision/supervision.module.ts';
import { mailboxModule } from './modules/mailbox/mailbox.module.ts';

/** Every module, in the order its routes are registered (and its listeners run). */
export const modules: readonly ModuleDefinition[] = [
  accountModule,
  organisationModule,
  notificationsModule,
  auditModule,
  calendarModule,
  publishingModule,
  applicationsModule,
  portalModule,
  reconsiderationModule,
  reportsModule,
  dashboardModule,
  powerCatalogModule,
  channelsModule,
  tasksModule,
  searchModule,
  catalogImportModule,
  supervisionModule,
  mailboxModule,
];

/** The platform's own texts (forms, errors, roles, uploads, passwords), shared by every module. */
export const platformMessages = [common, httpMessages, fileMessages, roleMessages, passwordMessages] as const;

let wired = false;

/**
 * Registers every module's texts, actions, navigation and listeners, the identity directory the
 * platform's sessions read, and the extension points modules offer each other. Once per process: a second call does nothing (tests build many apps).
 */
export function wireModules(): void {
  if (wired) return;
  wired = true;
  registerMessages(...platformMessages);
  for (const module of modules) {
    registerMessages(...(module.messages ?? []));
    registerPolicies(...(module.policies ?? []));
    registerAuditLabels(...(module.auditLabels ?? []));
    for (const entry of module.navigation ?? []) registerNav(entry);
    for (const listener of module.publicationListeners ?? []) onPublicationChange(listener);
    for (const listener of module.calendarListeners ?? []) onCalendarChange(listener);
    if (module.identityDirectory) provideIdentityDirectory(module.identityDirectory);
  }
  // What one module contributes to another's page or workflow, named here rather than registered
  // by the contributing module on import.
  registerWorkflowCategory(annualReportWorkflowCategory);
  registerStructuredEntries(powerCatalogStructuredEntries);
  registerPublishedReports(publishedReportDocuments);
  registerLinkedReviews(reviewCasesOfApplication);
  registerLinkedMailbox(mailboxLinks);
  registerPublicSection(answersSection);
  // The public site's frame and layout, worn by public pages of any module (the application form).
  providePublicFrame(portalPublicFrame);
  providePublicLayout(PortalLayout);
}

/** Wires the modules, then registers their routes, start-page panels and periodic jobs on the server. */
export async function mountModules(app: FastifyInstance): Promise<void> {
  wireModules();
  const webs = await Promise.all(modules.map((module) => module.web?.()));
  for (const web of webs) {
    if (!web) continue;
    for (const routes of web.routes) await app.register(routes);
    for (const panel of web.dashboardPanels ?? []) registerDashboardPanel(panel);
    for (const job of web.jobs ?? []) runInBackground(app, job(app));
    for (const start of web.startWork ?? []) start(app);
  }
}
