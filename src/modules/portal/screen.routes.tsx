// Service-hall display screens (/screen/:name): the slides a screen shows, as a page (readable
// without script) and as content.json for screen.js, which cycles and refreshes them.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxProvider } from '../../platform/http/route-kit.ts';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import { portalStore as store } from './portal.store.ts';
import { organisationStore } from '../organisation/index.ts';
import { html, portalContext, serveData, servePage } from './portal-support.ts';
import { plainText } from './portal.ts';
import { touchAll } from './page-cache.ts';
import { ScreenPage, type ScreenContent, type Slide } from './views/screen-page.tsx';
import { PortalLayout } from './views/portal-layout.tsx';
import { render } from 'preact-render-to-string';

export const slideKinds = ['power_catalog', 'service_guides', 'notices', 'latest'] as const;
export type SlideKind = (typeof slideKinds)[number];

export const DEFAULT_SCREEN = 'default';
/** The default screen (no row of its own) is listed as 最新公开信息, so it opens on them. */
export const DEFAULT_SLIDES: readonly SlideKind[] = ['latest', 'notices', 'power_catalog', 'service_guides'];

const script = (() => {
  const body = readFileSync(new URL('./assets/screen.js', import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, url: `/portal-assets/screen.${hash}.js` };
})();

export function screenScriptUrl(): string {
  return script.url;
}
export function screenScript(): Buffer {
  return script.body;
}

function lines<T>(
  rows: readonly T[],
  per: number,
  each: (row: T) => { text: string; detail?: string },
  heading: string,
  kind: string,
): Slide[] {
  const out: Slide[] = [];
  for (let i = 0; i < rows.length; i += per)
    out.push({
      kind,
      heading: rows.length > per ? `${heading}（${i / per + 1}）` : heading,
      lines: rows.slice(i, i + per).map(each),
    });
  return out;
}

export async function screenContent(db: Executor, name: string, locale: Locale): Promise<ScreenContent | undefined> {
  const row = await store.screen(db, name);
  if (!row && name !== DEFAULT_SCREEN) return undefined;
  const agencyId = row?.agency_id ?? null;
  const kinds = (row?.slides ?? DEFAULT_SLIDES.join(','))
    .split(',')
    .filter((k): k is SlideKind => (slideKinds as readonly string[]).includes(k));
  const t = (key: string) => translate(locale, key);
  const agencyCode = agencyId === null ? undefined : (await organisationStore.agency(db, agencyId))?.code;
  const slides: Slide[] = [];
  for (const kind of kinds) {
    if (kind === 'power_catalog') {
      const rows = await store.powerItems(db, agencyId, 60);
      slides.push(
        ...lines(
          rows,
          6,
          (p) => ({ text: `${p.code} ${p.name}`, detail: t(`power.type.${p.power_type}`) }),
          t('portal.screen.power_catalog'),
          kind,
        ),
      );
    } else if (kind === 'service_guides') {
      const rows = await store.serviceGuides(db, agencyId, 20);
      for (const g of rows) {
        const steps = g.steps
          .split(/\r?\n|[；;]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .slice(0, 6);
        slides.push({
          kind,
          heading: `${t('portal.screen.service_guides')}：${g.name}`,
          lines: [
            ...steps.map((s) => ({ text: s })),
            { text: [g.time_limit, g.place, g.hours, g.phone].filter(Boolean).join(' · ') },
          ],
        });
      }
    } else {
      const { rows } = await store.catalog(db, {
        category: kind === 'notices' ? 'notice' : undefined,
        agency: agencyCode,
        pageSize: 18,
      });
      slides.push(
        ...lines(
          rows,
          6,
          (r) => ({ text: r.title, detail: [r.publication_date, r.document_number].filter(Boolean).join(' ') }),
          t(kind === 'notices' ? 'portal.screen.notices' : 'portal.screen.latest'),
          kind,
        ),
      );
    }
  }
  // A screen with nothing of its own to show falls back to the latest items (never a blank hall screen).
  if (slides.length === 0 && !kinds.includes('latest')) {
    const { rows } = await store.catalog(db, { agency: agencyCode, pageSize: 12 });
    slides.push(
      ...lines(
        rows,
        6,
        (r) => ({ text: r.title, detail: r.publication_date ?? '' }),
        t('portal.screen.latest'),
        'latest',
      ),
    );
  }
  return {
    name,
    title: row?.title ?? t('portal.screen.latest'),
    seconds: row?.seconds_per_slide ?? 15,
    slides: slides.map((s) => ({
      ...s,
      lines: s.lines.map((l) => ({
        text: plainText(l.text, 120),
        ...(l.detail ? { detail: plainText(l.detail, 80) } : {}),
      })),
    })),
  };
}

/** Creates or changes a screen (CLI `gongkai screen set`). */
export async function saveScreen(
  db: Db,
  input: { name: string; title: string; agencyId: number | null; slides: readonly SlideKind[]; seconds: number },
): Promise<void> {
  const values = {
    title: input.title,
    agency_id: input.agencyId,
    slides: input.slides.join(','),
    seconds_per_slide: input.seconds,
  };
  await store.saveScreen(db, input.name, values, nowIso());
  touchAll();
}

export function screenRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const pub = { config: { public: true } };

  app.get('/portal-assets/:file', pub, async (req, reply) => {
    if (req.url.split('?')[0] !== script.url) return reply.callNotFound();
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/javascript; charset=utf-8')
      .send(script.body);
  });

  app.get('/screen', pub, async (req, reply) =>
    servePage(db, req, reply, '/screen', async (ctx) => {
      const screens = await store.screens(db);
      const list = [
        ...screens.map((s) => ({ name: s.name, title: s.title })),
        ...(screens.some((s) => s.name === DEFAULT_SCREEN)
          ? []
          : [{ name: DEFAULT_SCREEN, title: ctx.t('portal.screen.latest') }]),
      ];
      return html(
        <PortalLayout ctx={ctx} title={ctx.t('portal.screen.title')}>
          <ul class="plain-list">
            {list.map((s) => (
              <li>
                <a href={`/screen/${encodeURIComponent(s.name)}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </PortalLayout>,
      );
    }),
  );

  const routes = app.withTypeProvider<TypeBoxProvider>();
  const named = { ...pub, schema: { params: Type.Object({ name: Type.String() }) } };
  routes.get('/screen/:name', named, async (req, reply) => {
    const name = req.params.name;
    if (!/^[a-z0-9-]{1,64}$/.test(name)) return reply.callNotFound();
    return servePage(db, req, reply, `/screen/${name}`, async (ctx) => {
      const content = await screenContent(db, name, ctx.locale);
      if (!content)
        return {
          status: 404,
          body:
            '<!doctype html>' +
            render(
              <PortalLayout ctx={ctx} title={ctx.t('error.not_found')}>
                <p>{ctx.t('portal.screen.none')}</p>
              </PortalLayout>,
            ),
        };
      return html(<ScreenPage ctx={ctx} content={content} script={script.url} />);
    });
  });

  routes.get('/screen/:name/content.json', named, async (req, reply) => {
    const name = req.params.name;
    if (!/^[a-z0-9-]{1,64}$/.test(name)) return reply.callNotFound();
    const locale = portalContext(req).locale;
    return serveData(db, req, reply, `/screen/${name}/content.json|${locale}`, async () => {
      const content = await screenContent(db, name, locale);
      if (!content)
        return {
          status: 404,
          type: 'application/json; charset=utf-8',
          body: JSON.stringify({ error: { code: 'not_found' } }),
        };
      return { type: 'application/json; charset=utf-8', body: JSON.stringify(content) };
    });
  });
}
