// Opening a letter's attachment on the console: the office and the unit that answers need the
// photo or scan the writer sent, and each opening is an audit event the audit administrator sees
// beside the reveals of personal data (audit/personal-data.routes.tsx), since a file can show a
// face, a plate or an address.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { mutate } from '../../platform/mutation.ts';
import { letterAttachmentContent } from './letter-attachments.ts';

export interface OpenedAttachment {
  readonly name: string;
  readonly mime: string;
  readonly data: Buffer;
}

export async function openLetterAttachment(
  db: Db,
  ctx: AuditContext,
  vault: PersonalDataVault,
  caseId: number,
  attachmentId: number,
): Promise<OpenedAttachment> {
  return mutate(db, ctx, async (trx, audit) => {
    const row = await letterAttachmentContent(trx, caseId, attachmentId);
    if (!row) throw new NotFoundError();
    await audit({
      action: 'mailbox.attachment_view',
      subjectType: 'mailbox_case',
      subjectId: caseId,
      after: { attachmentId, name: row.name },
    });
    return { name: row.name, mime: row.mime, data: Buffer.from(vault.open(row.content_enc) ?? '', 'base64') };
  });
}
