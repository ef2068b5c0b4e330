// `gongkai export-static DIR [--live-url URL]` and `gongkai screen set NAME …` (the service-hall
// display screens' configuration).
import type { Command } from 'commander';
import { action, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import { buildApp } from '../../app.ts';
import { portalStore } from './portal.store.ts';
import { exportStatic } from './static-export.ts';
import { saveScreen, slideKinds, type SlideKind } from './screen.routes.tsx';

export function registerPortalCommands(program: Command): Command {
  program
    .command('export-static')
    .description(
      'write the public catalog as static files (pages in Chinese and English under /en, attachments, feeds, sitemap, a title search); re-running writes only what changed',
    )
    .argument('<dir>', 'output directory')
    .option(
      '--live-url <url>',
      'the live site (its full-text search and other server pages are linked from the copy, which searches titles and document numbers itself)',
    )
    .option('--json', 'print JSON: {"files","written","unchanged","removed"}')
    .action(
      action(async (dir: string, options: { liveUrl?: string; json?: boolean }) => {
        if (options.liveUrl && !/^https?:\/\/[^/]+/.test(options.liveUrl))
          throw new UsageError('--live-url 必须是 http(s) 地址 / --live-url must be an http(s) URL');
        const result = await withDatabase(async (database, config) => {
          // The copy's feeds and sitemap point at the live site.
          const app = await buildApp({ ...config, publicUrl: options.liveUrl ?? config.publicUrl }, database, false);
          await app.ready();
          try {
            return await exportStatic(app, config, dir, { liveUrl: options.liveUrl });
          } finally {
            await app.close();
          }
        });
        printResult(
          Boolean(options.json),
          result,
          `${result.files} 个文件 files: ${result.written} 写入 written, ${result.unchanged} 未变 unchanged, ${result.removed} 删除 removed → ${dir}`,
        );
      }),
    );

  const screen = program.command('screen').description('service-hall display screens (/screen/NAME)');
  screen
    .command('set')
    .description('create or change a screen')
    .argument('<name>', 'lower-case letters, digits and hyphens')
    .requiredOption('--title <title>', 'heading shown on the screen')
    .option('--agency <code>', 'only this agency’s content (default: every agency)')
    .option('--slides <list>', `comma-separated, in order: ${slideKinds.join(',')}`, slideKinds.join(','))
    .option('--seconds <n>', 'seconds per slide (3–600)', '15')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          name: string,
          options: { title: string; agency?: string; slides: string; seconds: string; json?: boolean },
        ) => {
          if (!/^[a-z0-9-]{1,64}$/.test(name))
            throw new UsageError('名称只能包含小写字母、数字和连字符 / the name may hold only a-z, 0-9 and -');
          const slides = options.slides.split(',').map((s) => s.trim());
          const bad = slides.filter((s) => !(slideKinds as readonly string[]).includes(s));
          if (bad.length || slides.length === 0)
            throw new UsageError(`未知的页面类型 unknown slides: ${bad.join(',')} (${slideKinds.join(',')})`);
          if (!/^\d+$/.test(options.seconds) || Number(options.seconds) < 3 || Number(options.seconds) > 600)
            throw new UsageError('--seconds 须为 3–600 / --seconds must be 3–600');
          await withDatabase(async (database) => {
            let agencyId: number | null = null;
            if (options.agency) {
              const row = await portalStore.agencyByCode(database.db, options.agency);
              if (!row) throw new UsageError(`没有机关 no agency ${options.agency}`);
              agencyId = row.id;
            }
            await saveScreen(database.db, {
              name,
              title: options.title,
              agencyId,
              slides: slides as SlideKind[],
              seconds: Number(options.seconds),
            });
          });
          printResult(Boolean(options.json), { name, url: `/screen/${name}` }, `/screen/${name}`);
        },
      ),
    );
  return program;
}
