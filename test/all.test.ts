// Node 20's test runner does not discover .ts files, and one process running many suites is far
// faster than one process per file (each would load the application through tsx again); so this
// entry imports the test files itself. Each file runs inside a suite named by its path, so its
// root-level hooks stay with its own tests and the report gives each file's time (which the
// runner, test/run.mjs, records to balance its processes). TEST_FILES (one path per line, set by
// the runner) chooses the files; otherwise every test file, filtered by TEST_ONLY.
import { after, describe } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, testFiles } from './support/test-files.mjs';

// The tests run in the application as the composition root wires it (texts, actions, listeners),
// as every entry point does; src/composition.test.ts checks in child processes that nothing is
// registered before it.
const { wireModules } = await import('../src/composition.ts');
wireModules();

// Passwords are hashed at a test-only scrypt cost (test/support/password-cost.ts); production's is
// the default, and src/platform/auth/password.test.ts holds it fixed.
const { useScryptCostForTests } = await import('../src/platform/auth/password.ts');
const { TEST_SCRYPT_COST } = await import('./support/password-cost.ts');
useScryptCostForTests(TEST_SCRYPT_COST);

const chosen: string[] = process.env.TEST_FILES
  ? process.env.TEST_FILES.split('\n').filter((f) => f.length > 0)
  : testFiles(process.env.TEST_ONLY);

// The browser suites share one Chromium per process (test/support/chromium.ts), closed at the end.
const { closeSharedBrowser, keepSharedBrowserBetweenSuites } = await import('./support/chromium.ts');
keepSharedBrowserBetweenSuites();
// The text-extraction process idles for a minute after its last file, and its stderr pipe kept the
// test process alive until then: stopped at the end, the process exits when its files are done.
const { stopExtractionProcess } = await import('../src/platform/files/extract.ts');
after(async () => {
  await closeSharedBrowser();
  stopExtractionProcess();
});

for (const file of chosen) {
  describe(file, async () => {
    await import(pathToFileURL(join(root, file)).href);
  });
}
