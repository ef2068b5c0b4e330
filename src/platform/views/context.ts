import type { Actor } from '../policy.ts';
import type { Locale, Translator } from '../i18n/i18n.ts';
import type { PublicFrame } from './public-site.ts';

/** Everything a page needs from the request; pages are pure functions of it and their data. */
export interface ViewContext {
  readonly locale: Locale;
  readonly t: Translator;
  readonly actor: Actor | undefined;
  readonly csrfToken: string;
  readonly path: string;
  readonly requestId: string;
  readonly assets: { readonly css: string; readonly js: string; readonly icon: string };
  /** On a public request: the public site's frame (public-site.ts), for PublicLayout. */
  readonly publicFrame?: PublicFrame | undefined;
}
