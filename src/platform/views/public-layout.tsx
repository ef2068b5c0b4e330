/**
 * PublicLayout — the frame of a public page rendered outside the portal module (the application
 * form, the tracking pages): the portal's own layout, with the same header, navigation, reading
 * aids and footer, provided by the composition root (providePublicLayout) so that no module has
 * to import the portal. Without a provided layout or a public frame (a page built outside a public
 * request), the console's Layout is used.
 *
 * Parameters: ctx (the console ViewContext; its publicFrame carries the site and the reading aids),
 * title, children (with the page's own <h1>, as in the console; `h1` to have the layout add it), scripts.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { Locale, Translator } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';
import type { DisplayMode, PublicSite } from './public-site.ts';
import { Layout } from './layout.tsx';

/** What a public page needs: no actor and no CSRF token, so the rendered page can be shared by everyone. */
export interface PublicPageContext {
  readonly locale: Locale;
  readonly t: Translator;
  readonly path: string;
  /** The page's own address with its query (for the toolbar's way back). */
  readonly url: string;
  readonly mode: DisplayMode;
  readonly assets: { readonly css: string; readonly icon: string };
  /** The site's identity for the footer. */
  readonly site: PublicSite;
  /** In the static copy: the live site's search page. */
  readonly liveSearch?: string;
}

export interface PublicLayoutProps {
  readonly ctx: PublicPageContext;
  readonly title: string;
  readonly children: ComponentChildren;
  readonly h1?: boolean;
  readonly feeds?: readonly { href: string; title: string }[];
  readonly scripts?: readonly string[];
}

export type PublicLayoutComponent = (props: PublicLayoutProps) => VNode;

let provided: PublicLayoutComponent | undefined;

/** Called by the composition root only. */
export function providePublicLayout(component: PublicLayoutComponent): void {
  provided = component;
}

export function PublicLayout(props: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
  h1?: boolean;
  scripts?: readonly string[];
}) {
  const { ctx } = props;
  const frame = ctx.publicFrame;
  const scripts = [ctx.assets.js, ...(props.scripts ?? [])];
  if (!provided || !frame)
    return (
      <Layout ctx={ctx} title={props.title} scripts={props.scripts ?? []}>
        {props.children}
      </Layout>
    );
  const Frame = provided;
  return (
    <Frame
      ctx={{
        locale: ctx.locale,
        t: ctx.t,
        path: ctx.path,
        url: frame.url,
        mode: frame.mode,
        site: frame.site,
        assets: { css: ctx.assets.css, icon: ctx.assets.icon },
      }}
      title={props.title}
      h1={props.h1 ?? false}
      scripts={scripts}
    >
      {props.children}
    </Frame>
  );
}
