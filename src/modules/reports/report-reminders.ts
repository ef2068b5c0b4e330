// Reminders of the annual report: from 1 December of the report year until the report is published,
// each agency's disclosure officers get one in-app notice — and, with mail configured, one mail — per
// reminder stage (task open, 30/14/7/3/1 days before, the deadline, overdue). Keyed per stage, so a
// job that did not run on a given day still sends the stage it is in, and running it again adds
// nothing. Runs with the applications' daily reminder job (dashboard/reminders.ts).
import type { Db } from '../../db/database.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { mutate } from '../../platform/mutation.ts';
import { notificationsStore } from '../notifications/index.ts';
import { agencyDirectory } from '../organisation/index.ts';
import { candidateReportYears, isOutstanding, reminderStage } from './report-deadline.ts';
import { reportStatuses } from './report-status.ts';

export interface ReportReminderRun {
  readonly today: string;
  /** Agency-years whose report is outstanding and in a reminder stage. */
  readonly reports: number;
  readonly notices: number;
  readonly mails: number;
}

function mailText(name: string, year: number, deadline: string, overdue: boolean, link: string | null): string {
  const zh = overdue
    ? `${name}${year}年政府信息公开工作年度报告的公布期限（${deadline}）已过，报告尚未公布，请尽快公布。`
    : `${name}${year}年政府信息公开工作年度报告须于${deadline}前公布（《政府信息公开条例》第四十九条）。`;
  const en = overdue
    ? `The ${year} annual report of ${name} was due on ${deadline} and is not published.`
    : `The ${year} annual report of ${name} is due on ${deadline}.`;
  return `${zh}\n${en}\n${link ? `\n${link}\n` : ''}`;
}

class NothingNew extends Error {}

export async function runReportReminders(
  db: Db,
  options: { today?: string; mail: boolean; baseUrl?: string },
): Promise<ReportReminderRun> {
  const today = options.today ?? todayInChina();
  const agencyIds = (await db.selectFrom(agencyDirectory(db).as('a')).select('a.id').execute()).map((a) => a.id);
  const due: {
    agencyId: number;
    name: string;
    code: string;
    year: number;
    deadline: string;
    stage: string;
    overdue: boolean;
  }[] = [];
  for (const year of candidateReportYears(today)) {
    for (const s of await reportStatuses(db, agencyIds, year, today)) {
      const stage = reminderStage(s.window);
      if (stage && isOutstanding(s.status))
        due.push({
          agencyId: s.agencyId,
          name: s.name,
          code: s.code,
          year,
          deadline: s.deadline,
          stage,
          overdue: s.window.state === 'overdue',
        });
    }
  }
  if (due.length === 0) return { today, reports: 0, notices: 0, mails: 0 };
  try {
    return await mutate(db, systemContext, async (trx, audit) => {
      let notices = 0;
      let mails = 0;
      const at = nowIso();
      for (const d of due) {
        const people = await notificationsStore.recipients(trx, d.agencyId, null);
        const kind = d.overdue ? 'report_overdue' : 'report_due';
        for (const p of people) {
          const added = await notificationsStore.addNotification(trx, {
            user_id: p.id,
            dedupe_key: `report:${d.stage}:${d.agencyId}:${d.year}:${p.id}`,
            kind,
            application_id: null,
            detail: { dueDate: d.deadline, year: d.year, agency: d.code },
            created_on: today,
            created_at: at,
          });
          if (added) notices++;
        }
        const to = people.map((p) => p.email).filter((e): e is string => Boolean(e));
        if (options.mail && to.length) {
          const link = options.baseUrl
            ? `${options.baseUrl.replace(/\/$/, '')}/admin/reports/${d.code}/${d.year}`
            : null;
          const subject = `${d.overdue ? '【已超期】' : '【年度报告】'}${d.name}${d.year}年政府信息公开工作年度报告`;
          if (
            await enqueueMail(trx, {
              to,
              subject,
              text: mailText(d.name, d.year, d.deadline, d.overdue, link),
              dedupeKey: `report-reminder:${d.stage}:${d.agencyId}:${d.year}`,
            })
          )
            mails++;
        }
      }
      if (notices === 0 && mails === 0) throw new NothingNew();
      await audit({
        action: 'reports.reminders.run',
        subjectType: 'reminders',
        subjectId: today,
        after: { reports: due.length, notices, mails },
      });
      return { today, reports: due.length, notices, mails };
    });
  } catch (error) {
    if (error instanceof NothingNew) return { today, reports: due.length, notices: 0, mails: 0 };
    throw error;
  }
}
