// Public surface of the mailbox module (docs/adr/0018-module-boundaries.md).
export {
  mailboxRates,
  monthOf,
  NO_MAILBOX_FIGURES,
  sumMailboxFigures,
  type MailboxFigures,
  type MailboxRates,
} from './mailbox-figures.ts';
export {
  feedbackOrders,
  mailboxFigures,
  mailboxYear,
  yearPeriod,
  type FigureGrouping,
  type MailboxYear,
  type ReceiptPeriod,
} from './mailbox-figures.store.ts';
