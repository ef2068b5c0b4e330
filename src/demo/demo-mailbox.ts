// Loads the demo's letters and work orders (demo-mailbox-cases.ts) through the mailbox services:
// each is received, then taken step by step along its path by the account whose step it is (the
// office signs for, assigns, answers and records the callback; the unit drafts and its head
// approves; a county bureau's one officer does it all), some are registered as applications, and
// the 2025 application answered as a complaint is passed to the mailbox. Each step runs with the
// clock at its day (replayingAt), so status rows, replies and audit events carry the day it
// happened, as they would have; the demo is loaded before the server takes requests.
import type { DatabaseHandle } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { systemContext, type AuditContext } from '../platform/audit/audit.ts';
import type { WorkingDayCalendar } from '../platform/calendar/calendar.ts';
import { replayingAt, todayInChina } from '../platform/clock.ts';
import type { PersonalDataVault } from '../platform/crypto/personal-data.ts';
import { applicationsStore, createApplicationsService } from '../modules/applications/index.ts';
import { getCalendar } from '../modules/calendar/index.ts';
import {
  conversionStore,
  createConversionService,
  createMailboxService,
  mailboxStore,
  type MailboxEvent,
} from '../modules/mailbox/index.ts';
import { applicantForm } from './demo-applicants.ts';
import {
  mailboxCases2013,
  mailboxCases2025,
  openMailboxCases,
  REASONS_RETURNED,
  type DemoMailboxCase,
  type DemoPath,
} from './demo-mailbox-cases.ts';

type Who = 'officer' | 'drafter' | 'unithead';

/** Who acts for each role at each agency: the city has the review chain, a county one officer. */
const PEOPLE: Record<string, Record<Who, string>> = {
  'yueyang-hrss': { officer: 'officer', drafter: 'drafter', unithead: 'unithead' },
  'yueyang-county-hrss': { officer: 'yyx-officer', drafter: 'yyx-officer', unithead: 'yyx-officer' },
  'huarong-hrss': { officer: 'hr-officer', drafter: 'hr-officer', unithead: 'hr-officer' },
};
/** The unit a case is assigned to: at the city the drafter's and unit head's own. */
const UNIT: Record<string, string> = {
  'yueyang-hrss': '就业促进科',
  'yueyang-county-hrss': '就业服务中心',
  'huarong-hrss': '社会保险服务中心',
};

interface Context {
  readonly db: Db;
  readonly calendar: WorkingDayCalendar;
  readonly users: ReadonlyMap<string, { id: number; name: string }>;
  readonly unitIds: ReadonlyMap<string, number>;
  readonly mailbox: ReturnType<typeof createMailboxService>;
  readonly conversion: ReturnType<typeof createConversionService>;
  /** The load day: no step is taken after it. */
  readonly today: string;
}

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

function actor(c: Context, agency: string, who: Who): AuditContext & { id: number } {
  const u = c.users.get(PEOPLE[agency]![who])!;
  return { actorUserId: u.id, actorName: u.name, ip: null, id: u.id };
}

async function stepAt(
  c: Context,
  k: DemoMailboxCase,
  id: number,
  when: string,
  who: Who,
  event: MailboxEvent,
  input: Record<string, unknown> = {},
): Promise<void> {
  const by = actor(c, k.agency, who);
  await replayingAt(when, () => c.mailbox.step(c.db, by, id, event, input, { actedBy: by.id }));
}

async function receive(c: Context, k: DemoMailboxCase, agencyId: number, n: number): Promise<number> {
  const receivedAt = at(k.receivedOn, k.hour);
  const office = actor(c, k.agency, 'officer');
  if (k.source === 'letter') {
    const made = await replayingAt(receivedAt, () =>
      c.mailbox.receiveLetter(c.db, systemContext, {
        agencyId,
        category: k.category,
        subject: k.subject,
        request: k.request,
        name: k.writer.name,
        phone: k.writer.phone,
        email: k.writer.email ?? null,
        consentToPublish: k.consent,
        publishName: false,
        receivedAt: new Date(receivedAt).toISOString(),
      }),
    );
    return made.id;
  }
  // The centre numbers its orders by day: 0012 + the date + a serial.
  const externalNo = `0012${k.receivedOn.replaceAll('-', '')}${String(n).padStart(5, '0')}`;
  await replayingAt(receivedAt, () =>
    c.mailbox.receiveWorkOrders(c.db, office, agencyId, [
      {
        externalNo,
        receivedAt: new Date(receivedAt).toISOString(),
        category: k.category,
        subject: k.subject,
        request: k.request,
        callerName: k.writer.name,
        callerPhone: k.writer.phone,
      },
    ]),
  );
  return (await conversionStore.caseOfOrder(c.db, agencyId, externalNo))!.id;
}

/** The working day `n` working days after the day of receipt (0: the day itself). */
function day(c: Context, k: DemoMailboxCase, n: number): string {
  return n === 0 ? k.receivedOn : c.calendar.addWorkingDays(k.receivedOn, n);
}

/** Draft, approve and send the answer on `date`. */
async function answer(c: Context, k: DemoMailboxCase, id: number, date: string, text: string): Promise<void> {
  await stepAt(c, k, id, at(date, 9), 'drafter', 'submit_reply', { replyText: text });
  await stepAt(c, k, id, at(date, 11), 'unithead', 'approve_reply');
  await stepAt(c, k, id, at(date, 15), 'officer', 'reply');
}

