// The catalog list's rows (docs/conventions.md#presenters). The list page still renders the store's
// row as it is: its rewrite for paging presents it; until then this keeps the view off the store.
export type { ItemListRow } from './publishing.store.ts';
