// Queries of the 12345 webhook's tables: the agencies' sealed secrets and the delivery ids taken.
import type { Executor } from '../../db/database.ts';
import type { HotlineWebhookSecretRow } from './hotline-webhook.table.ts';

export const hotlineWebhookStore = {
  secret(db: Executor, agencyId: number): Promise<HotlineWebhookSecretRow | undefined> {
    return db.selectFrom('hotline_webhook_secrets').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  },

  /** The agencies that take calls, with when their secret was last set. */
  configured(db: Executor): Promise<{ agency_id: number; updated_at: string }[]> {
    return db.selectFrom('hotline_webhook_secrets').select(['agency_id', 'updated_at']).orderBy('agency_id').execute();
  },

  async saveSecret(db: Executor, agencyId: number, secretEnc: string, updatedBy: number | null, at: string) {
    await db
      .insertInto('hotline_webhook_secrets')
      .values({ agency_id: agencyId, secret_enc: secretEnc, updated_by: updatedBy, updated_at: at })
      .onConflict((oc) =>
        oc.column('agency_id').doUpdateSet({ secret_enc: secretEnc, updated_by: updatedBy, updated_at: at }),
      )
      .execute();
  },

  async removeSecret(db: Executor, agencyId: number): Promise<number> {
    const result = await db.deleteFrom('hotline_webhook_secrets').where('agency_id', '=', agencyId).executeTakeFirst();
    return Number(result.numDeletedRows ?? 0n);
  },

  /**
   * Takes a delivery id: false when the agency took it before (a replay). Ids recorded before
   * `forgetBefore` are swept on the way. The unique key decides, so two copies of one call that
   * arrive together are taken once.
   */
  async claimDelivery(
    db: Executor,
    agencyId: number,
    deliveryId: string,
    at: string,
    forgetBefore: string,
  ): Promise<boolean> {
    await db.deleteFrom('hotline_webhook_deliveries').where('received_at', '<', forgetBefore).execute();
    const result = await db
      .insertInto('hotline_webhook_deliveries')
      .values({ agency_id: agencyId, delivery_id: deliveryId, received_at: at })
      .onConflict((oc) => oc.columns(['agency_id', 'delivery_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  },

  /** Gives a delivery id back when its orders could not be stored, so the centre may send it again. */
  async releaseDelivery(db: Executor, agencyId: number, deliveryId: string): Promise<void> {
    await db
      .deleteFrom('hotline_webhook_deliveries')
      .where('agency_id', '=', agencyId)
      .where('delivery_id', '=', deliveryId)
      .execute();
  },
};
