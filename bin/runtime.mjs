// Which code the commands run: the compiled dist/ when it is there and newer than every source
// file, otherwise the TypeScript sources through tsx (a developer who edited src/ and did not
// rebuild still runs what they wrote — slower, and told so once on stderr).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', 'BUILD');

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(full, newest);
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return newestSource(join(root, 'src')) <= built && newestSource(join(root, 'migrations')) <= built;
}

/** The module URL of `relativeSource` (e.g. 'src/cli.ts'), compiled if possible. */
export async function entry(relativeSource) {
  if (process.env.GONGKAI_FROM_SOURCE !== '1' && buildIsCurrent()) {
    return pathToFileURL(join(root, 'dist', relativeSource.replace(/\.tsx?$/, '.js'))).href;
  }
  // Told to a person at a terminal only: scripts and cron read stderr as the command's own errors.
  if (existsSync(stamp) && process.env.GONGKAI_FROM_SOURCE !== '1' && process.stderr.isTTY) {
    process.stderr.write('gongkai: dist/ is older than src/, running from source (npm run build compiles it)\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  return pathToFileURL(join(root, relativeSource)).href;
}
