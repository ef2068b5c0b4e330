import type { Locale, Translator } from '../../../platform/i18n/i18n.ts';

/** The reading aids chosen on the toolbar (cookie gk_display). */
export interface DisplayMode {
  readonly text: boolean;
  readonly contrast: boolean;
  readonly spacing: boolean;
}

/** What a public page needs: no actor and no CSRF token, so the rendered page can be shared by everyone. */
export interface PortalContext {
  readonly locale: Locale;
  readonly t: Translator;
  readonly path: string;
  /** The page's own address with its query (for the toolbar's way back). */
  readonly url: string;
  readonly mode: DisplayMode;
  readonly assets: { readonly css: string; readonly icon: string };
  /** In the static copy: the live site's search page. */
  readonly liveSearch?: string;
}
