// "Not found" in the portal's own frame (the console's error page needs a signed-in context).
import type { PortalContext } from './portal-context.ts';
import { PortalLayout } from './portal-layout.tsx';

export function ErrorPage({ ctx }: { ctx: PortalContext; status: 404 }) {
  return (
    <PortalLayout ctx={ctx} title={ctx.t('error.not_found')}>
      <p>{ctx.t('error.not_found_hint')}</p>
      <p>
        <a href="/catalog">{ctx.t('portal.nav.catalog')}</a> · <a href="/search">{ctx.t('portal.nav.search')}</a>
      </p>
    </PortalLayout>
  );
}