const STOPS: Partial<Record<DemoPath, number>> = {
  dispatched: 0,
  signed_for: 1,
  assigned: 2,
  reply_drafted: 3,
  reply_approved: 4,
};

/** Takes the case along its path. */
async function walk(c: Context, k: DemoMailboxCase, id: number): Promise<void> {
  const d0 = k.receivedOn;
  if (k.path === 'dispatched') return;
  if (k.path === 'returned')
    return stepAt(c, k, id, at(d0, k.hour + 1), 'officer', 'return', { reason: REASONS_RETURNED });
  await stepAt(c, k, id, at(d0, k.hour + 1), 'officer', 'sign_for');
  if (k.path === 'signed_for') return;
  if (k.path === 'converted') return convert(c, k, id, day(c, k, 1));
  await stepAt(c, k, id, at(d0, Math.min(k.hour + 2, 17)), 'officer', 'assign', {
    unitId: c.unitIds.get(`${k.agency}/${UNIT[k.agency]}`),
  });
  const stop = STOPS[k.path];
  if (stop === 2) return;
  if (stop !== undefined) {
    await stepAt(c, k, id, at(d0, 17), 'drafter', 'submit_reply', { replyText: k.reply });
    if (stop === 4) await stepAt(c, k, id, at(d0, 18), 'unithead', 'approve_reply');
    return;
  }
  let answerDay = day(c, k, k.answerAfter);
  if (answerDay > c.today) answerDay = c.today;
  if (k.path === 'extended') {
    const due = (await mailboxStore.byId(c.db, id))!.due_date;
    const to = c.calendar.addWorkingDays(due, 5);
    await stepAt(c, k, id, at(day(c, k, 1), 10), 'officer', 'extend', {
      reason: '需会同社会保险经办机构核实缴费记录，申请延期答复。',
      date: to,
    });
    answerDay = c.calendar.addWorkingDays(due, 3);
  }
  await answer(c, k, id, answerDay, k.reply);
  if (k.path === 'redone') {
    const redoDay = c.calendar.addWorkingDays(answerDay, 1);
    await stepAt(c, k, id, at(redoDay, 10), 'officer', 'redo', { reason: '回访中来信人对答复不满意，要求重新办理。' });
    answerDay = c.calendar.addWorkingDays(redoDay, 2);
    await answer(c, k, id, answerDay, `${k.reply}经重新核实，已当面向来信人解释说明。`);
  }
  if (k.path === 'replied') return;
  const rating = k.path === 'redone' ? 'basically_satisfied' : k.rating;
  await stepAt(c, k, id, at(c.calendar.addWorkingDays(answerDay, 1), 10), 'officer', 'record_callback', { rating });
}

/** The office registers the letter as the application it is (Art. 29); name, phone and e-mail come from the letter. */
async function convert(c: Context, k: DemoMailboxCase, id: number, date: string): Promise<void> {
  const { applicant_name: _n, phone: _p, email: _e, ...form } = applicantForm('natural_person', 700 + id, k.request);
  const by = actor(c, k.agency, 'officer');
  await replayingAt(at(date, 10), () => c.conversion.convertToApplication(c.db, by, id, form, { actedBy: by.id }));
}

/** Loads the demo's letters and work orders; `petitionApplicationId`: the 2025 application answered
 *  as a complaint (Art. 39 ¶1), passed to the mailbox the working day after its answer. */
export async function loadDemoMailbox(
  database: DatabaseHandle,
  vault: PersonalDataVault,
  agencyIds: ReadonlyMap<string, number>,
  unitIds: ReadonlyMap<string, number>,
  petitionApplicationId: number | null,
  today: string = todayInChina(),
): Promise<void> {
  const { db } = database;
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).execute();
  const mailbox = createMailboxService(vault);
  const c: Context = {
    db,
    calendar: await getCalendar(db),
    users: new Map(rows.map((u) => [u.username, { id: u.id, name: u.display_name }])),
    unitIds,
    mailbox,
    conversion: createConversionService(vault, createApplicationsService(vault)),
    today,
  };
  let n = 0;
  for (const k of [...mailboxCases2013(), ...mailboxCases2025(), ...openMailboxCases(today)]) {
    const id = await receive(c, k, agencyIds.get(k.agency)!, ++n);
    await walk(c, k, id);
  }
  if (petitionApplicationId !== null) await passPetition(c, petitionApplicationId, today);
}

async function passPetition(c: Context, applicationId: number, today: string): Promise<void> {
  const app = await applicationsStore.byId(c.db, applicationId);
  if (!app?.outcome_on) return;
  const passedOn = c.calendar.addWorkingDays(app.outcome_on, 1);
  if (c.calendar.addWorkingDays(passedOn, 8) > today) return;
  const by = actor(c, 'yueyang-hrss', 'officer');
  const passed = await replayingAt(at(passedOn, 9), () => c.conversion.passFromApplication(c.db, by, applicationId));
  // The office then handles it as the complaint it is.
  await walk(
    c,
    {
      key: 'passed',
      agency: 'yueyang-hrss',
      source: 'letter',
      category: 'complaint',
      subject: '',
      request: '',
      receivedOn: passedOn,
      hour: 9,
      writer: { name: '', phone: '' },
      consent: false,
      path: 'closed',
      answerAfter: 6,
      rating: 'basically_satisfied',
      reply: '您反映的问题已转劳动保障监察支队调查处理，处理结果已电话告知。',
    },
    passed.id,
  );
}
