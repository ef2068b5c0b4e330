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
export { answersSection } from './answers-section.ts';
