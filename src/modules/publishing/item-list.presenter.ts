// The console catalog's rows as the list page shows them (issue 15 item 9).
import { isLate } from './publishing.ts';
import type { ItemListRow } from './publishing.store.ts';

/** One row of /admin/items. */
export interface ItemListEntry {
  readonly id: number;
  readonly href: string;
  readonly indexNumber: string;
  readonly title: string;
  readonly unitName: string;
  readonly status: string;
  /** Art. 26: published after its due day, or still unpublished past it. */
  readonly late: boolean;
  readonly formationDate: string;
  readonly dueOn: string | null;
  /** The years whose calendar was provisional when the due day was counted (a note beside it). */
  readonly dueProvisionalYears: string | null;
  readonly publicationDate: string | null;
}

export function presentItemListRow(row: ItemListRow, today: string): ItemListEntry {
  return {
    id: row.id,
    href: `/admin/items/${row.id}`,
    indexNumber: row.index_number,
    title: row.title,
    unitName: row.unit_name,
    status: row.status,
    late: isLate(row, today),
    formationDate: row.formation_date,
    dueOn: row.disclosure_due_on,
    dueProvisionalYears: row.disclosure_due_on ? row.disclosure_due_provisional_years : null,
    publicationDate: row.publication_date,
  };
}
