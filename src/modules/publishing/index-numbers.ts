// Index numbers (索引号, docs/domain/websites.md#index-numbers): generated from the agency's template inside the
// transaction that creates the item, unique and never reused. Drafts and the catalog import
// both number through nextIndexNumber (the import's batch path reserves serials the same way).
import type { Tx } from '../../db/database.ts';
import { ConflictError } from '../../platform/errors.ts';
import { agencyDirectory, DEFAULT_INDEX_TEMPLATE } from '../organisation/index.ts';
import { renderIndexNumber } from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';

/** What numbering needs of an agency; callers numbering many rows pass it in to save a query. */
export interface IndexNumbering {
  readonly code: string;
  readonly credit_code: string | null;
  readonly index_number_template: string | null;
}

/**
 * Generates the next index number of the agency inside the transaction (docs/domain/websites.md#index-numbers). Every
 * path that creates catalog items (drafts, the catalog import) numbers through here.
 */
export async function nextIndexNumber(
  trx: Tx,
  agencyId: number,
  formationDate: string,
  numbering?: IndexNumbering,
): Promise<string> {
  const agency = numbering ?? (await agencyDirectory(trx).where('id', '=', agencyId).executeTakeFirstOrThrow());
  const year = Number(formationDate.slice(0, 4));
  const month = Number(formationDate.slice(5, 7));
  const template = agency.index_number_template || DEFAULT_INDEX_TEMPLATE;
  // A template without the agency's code can collide with another agency's numbers; such a
  // serial is skipped (never reused) rather than the number repeated.
  for (let attempt = 0; attempt < 50; attempt++) {
    const seq = await store.nextSerial(trx, agencyId, year);
    const number = renderIndexNumber(template, {
      agencyCode: agency.code,
      creditCode: agency.credit_code,
      year,
      month,
      seq,
    });
    if (!(await store.indexNumberTaken(trx, number))) return number;
  }
  throw new ConflictError('pub.error.index_template_collides');
}
