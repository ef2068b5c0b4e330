// What a mailbox case's page shows of its link with a disclosure application: the application it
// became or came from, and whether the office may still register it as one. Pure.
import { formatTrackingCode } from '../applications/index.ts';
import { convertible } from './conversion.service.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';

export interface ApplicationLinkView {
  /** converted_to: the case became the application; passed_from: the application was passed to the mailbox. */
  readonly direction: 'converted_to' | 'passed_from';
  readonly href: string;
  readonly trackingCode: string;
  readonly receivedOn: string;
}

export interface CaseApplicationView {
  readonly link: ApplicationLinkView | null;
  /** The conversion form's address, when the actor may convert the case now. */
  readonly convertHref: string | null;
}

export function presentCaseApplication(
  row: Pick<MailboxCaseRow, 'id' | 'status' | 'application_id' | 'from_application_id'>,
  application: { id: number; tracking_code: string; received_on: string } | undefined,
  mayConvert: boolean,
): CaseApplicationView {
  const direction =
    row.application_id !== null ? 'converted_to' : row.from_application_id !== null ? 'passed_from' : null;
  return {
    link:
      direction && application
        ? {
            direction,
            href: `/admin/applications/${application.id}`,
            trackingCode: formatTrackingCode(application.tracking_code),
            receivedOn: application.received_on,
          }
        : null,
    convertHref: mayConvert && convertible(row) ? `/admin/mailbox/${row.id}/convert` : null,
  };
}
