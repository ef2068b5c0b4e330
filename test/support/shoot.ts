// Screenshots of console or portal pages for a person to look at (not a test):
//   node --import tsx test/support/shoot.ts <out-dir> <username|-> <path> [<path>…]
// Each path in Chinese and English, at 1366 px and 360 px, signed in as the user ('-': signed out).
// On a server of its own with the test demo (no applications), or with SHOOT_URL=http://… on a
// running one (`npm start` has the whole demo, applications included).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, signIn, startServer } from './browser.ts';
import { wireModules } from '../../src/composition.ts';

const [out, username, ...paths] = process.argv.slice(2);
if (!out || !username || paths.length === 0) {
  console.error('usage: shoot.ts <out-dir> <username|-> <path>…');
  process.exit(2);
}
wireModules();
mkdirSync(out, { recursive: true });
const server = process.env.SHOOT_URL
  ? { url: process.env.SHOOT_URL.replace(/\/$/, ''), stop: async () => undefined }
  : await startServer();
const browser = await launchBrowser();
try {
  for (const width of [1366, 360]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    if (username !== '-') {
      await signIn(page, server.url, username);
    }
    for (const path of paths)
      for (const lang of ['zh', 'en']) {
        const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
        await page.goto(url);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${lang}-${width}.png`;
        await page.screenshot({ path: join(out, name), fullPage: false });
        console.log(join(out, name));
      }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
