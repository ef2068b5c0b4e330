// The view context a component test renders with: a locale's translator and nothing signed in.
import { translator, type Locale } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';

export function testViewContext(locale: Locale): ViewContext {
  return {
    locale,
    t: translator(locale),
    actor: undefined,
    csrfToken: 't',
    path: '/',
    requestId: 'r',
    assets: { css: '', js: '', icon: '' },
  };
}
