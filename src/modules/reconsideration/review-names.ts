// The names of applicants and plaintiffs that staff entered on reconsideration and litigation cases
// before names were encrypted (migration 20261207200000 moved each into applicant_name_clear, as a
// migration cannot reach the personal-data key): sealed at start-up (src/prepare.ts,
// platform/crypto/sealing.ts) through a partial index on the rows still waiting, then the table is
// rewritten so no clear copy is left. Idempotent: a row is sealed once, by a compare-and-set. No
// blind index: nothing looks a case up by the name.
import type { Db } from '../../db/database.ts';
import { scrubFreedSpace } from '../../db/scrub.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { sealWaiting } from '../../platform/crypto/sealing.ts';
import { reconsiderationStore as store } from './reconsideration.store.ts';

/** Seals every waiting name, `batch` per transaction with its audit event (a count, no name).
 *  Returns how many it sealed. */
export async function encryptClearReviewNames(db: Db, vault: PersonalDataVault, batch = 500): Promise<number> {
  const names = await sealWaiting(
    db,
    {
      action: 'review_case.names_encrypted',
      subjectType: 'review_case',
      counted: 'names',
      next: store.clearNames,
      seal: (trx, row) => store.sealName(trx, row.id, vault.encrypt(row.applicant_name_clear!)),
    },
    batch,
  );
  if (names > 0) await scrubFreedSpace(db, 'review_cases');
  return names;
}
