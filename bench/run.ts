// `npm run bench -- NAME [NAME…]` runs bench/NAME/*.bench.ts; each prints its own numbers and the
// ratio against a baseline measured in the same run (these machines are noisy; absolute times
// mean little). Without a name it lists what there is.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir).filter(
  (d) => statSync(join(dir, d)).isDirectory() && readdirSync(join(dir, d)).some((f) => f.endsWith('.bench.ts')),
);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (wanted.length === 0) {
  console.log(`benchmarks: ${available.join(', ')}\nrun: npm run bench -- ${available[0] ?? 'NAME'}`);
  process.exit(0);
}
// The benchmarks call services directly: wire the modules as every entry point does (ADR 0019).
(await import('../src/composition.ts')).wireModules();
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`no benchmark named ${name} (have: ${available.join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  for (const file of readdirSync(join(dir, name))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    console.log(`== ${name}/${file}`);
    const mod = (await import(pathToFileURL(join(dir, name, file)).href)) as {
      run?: () => Promise<unknown> | unknown;
      report?: (result: unknown) => void;
    };
    if (typeof mod.run !== 'function') continue;
    const result = await mod.run();
    if (typeof mod.report === 'function') mod.report(result);
    else console.log(JSON.stringify(result, null, 2));
  }
}
