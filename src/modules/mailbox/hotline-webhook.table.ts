import type { Generated, Selectable } from 'kysely';

/** An agency's shared secret for the 12345 centre's webhook; one row per agency that takes calls. */
export interface HotlineWebhookSecretTable {
  id: Generated<number>;
  agency_id: number;
  /** Sealed by the personal-data vault; never shown again once saved. */
  secret_enc: string;
  updated_by: number | null;
  updated_at: string;
}
export type HotlineWebhookSecretRow = Selectable<HotlineWebhookSecretTable>;

/** A delivery id the webhook has taken, kept while a replay of its call could still be fresh. */
export interface HotlineWebhookDeliveryTable {
  id: Generated<number>;
  agency_id: number;
  delivery_id: string;
  received_at: string;
}
