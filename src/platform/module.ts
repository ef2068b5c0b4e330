// What a module brings to the application, declared in one value (src/modules/<m>/<m>.module.ts)
// and registered by the composition root (src/composition.ts) — the only place that registers
// anything. Importing a module's files changes no registry: a text, an action, a navigation entry,
// a listener or a job exists once the root has registered the module that declares it (ADR 0019).
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../db/database.ts';
import type { WorkingDayCalendar } from './calendar/calendar.ts';
import type { Text } from './i18n/i18n.ts';
import type { AuditLabels } from './audit/labels.ts';
import type { Predicate } from './policy.ts';
import type { NavEntry } from './views/navigation.ts';
import type { DashboardPanel } from './views/dashboard-panels.ts';
import type { BackgroundJob } from './http/background-job.ts';
import type { PublicationListener } from './publication-events.ts';
import type { IdentityDirectory } from './auth/identity-directory.ts';

export type MessageTable = Readonly<Record<string, Text>>;
export type PolicyTable = Readonly<Record<string, Predicate>>;
export type CalendarListener = (trx: Tx, calendar: WorkingDayCalendar, reason: string) => Promise<number>;
export type RoutePlugin = (app: FastifyInstance) => Promise<void> | void;

/** The part only the web server needs, loaded when it starts: the command line and the demo
 *  loader register modules without reading route files, views or Fastify (ADR 0017). */
export interface ModuleWeb {
  /** Fastify plugins, registered in this order after the modules before it. */
  readonly routes: readonly RoutePlugin[];
  /** Panels of the console's start page. */
  readonly dashboardPanels?: readonly DashboardPanel<any>[];
  /** Periodic work while the server listens; built from the running app (database, config, log). */
  readonly jobs?: readonly ((app: FastifyInstance) => BackgroundJob)[];
  /** Work that keeps its own timers and hooks (the dashboard's mail sender and reminders). */
  readonly startWork?: readonly ((app: FastifyInstance) => void)[];
}

export interface ModuleDefinition {
  /** The folder under src/modules. */
  readonly name: string;
  /** Prefixes of the message keys the module owns (checked by src/composition.test.ts). */
  readonly messagePrefixes?: readonly string[];
  readonly messages?: readonly MessageTable[];
  readonly policies?: readonly PolicyTable[];
  /** What the audit log calls the actions the module records and their subjects. */
  readonly auditLabels?: readonly AuditLabels[];
  readonly navigation?: readonly NavEntry[];
  /** Run inside the transaction that publishes, corrects or withdraws an item. */
  readonly publicationListeners?: readonly PublicationListener[];
  /** Run inside the transaction that changes the working-day calendar; return how many records moved. */
  readonly calendarListeners?: readonly CalendarListener[];
  /** The users, grants and agency tree the platform's sessions read (auth/identity-directory.ts);
   *  the module that keeps them provides it, and only one module may. */
  readonly identityDirectory?: IdentityDirectory;
  readonly web?: () => Promise<ModuleWeb>;
}

/** Identity, for the type check at the definition. */
export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
