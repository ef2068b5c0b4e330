import { defineModule } from '../../platform/module.ts';
import { portalMessages } from './portal.messages.ts';
import { siteMessages } from './site.messages.ts';
import { pageCacheFollowsPublication } from './page-cache.ts';

export const portalModule = defineModule({
  name: 'portal',
  messagePrefixes: ['portal.'],
  messages: [portalMessages, siteMessages],
  publicationListeners: [pageCacheFollowsPublication],
  web: async () => ({ routes: [(await import('./portal.routes.tsx')).portalRoutes] }),
});
