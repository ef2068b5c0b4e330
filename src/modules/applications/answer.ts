// The answer online (issue 15, item 2): what the applicant may type to prove the case is theirs,
// how long a download link lives, and the official texts that tell them the answer is there.
// Pure: strings and instants in, a result out.
import { answerMessages } from './answer.messages.ts';
import { normaliseApplicantKey } from './applicant-key.ts';
import { formatTrackingCode } from './tracking.ts';

/** A download link works this long after the proof (the page says so): long enough to download
 *  a few files, short enough that a link in a browser history or a forwarded mail soon stops. */
export const ANSWER_LINK_MINUTES = 15;

/** What was typed: the correction key (10 characters), the last 6 characters of an identity number
 *  or mobile number, or nothing usable. */
export type Proof = { kind: 'key'; key: string } | { kind: 'tail'; tail: string } | null;

export function parseProof(typed: unknown): Proof {
  if (typeof typed !== 'string') return null;
  const key = normaliseApplicantKey(typed);
  if (key) return { kind: 'key', key };
  const tail = typed.replace(/[\s\-]/g, '').toUpperCase();
  // Six digits, the last possibly the X of a resident ID's check character.
  return /^\d{5}[\dX]$/.test(tail) ? { kind: 'tail', tail } : null;
}

/** The last 6 characters of a stored identity or phone number, as the applicant would type them. */
export function tailOf(value: string | null | undefined): string | null {
  const clean = (value ?? '').replace(/[\s\-()]/g, '').toUpperCase();
  return clean.length >= 6 ? clean.slice(-6) : null;
}

/** The files a proved applicant may fetch: the reply notice (DOCX or web page) and each released file. */
export type AnswerFile = { kind: 'notice'; format: 'docx' | 'html' } | { kind: 'released'; id: number };

export function answerFileName(file: AnswerFile): string {
  return file.kind === 'notice' ? `notice.${file.format}` : `file-${file.id}`;
}

export function parseAnswerFile(name: string): AnswerFile | null {
  if (name === 'notice.docx' || name === 'notice.html')
    return { kind: 'notice', format: name === 'notice.docx' ? 'docx' : 'html' };
  const m = /^file-([1-9]\d{0,9})$/.exec(name);
  return m ? { kind: 'released', id: Number(m[1]) } : null;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** 2026-03-12 → 2026年3月12日, as an official text writes a date. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export interface AnswerNotification {
  readonly subject: string;
  readonly mail: string;
  readonly sms: string;
}

/** The e-mail and SMS that say the answer is online: the agency, the tracking code, the date and
 *  where to fetch it — no name, no request text, no number. `trackingUrl` is built from the
 *  configured public address, never from a request's Host header. */
export function answerNotification(input: {
  agencyName: string;
  trackingCode: string;
  repliedOn: string;
  trackingUrl: string;
}): AnswerNotification {
  const params = {
    agency: input.agencyName,
    code: formatTrackingCode(input.trackingCode),
    date: chineseDate(input.repliedOn),
    url: input.trackingUrl,
  };
  return {
    subject: answerMessages['applications.answer.mail_subject'].zh,
    mail: fill(answerMessages['applications.answer.mail_body'].zh, params),
    sms: fill(answerMessages['applications.answer.sms_body'].zh, params),
  };
}
