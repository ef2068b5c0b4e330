// Public surface of the mailbox module (letters to the mayor's mailbox and 12345 work orders):
// what other modules, the application and the tests may use. Everything else in the module is
// private (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export * from './mailbox.ts';
export {
  computeDue,
  DEFAULT_LIMITS,
  escalationsDue,
  limitFor,
  type DueResult,
  type DueStep,
} from './mailbox-limits.ts';
export {
  createMailboxService,
  type LetterInput,
  type LimitInput,
  type MailboxService,
  type OpenedMailboxCase,
} from './mailbox.service.ts';
export { mailboxStore, type MailboxFilter } from './mailbox.store.ts';
export { mailboxDocuments, type MailboxStepInput } from './mailbox.workflow.ts';
export type { MailboxCaseRow, MailboxReplyVersionRow, MailboxStatusRow } from './mailbox.table.ts';
// The figures (supervision, the annual report, the 12345 centre's feedback) and the links with
// disclosure applications (issue 16 items 6 and 7).
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
export { createConversionService, type ConversionService } from './conversion.service.ts';
export { mailboxLinks } from './conversion.links.ts';
export { conversionStore } from './conversion.store.ts';
export { answersSection } from './answers-section.ts';
