// The daily reminder job: for every case that is overdue or due within 5 working days, each
// person who handles it gets an in-app notice, and — when mail is configured — one mail per
// (case, kind of reminder, day) goes to the outbox. Both are keyed so that running the job again
// the same day (several processes, a restart, cron and the server both) adds nothing.
import type { Db } from '../../db/database.ts';
import { mutate } from '../../platform/mutation.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { dueWindow } from '../applications/applications.clock.ts';
import { formatTrackingCode } from '../applications/tracking.ts';
import { attentionOf, dashboardStore as store } from './dashboard.store.ts';

export interface ReminderRun {
  readonly today: string;
  readonly cases: number;
  readonly notices: number;
  readonly mails: number;
}

const SUBJECT = { due_soon: '【即将到期】政府信息公开申请', overdue: '【已超期】政府信息公开申请' } as const;

function mailText(kind: 'due_soon' | 'overdue', code: string, due: string, link: string | null): string {
  const lead =
    kind === 'overdue'
      ? `政府信息公开申请 ${code} 的答复期限（${due}）已过，请尽快答复。`
      : `政府信息公开申请 ${code} 的答复期限为 ${due}，请在期限内答复。`;
  const en =
    kind === 'overdue'
      ? `The reply to disclosure application ${code} was due on ${due}.`
      : `The reply to disclosure application ${code} is due on ${due}.`;
  return `${lead}\n${en}\n${link ? `\n${link}\n` : ''}\n（本邮件由公开平台自动发送，不含申请人个人信息。）\n`;
}

/** Runs the job for `today`; `mail` is false when no SMTP server is configured. */
export async function runReminders(
  db: Db,
  options: { today?: string; mail: boolean; baseUrl?: string },
): Promise<ReminderRun> {
  const today = options.today ?? todayInChina();
  const window = await dueWindow(db, today);
  const agencies = await db.selectFrom('agencies').select('id').execute();
  const cases = (
    await store.openCases(
      db,
      agencies.map((a) => a.id),
    )
  ).flatMap((c) => {
    const kind = attentionOf(c, window);
    return kind === 'due_soon' || kind === 'overdue' ? [{ ...c, kind }] : [];
  });
  if (cases.length === 0) return { today, cases: 0, notices: 0, mails: 0 };
  try {
    return await mutate(db, systemContext, async (trx, audit) => {
      let notices = 0;
      let mails = 0;
      const at = nowIso();
      for (const c of cases) {
        const people = await store.recipients(trx, c.agency_id, c.assigned_unit_id);
        for (const p of people) {
          const added = await store.addNotification(trx, {
            user_id: p.id,
            dedupe_key: `${c.kind}:${c.id}:${today}:${p.id}`,
            kind: c.kind,
            application_id: c.id,
            detail: { trackingCode: c.tracking_code, dueDate: c.due_date },
            created_on: today,
            created_at: at,
          });
          if (added) notices++;
        }
        const to = people.map((p) => p.email).filter((e): e is string => Boolean(e));
        if (options.mail && to.length) {
          const link = options.baseUrl ? `${options.baseUrl.replace(/\/$/, '')}/admin/applications/${c.id}` : null;
          const code = formatTrackingCode(c.tracking_code);
          const added = await enqueueMail(trx, {
            to,
            subject: `${SUBJECT[c.kind]} ${code}`,
            text: mailText(c.kind, code, c.due_date ?? '', link),
            dedupeKey: `reminder:${c.kind}:${c.id}:${today}`,
          });
          if (added) mails++;
        }
      }
      // A repeated run adds nothing: roll back rather than write an empty audit event every hour.
      if (notices === 0 && mails === 0) throw new NothingNew();
      await audit({
        action: 'reminders.run',
        subjectType: 'reminders',
        subjectId: today,
        after: { cases: cases.length, notices, mails },
      });
      return { today, cases: cases.length, notices, mails };
    });
  } catch (error) {
    if (error instanceof NothingNew) return { today, cases: cases.length, notices: 0, mails: 0 };
    throw error;
  }
}

class NothingNew extends Error {}
