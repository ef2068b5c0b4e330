import type { PublicPageContext } from '../../../platform/views/public-layout.tsx';

export type { DisplayMode } from '../../../platform/views/public-site.ts';

/** What a public page needs: no actor and no CSRF token, so the rendered page can be shared by
 *  everyone (the platform's PublicPageContext: the frame every public page shares). */
export type PortalContext = PublicPageContext;
