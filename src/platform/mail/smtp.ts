// The SMTP transport of the outbox, through nodemailer, from the GONGKAI_SMTP_* settings.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.ts';
import type { MailTransport } from './outbox.ts';

export function smtpTransport(
  smtp: SmtpConfig,
  options: { timeoutMs?: number } = {},
): MailTransport & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      await transporter.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transporter.close();
    },
  };
}
