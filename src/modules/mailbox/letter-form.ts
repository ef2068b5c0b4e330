// The letter form of the portal (docs/domain/mailbox-and-hotline.md#mayors-mailbox): what a
// writer must give and what is only asked. A contact is required because the answer has to reach
// someone; the name is optional because a letter is answered on its merits, and it is only ever
// published when the writer says so. Consent to publish is asked, never assumed: an unticked box
// keeps the letter off the portal for good.
import { readForm } from '../../platform/form.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { mailboxCategories, type MailboxCategory } from './mailbox.ts';

/** The longest letter accepted: a few pages, as a mailbox letter is, not a document dump. */
export const MAX_LETTER_CHARS = 5000;

export const letterFormSpec = {
  agency_id: { kind: 'int', label: 'mailbox.write.field.agency', required: true },
  category: { kind: 'choice', label: 'mailbox.write.field.category', required: true, choices: mailboxCategories },
  subject: { kind: 'text', label: 'mailbox.write.field.subject', required: true, max: 100 },
  request: { kind: 'text', label: 'mailbox.write.field.text', required: true, max: MAX_LETTER_CHARS },
  writer_name: { kind: 'text', label: 'mailbox.write.field.name', max: 50 },
  phone: { kind: 'phone', label: 'mailbox.write.field.phone', max: 30 },
  email: { kind: 'email', label: 'mailbox.write.field.email', max: 100 },
} as const;

export interface LetterFormInput {
  readonly agencyId: number;
  readonly category: MailboxCategory;
  readonly subject: string;
  readonly request: string;
  readonly writerName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** The writer agreed that the letter and its reply may be shown on the portal, without personal data. */
  readonly consentToPublish: boolean;
  /** The writer asked to be named with the published letter (only with consent and a name). */
  readonly publishName: boolean;
}

const ticked = (body: Record<string, unknown>, name: string) => body[name] === '1' || body[name] === 'on';

/** Reads and checks the letter form; every problem at once, each in both languages. */
export function parseLetterForm(body: unknown): { input: LetterFormInput | null; issues: ValidationIssue[] } {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const { values, issues } = readForm(letterFormSpec, source);
  const consent = ticked(source, 'consent_to_publish');
  const publishName = ticked(source, 'publish_name');
  if (!values.phone && !values.email && !issues.some((i) => i.field === 'phone' || i.field === 'email'))
    issues.push(issue('phone', 'mailbox.write.error.contact_required'));
  if (publishName && !consent) issues.push(issue('publish_name', 'mailbox.write.error.name_without_consent'));
  else if (publishName && !values.writer_name) issues.push(issue('writer_name', 'mailbox.write.error.name_to_publish'));
  if (issues.length) return { input: null, issues };
  return {
    input: {
      agencyId: values.agency_id!,
      category: values.category as MailboxCategory,
      subject: values.subject!,
      request: values.request!,
      writerName: values.writer_name,
      phone: values.phone,
      email: values.email,
      consentToPublish: consent,
      publishName: consent && publishName,
    },
    issues: [],
  };
}
