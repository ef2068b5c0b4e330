// Run in a child process by src/composition.test.ts, so that what the test runner's own process
// has registered cannot hide a registration: imports every file of each module in turn (and its
// web part), writing down after each module what the registries hold; then wires the modules
// through the composition root and writes them down once more. Prints one JSON line.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { registeredMessageKeys } from '../../src/platform/i18n/i18n.ts';
import { registeredActions } from '../../src/platform/policy.ts';
import { registeredNav } from '../../src/platform/views/navigation.ts';
import { registeredDashboardPanels } from '../../src/platform/views/dashboard-panels.ts';
import { publicationListenerCount } from '../../src/platform/publication-events.ts';
import { calendarListenerCount } from '../../src/modules/calendar/calendar.service.ts';
import { extraWorkflowCategories } from '../../src/modules/publishing/workflow-categories.ts';
import { structuredEntryLookupCount } from '../../src/modules/publishing/structured.ts';
import { publishedReportProviderCount } from '../../src/modules/portal/report-registry.ts';
import { linkedReviewsLookupCount } from '../../src/modules/applications/linked-reviews.ts';
import { linkedMailboxProviderCount } from '../../src/modules/applications/linked-mailbox.ts';
import { identityDirectory, identityDirectoryProvided } from '../../src/platform/auth/identity-directory.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modulesDir = join(root, 'src', 'modules');

export interface Registries {
  readonly messages: number;
  readonly actions: number;
  readonly nav: number;
  readonly panels: number;
  readonly publicationListeners: number;
  readonly calendarListeners: number;
  readonly workflowCategories: number;
  readonly structuredEntries: number;
  readonly publishedReports: number;
  readonly linkedReviews: number;
  readonly linkedMailbox: number;
  readonly identityDirectory: number;
}

function registries(): Registries {
  return {
    messages: registeredMessageKeys().length,
    actions: registeredActions().length,
    nav: registeredNav().length,
    panels: registeredDashboardPanels().length,
    publicationListeners: publicationListenerCount(),
    calendarListeners: calendarListenerCount(),
    workflowCategories: extraWorkflowCategories().length,
    structuredEntries: structuredEntryLookupCount(),
    publishedReports: publishedReportProviderCount(),
    linkedReviews: linkedReviewsLookupCount(),
    linkedMailbox: linkedMailboxProviderCount(),
    identityDirectory: identityDirectoryProvided() ? 1 : 0,
  };
}

/** A module's own code: not its tests, nor the helpers its tests share. */
function filesOf(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') filesOf(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-support\.ts$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const before: Record<string, { files: number; registries: Registries }> = {};
for (const name of readdirSync(modulesDir).sort()) {
  const files = filesOf(join(modulesDir, name));
  for (const file of files) await import(pathToFileURL(file).href);
  before[name] = { files: files.length, registries: registries() };
}

const { modules, wireModules } = await import('../../src/composition.ts');
for (const module of modules) await module.web?.();
const webLoaded = registries();
// Unwired, the platform's sessions have no users to read: that must fail loudly, not sign everyone out.
let unwiredIdentity = '';
try {
  identityDirectory();
} catch (error) {
  unwiredIdentity = (error as Error).message;
}
wireModules();
const wired = registries();

process.stdout.write(
  JSON.stringify({ root: relative(process.cwd(), root) || '.', before, webLoaded, wired, unwiredIdentity }) + '\n',
);
