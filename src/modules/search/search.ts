// The search index follows publishing: the listener (registered by the composition root) runs inside
// the transaction that publishes, corrects or withdraws, so a rollback leaves the index as it was.
import type { PublicationListener } from '../../platform/publication-events.ts';
import { indexItem, removeItem } from './search.index.ts';

export { indexItem, removeItem, reindexAll } from './search.index.ts';
export { searchService, MAX_PAGE_SIZE, TOTAL_CAP } from './search.service.ts';

export const searchIndexFollowsPublication: PublicationListener = async (trx, event) => {
  if (event.change === 'withdrawn') await removeItem(trx, event.itemId);
  else await indexItem(trx, event.itemId);
};
