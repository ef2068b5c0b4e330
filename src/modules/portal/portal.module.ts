import { defineModule } from '../../platform/module.ts';
import { portalMessages } from './portal.messages.ts';
import { pageCacheFollowsPublication } from './page-cache.ts';

export const portalModule = defineModule({
  name: 'portal',
  messagePrefixes: ['portal.'],
  messages: [portalMessages],
  publicationListeners: [pageCacheFollowsPublication],
  web: async () => ({ routes: [(await import('./portal.routes.tsx')).portalRoutes] }),
});
