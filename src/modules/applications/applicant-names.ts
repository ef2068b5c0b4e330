// Names stored before they were encrypted: applicants' names (migration 20261207160000 moved each
// one into applicant_name_clear) and organisations' contact persons (20261207200000, into
// contact_person_clear), and the names' blind index, emptied by 20261207200000 when the names'
// normalisation changed — a migration cannot reach the personal-data key. Sealed and indexed here
// at start-up (src/prepare.ts, platform/crypto/sealing.ts), through partial indexes on the rows
// still waiting, so a start with nothing waiting reads no table. Idempotent: each row by a
// compare-and-set, so a second run — or a second process starting at the same time — finds
// nothing left and changes nothing.
import type { Db } from '../../db/database.ts';
import { scrubFreedSpace } from '../../db/scrub.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { sealWaiting } from '../../platform/crypto/sealing.ts';
import { applicationsStore as store } from './applications.store.ts';

export interface SealedApplicantData {
  /** Applicants' names sealed (with their blind index). */
  readonly names: number;
  /** Sealed names given their blind index again. */
  readonly nameIndexes: number;
  /** Contact persons sealed. */
  readonly contactPersons: number;
}

/** Seals every waiting name and contact person and indexes every sealed name without an index,
 *  `batch` rows per transaction (each with its audit event, which counts and names no one); then,
 *  if anything clear was sealed, rewrites the table so no clear copy is left in the database. */
export async function encryptClearApplicantNames(
  db: Db,
  vault: PersonalDataVault,
  batch = 500,
): Promise<SealedApplicantData> {
  const names = await sealWaiting(
    db,
    {
      action: 'application.names_encrypted',
      subjectType: 'application',
      counted: 'names',
      next: store.clearNames,
      seal: (trx, row) => {
        const name = row.applicant_name_clear!;
        return store.sealName(trx, row.id, { enc: vault.encrypt(name), index: vault.nameIndex(name) });
      },
    },
    batch,
  );
  const nameIndexes = await sealWaiting(
    db,
    {
      action: 'application.name_index_rebuilt',
      subjectType: 'application',
      counted: 'names',
      next: store.unindexedNames,
      // A name still waiting in clear has no sealed value to index: the step above indexes it.
      seal: async (trx, row) =>
        row.applicant_name_enc !== null &&
        store.indexName(trx, row.id, vault.nameIndex(vault.decrypt(row.applicant_name_enc))),
    },
    batch,
  );
  const contactPersons = await sealWaiting(
    db,
    {
      action: 'application.names_encrypted',
      subjectType: 'application',
      counted: 'contactPersons',
      next: store.clearContacts,
      seal: (trx, row) => store.sealContact(trx, row.id, vault.encrypt(row.contact_person_clear!)),
    },
    batch,
  );
  if (names + contactPersons > 0) await scrubFreedSpace(db, 'applications');
  return { names, nameIndexes, contactPersons };
}
