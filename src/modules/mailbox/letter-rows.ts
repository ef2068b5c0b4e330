// A stored letter opened for the writer's pages and the public column: the sealed name read back,
// and the check that the contact someone types is the one given with the letter.
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { compactIdentifier } from '../../platform/pii/identifiers.ts';
import type { LetterRow } from './letter.store.ts';
import type { LetterFacts } from './letter.presenter.ts';

export function letterFacts(row: LetterRow, vault: PersonalDataVault): LetterFacts {
  return {
    id: row.id,
    trackingCode: row.tracking_code ?? '',
    agencyName: row.agency_name,
    category: row.category,
    subject: row.subject,
    requestText: row.request_text,
    receivedOn: row.received_on,
    dueDate: row.due_date,
    repliedOn: row.replied_on,
    writerName: vault.open(row.writer_name_enc),
    consentToPublish: row.consent_to_publish === 1,
    publishName: row.publish_name === 1,
  };
}

/** A phone number as digits only, without a leading +86 / 86; an e-mail address in lower case. */
function canonicalContact(raw: string): string {
  const text = raw.trim();
  if (text.includes('@')) return text.toLowerCase();
  return compactIdentifier(text)
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '');
}

/** True when `typed` is the phone or the e-mail the writer gave. */
export function contactMatches(row: LetterRow, typed: string, vault: PersonalDataVault): boolean {
  const given = canonicalContact(typed);
  if (!given) return false;
  return [row.writer_phone_enc, row.writer_email_enc].some((sealed) => {
    const stored = vault.open(sealed);
    return stored !== null && canonicalContact(stored) === given;
  });
}
