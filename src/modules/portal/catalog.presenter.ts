// The public lists of items (home page columns, the catalog, the policy documents of the reports
// page) as the views show them. Pure and cheap: it runs when a page is rendered, which the page
// cache makes once per stamp, not once per request (docs/performance.md#portal).
import type { CatalogRow } from './portal.store.ts';

export interface CatalogListItem {
  readonly id: number;
  readonly title: string;
  readonly publicationDate: string | null;
  readonly documentNumber: string | null;
  readonly agencyName: string;
  /** A catalog category code (pub.category.*). */
  readonly category: string;
  /** The current validity code (pub.validity.*), or null for items without one. */
  readonly validity: string | null;
}

export function presentCatalogRows(rows: readonly CatalogRow[]): CatalogListItem[] {
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publicationDate: r.publication_date,
    documentNumber: r.document_number,
    agencyName: r.agency_name,
    category: r.catalog_category,
    validity: r.validity,
  }));
}
