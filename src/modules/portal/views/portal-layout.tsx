/**
 * PortalLayout — the public site's frame (GOV.UK-like: one column, plain language, big targets).
 *
 * Parameters: ctx (PortalContext), title (the <title> and <h1>), children, optional `h1: false`
 * when the page renders its own heading, `feeds` (Atom links for the <head>), `scripts`.
 *
 * The reading-aids toolbar is a set of plain links to /display (no script): each toggles one
 * preference held in a cookie and comes back to the same page. The preferences become classes on
 * <html>, so they apply before anything is painted.
 */
import type { ComponentChildren } from 'preact';
import type { PortalContext } from './portal-context.ts';
import { SiteFooter } from './site-footer.tsx';

function Toolbar({ ctx }: { ctx: PortalContext }) {
  const { t, mode } = ctx;
  const back = encodeURIComponent(ctx.url);
  const toggle = (key: 'text' | 'contrast' | 'spacing', label: string, on: boolean) => (
    <li>
      <a href={`/display?toggle=${key}&back=${back}`} rel="nofollow" class={on ? 'toolbar__on' : undefined}>
        {label}
        {on && <span class="visually-hidden">{t('portal.toolbar.on')}</span>}
      </a>
    </li>
  );
  return (
    <nav class="portal-toolbar" aria-label={t('portal.toolbar')}>
      <ul>
        {toggle('text', t('portal.toolbar.text'), mode.text)}
        {toggle('contrast', t('portal.toolbar.contrast'), mode.contrast)}
        {toggle('spacing', t('portal.toolbar.spacing'), mode.spacing)}
        {(mode.text || mode.contrast || mode.spacing) && (
          <li>
            <a href={`/display?toggle=reset&back=${back}`} rel="nofollow">
              {t('portal.toolbar.reset')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

const NAV = [
  ['/', 'portal.nav.home'],
  ['/catalog', 'portal.nav.catalog'],
  ['/search', 'portal.nav.search'],
  ['/guide', 'portal.nav.guide'],
  ['/apply', 'portal.nav.apply'],
  ['/reports', 'portal.nav.reports'],
  ['/mailbox/answers', 'portal.nav.interaction'],
  ['/agencies', 'portal.nav.agencies'],
] as const;

/** The navigation entry a path belongs to (the tracking pages are part of 依申请公开). */
function isCurrent(href: string, path: string): boolean {
  if (href === '/') return path === '/';
  // Writing, tracking and rating a letter are part of 互动交流 as its published answers are.
  if (href === '/mailbox/answers') return path.startsWith('/mailbox/');
  return path === href || path.startsWith(href + '/');
}

export function modeClasses(mode: PortalContext['mode']): string | undefined {
  const c = [mode.text && 'a11y-text', mode.contrast && 'a11y-contrast', mode.spacing && 'a11y-spacing']
    .filter(Boolean)
    .join(' ');
  return c || undefined;
}

export function PortalLayout(props: {
  ctx: PortalContext;
  title: string;
  children?: ComponentChildren;
  h1?: boolean | undefined;
  feeds?: readonly { href: string; title: string }[] | undefined;
  scripts?: readonly string[] | undefined;
}) {
  const { ctx, title } = props;
  const { t } = ctx;
  const otherLocale = ctx.locale === 'en' ? 'zh-CN' : 'en';
  const langHref = ctx.url.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return (
    <html lang={ctx.locale} class={modeClasses(ctx.mode)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === t('portal.name') ? title : `${title} — ${t('portal.name')}`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        <link rel="alternate" type="application/atom+xml" href="/feeds/latest.atom" title={t('portal.feed.latest')} />
        {props.feeds?.map((f) => (
          <link rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
        ))}
        {props.scripts?.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="portal">
        <a class="skip-link" href="#main">
          {t('portal.skip')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__name" href="/">
              {t('portal.name')}
            </a>
            <div class="site-header__tools">
              <a
                href={`${langHref}${langHref.includes('?') ? '&' : '?'}lang=${otherLocale}`}
                hrefLang={otherLocale}
                lang={otherLocale}
              >
                {otherLocale === 'en' ? 'English' : '中文'}
              </a>
            </div>
          </div>
          <nav class="site-nav" aria-label={t('portal.nav.main')}>
            <ul>
              {NAV.map(([href, key]) => {
                const current = isCurrent(href, ctx.path);
                // The form opens on the portal's default agency (the one with content), as the guide does.
                const target =
                  href === '/apply' && ctx.site.defaultAgency ? `/apply?agency=${ctx.site.defaultAgency.code}` : href;
                return (
                  <li>
                    <a href={target} aria-current={current ? 'page' : undefined}>
                      {t(key)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <Toolbar ctx={ctx} />
        </header>
        <main id="main" class="main" tabIndex={-1}>
          {props.h1 === false ? null : <h1>{title}</h1>}
          {props.children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}

/** Previous / next links with the page count; keeps every other query parameter. */
export function Pagination(props: { ctx: PortalContext; page: number; pages: number; href: (page: number) => string }) {
  const { ctx, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('portal.page.nav')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={props.href(page - 1)} rel="prev">
              {ctx.t('portal.page.prev')}
            </a>
          </li>
        )}
        <li aria-current="page">{ctx.t('portal.page.of', { page, pages })}</li>
        {page < pages && (
          <li>
            <a href={props.href(page + 1)} rel="next">
              {ctx.t('portal.page.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
