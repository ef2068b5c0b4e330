// The queries of the links between mailbox cases and disclosure applications (Art. 29 and Art. 39;
// docs/domain/mailbox-and-hotline.md#letters-and-applications): the conversion's compare-and-set,
// the letter an application was passed to, and both directions as the case pages list them.
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';

export const conversionStore = {
  /** The agency's case of a 12345 order number (the centre's numbers are unique per agency). */
  async caseOfOrder(db: Executor, agencyId: number, externalNo: string): Promise<MailboxCaseRow | undefined> {
    return db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('source', '=', 'hotline')
      .where('external_no', '=', externalNo)
      .executeTakeFirst();
  },

  /**
   * Marks the case converted into the application, if it is still in the state the officer saw and
   * not converted already; false when another request changed it first (the caller rolls back).
   */
  async markConverted(db: Executor, caseId: number, whileStatus: string, applicationId: number): Promise<boolean> {
    const result = await db
      .updateTable('mailbox_cases')
      .set({ status: 'converted', application_id: applicationId, updated_at: nowIso() })
      .where('id', '=', caseId)
      .where('status', '=', whileStatus)
      .where('application_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The letter an application was passed to, if any. */
  async passedTo(db: Executor, applicationId: number): Promise<MailboxCaseRow | undefined> {
    return db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('from_application_id', '=', applicationId)
      .executeTakeFirst();
  },

  /** The cases linked to an application either way, oldest first. */
  async linkedToApplication(
    db: Executor,
    applicationId: number,
  ): Promise<
    Pick<
      MailboxCaseRow,
      'id' | 'source' | 'tracking_code' | 'external_no' | 'subject' | 'application_id' | 'from_application_id'
    >[]
  > {
    return db
      .selectFrom('mailbox_cases')
      .select(['id', 'source', 'tracking_code', 'external_no', 'subject', 'application_id', 'from_application_id'])
      .where((eb) => eb.or([eb('application_id', '=', applicationId), eb('from_application_id', '=', applicationId)]))
      .orderBy('id')
      .execute();
  },
};
