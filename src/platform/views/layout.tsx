/**
 * Layout — the console's page frame.
 *
 * Parameters:
 *  - ctx: ViewContext (locale, translator, actor, CSRF token, current path)
 *  - title: the page's <title> and <h1>
 *  - children: the main content
 *  - wide (optional): use the full width for tables
 *  - scripts (optional): extra same-origin script URLs for this page only (e.g. the public
 *    form's proof-of-work solver)
 *
 * Examples: a signed-in page shows the navigation and the sign-out button; the sign-in page
 * (actor undefined) shows only the header.
 *
 * The skip link comes first in focus order; the language switch is a plain link (no script).
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.ts';
import { currentNavHref, navFor } from './navigation.ts';

export function Layout(props: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
  scripts?: readonly string[];
}) {
  const { ctx, title } = props;
  const { t, actor } = ctx;
  const otherLocale = ctx.locale === 'en' ? 'zh-CN' : 'en';
  const nav = navFor(actor);
  const currentHref = currentNavHref(nav, ctx.path);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('app.short')}`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        <script src={ctx.assets.js} defer />
        {props.scripts?.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__name" href={actor ? '/admin' : '/'}>
              {t('app.name')}
            </a>
            <div class="site-header__tools">
              <a
                href={`?lang=${otherLocale}`}
                hrefLang={otherLocale}
                lang={otherLocale}
                aria-label={t('nav.language_label')}
              >
                {t('nav.language')}
              </a>
              {actor && (
                <>
                  <a href="/account">
                    {actor.displayName}
                    <span class="visually-hidden"> — {t('nav.account')}</span>
                  </a>
                  <form method="post" action="/sign-out" class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="button button--link">
                      {t('nav.sign_out')}
                    </button>
                  </form>
                </>
              )}
            </div>
          </div>
          {nav.length > 0 && (
            <nav class="site-nav" aria-label={t('nav.main')}>
              <ul>
                {nav.map((entry) => {
                  const current = entry.href === currentHref;
                  return (
                    <li>
                      <a href={entry.href} aria-current={current ? 'page' : undefined}>
                        {t(entry.labelKey)}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class={props.wide ? 'main main--wide' : 'main'} tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('app.name')}</p>
        </footer>
      </body>
    </html>
  );
}
