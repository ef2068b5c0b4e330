// Node 20's test runner does not discover .ts files, and one process running every suite is
// far faster than one process per file; so this entry imports every *.test.ts and *.test.tsx
// under src/ and test/. A file that is not named so is not a test.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.env.TEST_ONLY; // substring filter, e.g. TEST_ONLY=calendar npm test

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (/\.test\.tsx?$/.test(entry.name) && entry.name !== 'all.test.ts') out.push(full);
  }
}

// The tests run in the application as the composition root wires it (texts, actions, listeners),
// as every entry point does; src/composition.test.ts checks in child processes that nothing is
// registered before it.
const { wireModules } = await import('../src/composition.ts');
wireModules();

const files: string[] = [];
collect(join(root, 'src'), files);
collect(join(root, 'test'), files);
files.sort();
for (const file of files) {
  if (only && !relative(root, file).includes(only)) continue;
  await import(pathToFileURL(file).href);
}
