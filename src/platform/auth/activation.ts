// One-time activation codes (三员分立, issue 14 finding 2). No administrator ever learns a usable
// password of another account: a new account, and an account whose password the security
// administrator resets, gets a random code instead, sent to the account's own e-mail address
// through the mail outbox in the same transaction. The code is 128 random bits, kept only as
// its SHA-256, valid for ACTIVATION_HOURS and once; whoever holds it sets the password at
// /activate. The administrator sees only the masked address it went to.
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { addMinutes, formatChinaTime, now } from '../clock.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { hashPassword } from './password.ts';

export const ACTIVATION_HOURS = 72;

export type ActivationPurpose = 'new_account' | 'reset';

function codeHash(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

/** z***@example.gov.cn: enough for the administrator to see where it went, not to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** A password hash nobody knows: the account cannot be signed into until it is activated. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64'));
}

/**
 * Issues a code for the user and queues the mail that carries it. Earlier unused codes of the
 * user stop working (the newest one counts). Returns the masked address.
 */
export async function issueActivation(
  trx: Executor,
  input: {
    readonly user: { readonly id: number; readonly username: string; readonly display_name: string };
    readonly email: string;
    readonly purpose: ActivationPurpose;
    readonly createdBy: number | null;
    readonly baseUrl: string;
  },
): Promise<{ sentTo: string; expiresAt: string }> {
  const code = randomBytes(16).toString('base64url');
  const at = now();
  const expiresAt = addMinutes(at, ACTIVATION_HOURS * 60).toISOString();
  await trx.deleteFrom('activation_codes').where('user_id', '=', input.user.id).where('used_at', 'is', null).execute();
  await trx
    .insertInto('activation_codes')
    .values({
      user_id: input.user.id,
      code_hash: codeHash(code),
      purpose: input.purpose,
      created_by: input.createdBy,
      created_at: at.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  const link = `${input.baseUrl.replace(/\/+$/, '')}/activate?code=${code}`;
  const until = formatChinaTime(expiresAt);
  const why =
    input.purpose === 'new_account'
      ? '政府信息公开工作平台已为您开设账号。'
      : '您在政府信息公开工作平台的账号密码已被安全管理员重置，原密码已失效。'; // reset
  await enqueueMail(trx, {
    to: [input.email],
    subject:
      input.purpose === 'new_account' ? '账号激活码 / Account activation code' : '密码重置激活码 / Password reset code',
    text: [
      `${input.user.display_name}（${input.user.username}）：`,
      '',
      why,
      `请在 ${until} 前打开以下链接设置您自己的密码（仅可使用一次）：`,
      link,
      `或在登录页的“激活账号”中输入激活码：${code}`,
      '',
      '激活码只发给您本人，管理员看不到。如您并未申请，请立即联系本机关的安全管理员。',
      '',
      `Your activation code (valid once, until ${until} China time): ${code}`,
      `Set your own password at ${link}`,
    ].join('\n'),
  });
  return { sentTo: maskEmail(input.email), expiresAt };
}

/** The user a code belongs to while it is known, unused and unexpired; null otherwise. */
export async function activationUser(db: Executor, code: string): Promise<{ id: number; userId: number } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code.trim())) return null;
  const row = await db
    .selectFrom('activation_codes')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('code_hash', '=', codeHash(code))
    .executeTakeFirst();
  if (!row || row.used_at !== null || new Date(row.expires_at) <= now()) return null;
  return { id: row.id, userId: row.user_id };
}

/** Marks a code used (compare-and-set, so two submissions of one code cannot both succeed). */
export async function consumeActivation(trx: Executor, codeId: number): Promise<boolean> {
  const taken = await trx
    .updateTable('activation_codes')
    .set({ used_at: now().toISOString() })
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}
