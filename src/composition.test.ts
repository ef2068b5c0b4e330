// The composition root is the only place that registers (ADR 0019): a module's files, imported,
// change no registry; the root's wiring does; no other file calls a registration function; and
// each module's texts carry that module's prefixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules, platformMessages } from './composition.ts';
import type { Registries } from '../test/support/wiring-probe.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Probe {
  before: Record<string, { files: number; registries: Registries }>;
  webLoaded: Registries;
  wired: Registries;
  unwiredIdentity: string;
}

function probe(): Promise<Probe> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'test/support/wiring-probe.ts')],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 1 << 20, timeout: 120_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

test('importing a module registers nothing; the composition root registers it all', async () => {
  const { before, webLoaded, wired, unwiredIdentity } = await probe();
  const names = readdirSync(join(root, 'src/modules')).sort();
  assert.deepEqual(Object.keys(before), names);
  assert.deepEqual([...modules.map((m) => m.name)].sort(), names, 'every module folder is in the composition root');
  for (const [name, { files, registries }] of Object.entries(before)) {
    assert.ok(files > 0, `${name} has files`);
    for (const [registry, count] of Object.entries(registries))
      assert.equal(count, 0, `after importing every file of ${name} (and those before it), ${registry} is empty`);
  }
  for (const [registry, count] of Object.entries(webLoaded))
    assert.equal(count, 0, `loading the web parts registers no ${registry}`);

  const declared = (pick: (m: (typeof modules)[number]) => readonly unknown[] | undefined) =>
    modules.reduce((n, m) => n + (pick(m)?.length ?? 0), 0);
  const keys = new Set([...platformMessages, ...modules.flatMap((m) => m.messages ?? [])].flatMap(Object.keys));
  assert.equal(wired.messages, keys.size);
  assert.equal(wired.actions, modules.flatMap((m) => m.policies ?? []).flatMap(Object.keys).length);
  assert.equal(
    wired.nav,
    declared((m) => m.navigation),
  );
  assert.equal(
    wired.publicationListeners,
    declared((m) => m.publicationListeners),
  );
  assert.equal(
    wired.calendarListeners,
    declared((m) => m.calendarListeners),
  );
  assert.equal(wired.workflowCategories, 1);
  assert.equal(wired.structuredEntries, 1);
  assert.equal(wired.publishedReports, 1);
  assert.equal(wired.linkedReviews, 1);
  assert.equal(wired.linkedMailbox, 1);
  // The platform's identity directory: provided by exactly one module, and unusable before wiring.
  assert.equal(wired.identityDirectory, 1);
  assert.deepEqual(
    modules.filter((m) => m.identityDirectory).map((m) => m.name),
    ['organisation'],
  );
  assert.match(unwiredIdentity, /No identity directory.*wireModules\(\)/);
  // Start-page panels belong to the web part: registered with the routes (mountModules), not before.
  assert.equal(wired.panels, 0);
});

/** Functions that add to a registry, with the file that defines each. */
const registrations: Record<string, string> = {
  registerMessages: 'src/platform/i18n/i18n.ts',
  registerPolicies: 'src/platform/policy.ts',
  registerNav: 'src/platform/views/navigation.ts',
  registerDashboardPanel: 'src/platform/views/dashboard-panels.ts',
  onPublicationChange: 'src/platform/publication-events.ts',
  runInBackground: 'src/platform/http/background-job.ts',
  onCalendarChange: 'src/modules/calendar/calendar.service.ts',
  registerWorkflowCategory: 'src/modules/publishing/workflow-categories.ts',
  registerStructuredEntries: 'src/modules/publishing/structured.ts',
  registerPublishedReports: 'src/modules/portal/report-registry.ts',
  registerLinkedReviews: 'src/modules/applications/linked-reviews.ts',
  registerLinkedMailbox: 'src/modules/applications/linked-mailbox.ts',
  provideIdentityDirectory: 'src/platform/auth/identity-directory.ts',
  providePublicFrame: 'src/platform/views/public-site.ts',
  providePublicLayout: 'src/platform/views/public-layout.tsx',
};

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(relative(root, full));
  }
  return out;
}

test('only the composition root calls a registration function, and nothing is imported for its effect', () => {
  const offenders: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [name, home] of Object.entries(registrations)) {
      const calls = [...text.matchAll(new RegExp(`(?<![\\w.])${name}\\s*[<(]`, 'g'))].filter(
        (m) => !/function\s+$/.test(text.slice(Math.max(0, m.index! - 20), m.index)),
      );
      if (calls.length && file !== 'src/composition.ts' && file !== home) offenders.push(`${file} calls ${name}`);
    }
    // A bare import runs a file for what it does on load; only the Fastify type augmentation may.
    for (const m of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm))
      if (!(file === 'src/platform/http/server.tsx' && m[1] === './types.ts'))
        offenders.push(`${file} imports ${m[1]}`);
  }
  assert.deepEqual(offenders, []);
});

/** Prefixes any module may use: the platform's shared texts (navigation labels among them). */
const shared = ['nav.'];

test("each module's message keys carry its own prefixes, and no two modules share one", () => {
  const platformPrefixes = new Set(platformMessages.flatMap(Object.keys).map((k) => k.split('.')[0] + '.'));
  const owner = new Map<string, string>();
  for (const module of modules) {
    const prefixes = module.messagePrefixes ?? [];
    for (const prefix of prefixes) {
      assert.ok(!owner.has(prefix), `${prefix} is claimed by ${owner.get(prefix)} and ${module.name}`);
      assert.ok(!platformPrefixes.has(prefix), `${prefix} (${module.name}) is a platform prefix`);
      owner.set(prefix, module.name);
    }
    const strays = (module.messages ?? [])
      .flatMap(Object.keys)
      .filter((key) => ![...prefixes, ...shared].some((p) => key.startsWith(p)));
    assert.deepEqual(strays, [], `${module.name}: keys outside ${prefixes.join(', ')}`);
  }
});
