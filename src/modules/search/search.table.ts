import type { Generated, Selectable } from 'kysely';

/** One row per public item (the FTS5 table search_fts / the tokens column are raw SQL only). */
export interface SearchDocumentTable {
  item_id: number;
  agency_id: number;
  catalog_category: string;
  publication_year: number | null;
  publication_day: number | null;
  title: string;
  content: string;
  document_key: string | null;
  indexed_at: string;
}

export type SearchDocumentRow = Selectable<SearchDocumentTable>;

/** One row (id 1): the tokenizer format the whole index was last built with (see INDEX_FORMAT). */
export interface SearchIndexStateTable {
  id: number;
  format: number;
  rebuilt_at: string | null;
}

/** A group of equivalent terms of the search dictionary (synonyms.ts); `terms` is a JSON array. */
export interface SearchSynonymGroupTable {
  id: Generated<number>;
  terms: string;
  updated_at: string;
}
