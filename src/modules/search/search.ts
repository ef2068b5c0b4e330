// Importing this module keeps the search index in step with publishing: the listener runs inside
// the transaction that publishes, corrects or withdraws, so a rollback leaves the index as it was.
// src/app.ts (server), src/demo (demo loader) and the CLI import it.
import { onPublicationChange } from '../publishing/index.ts';
import { indexItem, removeItem } from './search.index.ts';

export { indexItem, removeItem, reindexAll } from './search.index.ts';
export { searchService, MAX_PAGE_SIZE, TOTAL_CAP } from './search.service.ts';

onPublicationChange(async (trx, event) => {
  if (event.change === 'withdrawn') await removeItem(trx, event.itemId);
  else await indexItem(trx, event.itemId);
});
