import { defineModule } from '../../platform/module.ts';
import { searchIndexFollowsPublication } from './search.ts';

export const searchModule = defineModule({
  name: 'search',
  publicationListeners: [searchIndexFollowsPublication],
  web: async () => {
    const { searchRoutes, searchIndexUpgradeJob } = await import('./search.routes.ts');
    return { routes: [searchRoutes], jobs: [searchIndexUpgradeJob] };
  },
});
