// Names stored before they were encrypted (migration 20261207160000 moved each one into
// applicant_name_clear, as a migration cannot reach the personal-data key): sealed here, after the
// migrations and before the server listens or a command runs (src/prepare.ts). Idempotent: a name
// is sealed once, by a compare-and-set on the clear column, so a second run — or a second process
// starting at the same time — finds nothing left and changes nothing.
import type { Db } from '../../db/database.ts';
import { scrubFreedSpace } from '../../db/scrub.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { mutate } from '../../platform/mutation.ts';
import { applicationsStore as store } from './applications.store.ts';

/** Seals every waiting name, `batch` per transaction (each with its audit event, which counts the
 *  names and names none), then rewrites the table so no clear copy is left in the database.
 *  Returns how many names it sealed. */
export async function encryptClearApplicantNames(db: Db, vault: PersonalDataVault, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await store.clearNames(db, batch);
    if (rows.length === 0) break;
    const sealed = await mutate(db, systemContext, async (trx, audit) => {
      let n = 0;
      for (const row of rows) {
        const name = row.applicant_name_clear!;
        if (await store.sealName(trx, row.id, { enc: vault.encrypt(name), index: vault.nameIndex(name) })) n++;
      }
      await audit({ action: 'application.names_encrypted', subjectType: 'application', after: { names: n } });
      return n;
    });
    total += sealed;
  }
  if (total > 0) await scrubFreedSpace(db, 'applications');
  return total;
}
