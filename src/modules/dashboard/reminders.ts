// The daily reminder job: for every case that is overdue or due within 5 working days, each
// person who handles it gets an in-app notice, and — when mail is configured — one mail per
// (case, kind of reminder, day) goes to the outbox. A case whose consultation window ended with
// no answer recorded (Arts. 32, 34: the clock runs again by itself) is told once, keyed by the
// window's end. All are keyed so that running the job again (several processes, a restart, cron
// and the server both) adds nothing.
import type { Db } from '../../db/database.ts';
import { mutate } from '../../platform/mutation.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { dueWindow } from '../applications/index.ts';
import { formatTrackingCode } from '../applications/index.ts';
import { attentionOf, consultationLapsed } from './dashboard.ts';
import { dashboardStore as store, type OpenCase } from './dashboard.store.ts';
import { notificationsStore } from '../notifications/index.ts';
import { organisationStore } from '../organisation/index.ts';

export interface ReminderRun {
  readonly today: string;
  readonly cases: number;
  readonly notices: number;
  readonly mails: number;
}

type ReminderKind = 'due_soon' | 'overdue' | 'consultation_lapsed';

const SUBJECT: Record<ReminderKind, string> = {
  due_soon: '【即将到期】政府信息公开申请',
  overdue: '【已超期】政府信息公开申请',
  consultation_lapsed: '【恢复计时】政府信息公开申请',
};

function mailText(kind: ReminderKind, code: string, c: OpenCase, link: string | null): string {
  const due = c.due_date ?? '';
  const end = c.waiting_until ?? '';
  const [lead, en] =
    kind === 'overdue'
      ? [
          `政府信息公开申请 ${code} 的答复期限（${due}）已过，请尽快答复。`,
          `The reply to disclosure application ${code} was due on ${due}.`,
        ]
      : kind === 'due_soon'
        ? [
            `政府信息公开申请 ${code} 的答复期限为 ${due}，请在期限内答复。`,
            `The reply to disclosure application ${code} is due on ${due}.`,
          ]
        : [
            `政府信息公开申请 ${code} 征求意见的期限已于 ${end} 届满，未登记收到意见。征求意见所需时间至此结束，答复期限已恢复计算，届满日为 ${due}。`,
            `The consulted party's 15 working days on disclosure application ${code} ended on ${end} with no reply recorded; the clock runs again and the reply is due on ${due}.`,
          ];
  return `${lead}\n${en}\n${link ? `\n${link}\n` : ''}\n（本邮件由公开平台自动发送，不含申请人个人信息。）\n`;
}

interface Reminder {
  readonly c: OpenCase;
  readonly kind: ReminderKind;
  /** The day in the keys: today for the daily reminders, the window's end for a lapse (once). */
  readonly day: string;
}

/** Runs the job for `today`; `mail` is false when no SMTP server is configured. */
export async function runReminders(
  db: Db,
  options: { today?: string; mail: boolean; baseUrl?: string },
): Promise<ReminderRun> {
  const today = options.today ?? todayInChina();
  const window = await dueWindow(db, today);
  const agencies = await organisationStore.agencies(db);
  const reminders = (
    await store.openCases(
      db,
      agencies.map((a) => a.id),
    )
  ).flatMap((c): Reminder[] => {
    const kind = attentionOf(c, window);
    return [
      ...(kind === 'due_soon' || kind === 'overdue' ? [{ c, kind, day: today }] : []),
      ...(consultationLapsed(c, today) ? [{ c, kind: 'consultation_lapsed' as const, day: c.waiting_until! }] : []),
    ];
  });
  const cases = new Set(reminders.map((r) => r.c.id)).size;
  if (cases === 0) return { today, cases: 0, notices: 0, mails: 0 };
  try {
    return await mutate(db, systemContext, async (trx, audit) => {
      let notices = 0;
      let mails = 0;
      const at = nowIso();
      for (const { c, kind, day } of reminders) {
        const people = await notificationsStore.recipients(trx, c.agency_id, c.assigned_unit_id);
        for (const p of people) {
          const added = await notificationsStore.addNotification(trx, {
            user_id: p.id,
            dedupe_key: `${kind}:${c.id}:${day}:${p.id}`,
            kind,
            application_id: c.id,
            detail: {
              trackingCode: c.tracking_code,
              dueDate: c.due_date,
              ...(kind === 'consultation_lapsed' ? { windowEnd: c.waiting_until } : {}),
            },
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
            subject: `${SUBJECT[kind]} ${code}`,
            text: mailText(kind, code, c, link),
            dedupeKey: `reminder:${kind}:${c.id}:${day}`,
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
        after: { cases, notices, mails },
      });
      return { today, cases, notices, mails };
    });
  } catch (error) {
    if (error instanceof NothingNew) return { today, cases, notices: 0, mails: 0 };
    throw error;
  }
}

class NothingNew extends Error {}
