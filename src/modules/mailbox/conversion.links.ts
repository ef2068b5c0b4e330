// What an application's case page lists of the mailbox (applications' linked-mailbox.ts): the letter
// or order it was registered from and the letter it was passed to, and where its "pass to the
// mailbox" button posts. Registered by the composition root.
import type { LinkedMailboxCase, LinkedMailboxProvider } from '../applications/index.ts';
import { formatTrackingCode } from '../applications/index.ts';
import { conversionStore } from './conversion.store.ts';

export const mailboxLinks: LinkedMailboxProvider = {
  async links(db, applicationId) {
    const rows = await conversionStore.linkedToApplication(db, applicationId);
    return rows.map(
      (r): LinkedMailboxCase => ({
        id: r.id,
        source: r.source,
        reference: r.external_no ?? formatTrackingCode(r.tracking_code ?? ''),
        subject: r.subject,
        direction: r.application_id === applicationId ? 'converted_from' : 'passed_to',
        href: `/admin/mailbox/${r.id}`,
      }),
    );
  },
  passPath: (applicationId) => `/admin/mailbox/from-application/${applicationId}`,
};
