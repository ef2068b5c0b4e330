// Demo disclosure applications for 2024 and 2025 (and a few open ones around today for the
// dashboards), with one case per outcome category of table 三 in 2025, every kind of applicant,
// corrections, consultations, an extension, fees paid and unpaid, cases carried over into and
// out of 2025, and reconsideration and litigation cases for table 四. None in 2013: the
// fixture's bureau received no application that year.
//
// Everything goes through the services the console uses (counter registration with its Art. 31
// receipt date, the officer's events, the reply, the review cases), so each case has its real
// event history, recomputed due date and audit events. The dates lie in the past: counter
// registration takes the receipt date and the event forms take the date of each step, and both
// only refuse dates after today — so no clock needs to be moved.
import type { DatabaseHandle } from '../db/connect.ts';
import type { Config } from '../config.ts';
import { systemContext, type AuditContext } from '../platform/audit/audit.ts';
import { todayInChina } from '../platform/clock.ts';
import { createVault, resolveDataKeys, type PersonalDataVault } from '../platform/crypto/personal-data.ts';
import { createAnswerService, createApplicationsService } from '../modules/applications/index.ts';
import { demoReleasedDocx } from './demo-released.ts';
import { APPLICANT_KINDS, OUTCOME_CODES, type ApplicantKind, type OutcomeCode } from '../modules/applications/index.ts';
import { createReconsiderationService } from '../modules/reconsideration/index.ts';
import { applicantForm } from './demo-applicants.ts';

/** The vault the server will use, so the demo's personal data opens in the console. */
export function demoVault(config: Config): PersonalDataVault {
  return createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
}

type Step =
  | { kind: 'correction_requested'; at: number; correctBy: number }
  | { kind: 'correction_received'; at: number }
  | { kind: 'consultation_started'; at: number }
  | { kind: 'consultation_ended'; at: number }
  | { kind: 'extension_approved'; at: number; days: number }
  | { kind: 'fee_notice_sent'; at: number; pages: number }
  | { kind: 'fee_paid'; at: number; amount: number }
  | { kind: 'assigned'; at: number; unit: string };

interface DemoCase {
  readonly key: string;
  readonly agency: string;
  readonly kind: ApplicantKind;
  readonly receivedOn: string;
  readonly description: string;
  readonly steps?: readonly Step[];
  /** Calendar days after receipt; none: still open. */
  readonly reply?: { outcome: OutcomeCode; after: number };
  /** A reply drafted by the handler (calendar days after receipt), waiting for its approval. */
  readonly draft?: { outcome: OutcomeCode; after: number };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const TOPICS = [
  '2024年度就业补助资金分配和使用情况',
  '本市企业职工基本养老保险基金收支情况',
  '2025年公开招聘事业单位工作人员的面试成绩',
  '某建筑工地拖欠农民工工资案件的处理结果',
  '劳务派遣经营许可证的发放名单',
  '职称评审委员会的组成人员名单',
  '失业保险稳岗返还资金的发放名单',
  '本局2024年政府信息公开工作年度报告的原始数据',
  '工伤认定决定书',
  '人力资源服务许可审批材料',
];

/** The 21 outcome categories of table 三 (2021 format), in row order. */
const OUTCOMES_2025: readonly OutcomeCode[] = OUTCOME_CODES;

/** The steps a case with this outcome needs (the ending rules of applications.events.ts). */
function stepsFor(outcome: OutcomeCode): { steps: Step[]; after: number } {
  switch (outcome) {
    case 'other_no_correction':
      return { steps: [{ kind: 'correction_requested', at: 3, correctBy: 18 }], after: 25 };
    case 'unable_unclear_after_correction':
      return {
        steps: [
          { kind: 'correction_requested', at: 3, correctBy: 18 },
          { kind: 'correction_received', at: 8 },
        ],
        after: 20,
      };
    case 'other_fee_unpaid':
      return { steps: [{ kind: 'fee_notice_sent', at: 10, pages: 120 }], after: 50 };
    case 'withheld_third_party_rights':
      // Art. 32: the third party is consulted; the time it takes is not counted.
      return {
        steps: [
          { kind: 'consultation_started', at: 5 },
          { kind: 'consultation_ended', at: 20 },
        ],
        after: 30,
      };
    case 'partially_disclosed':
      return {
        steps: [
          { kind: 'assigned', at: 1, unit: '就业促进科' },
          { kind: 'extension_approved', at: 20, days: 15 },
        ],
        after: 40,
      };
    default:
      return { steps: [], after: 14 };
  }
}

function demoCases(today: string): DemoCase[] {
  const cases: DemoCase[] = [];
  const topic = (i: number) => TOPICS[i % TOPICS.length]!;
  // 2024: a year of ordinary work for the city bureau.
  const outcomes2024: OutcomeCode[] = [
    'disclosed',
    'disclosed',
    'partially_disclosed',
    'unable_not_held',
    'withheld_process_information',
    'not_processed_publication',
    'other',
  ];
  outcomes2024.forEach((outcome, i) => {
    cases.push({
      key: `2024-${i}`,
      agency: 'yueyang-hrss',
      kind: APPLICANT_KINDS[i % 6]!,
      receivedOn: addDays('2024-03-04', i * 30),
      description: topic(i),
      reply: { outcome, after: 14 },
    });
  });
  // Received in December 2024, answered in January 2025: table 三 row 二 (上年结转) for 2025.
  cases.push({
    key: '2024-carry-a',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: '2024-12-16',
    description: topic(3),
    reply: { outcome: 'disclosed', after: 24 },
  });
  cases.push({
    key: '2024-carry-b',
    agency: 'yueyang-hrss',
    kind: 'legal_service_org',
    receivedOn: '2024-12-23',
    description: topic(8),
    reply: { outcome: 'unable_not_held', after: 20 },
  });
  // 2025: one case per outcome category, the applicant kinds in turn.
  OUTCOMES_2025.forEach((outcome, i) => {
    const { steps, after } = stepsFor(outcome);
    cases.push({
      key: `2025-${outcome}`,
      agency: 'yueyang-hrss',
      kind: APPLICANT_KINDS[i % 6]!,
      receivedOn: addDays('2025-02-17', i * 12),
      description: topic(i),
      steps,
      reply: { outcome, after },
    });
  });
  // More of the ordinary: a corrected application, a fee charged and paid.
  cases.push({
    key: '2025-corrected',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: '2025-04-07',
    description: topic(6),
    steps: [
      { kind: 'correction_requested', at: 2, correctBy: 17 },
      { kind: 'correction_received', at: 6 },
    ],
    reply: { outcome: 'disclosed', after: 20 },
  });
  cases.push({
    key: '2025-charged',
    agency: 'yueyang-hrss',
    kind: 'business',
    receivedOn: '2025-06-09',
    description: topic(4),
    steps: [
      { kind: 'fee_notice_sent', at: 8, pages: 80 },
      { kind: 'fee_paid', at: 15, amount: 0 },
    ],
    reply: { outcome: 'disclosed', after: 25 },
  });
  // Received in December 2025 and still open: row 四 (结转下年度) for 2025.
  cases.push({
    key: '2025-carry-a',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: '2025-12-15',
    description: topic(1),
    steps: [{ kind: 'assigned', at: 1, unit: '社会保险科' }],
  });
  cases.push({
    key: '2025-carry-b',
    agency: 'yueyang-hrss',
    kind: 'research_institution',
    receivedOn: '2025-12-22',
    description: topic(7),
  });
  // The two county bureaus.
  cases.push({
    key: 'yyx-1',
    agency: 'yueyang-county-hrss',
    kind: 'natural_person',
    receivedOn: '2025-05-12',
    description: topic(6),
    reply: { outcome: 'disclosed', after: 10 },
  });
  cases.push({
    key: 'yyx-2',
    agency: 'yueyang-county-hrss',
    kind: 'business',
    receivedOn: '2025-08-18',
    description: topic(4),
    reply: { outcome: 'unable_not_held', after: 12 },
  });
  cases.push({
    key: 'hr-1',
    agency: 'huarong-hrss',
    kind: 'other_org',
    receivedOn: '2025-09-08',
    description: topic(2),
    reply: { outcome: 'partially_disclosed', after: 15 },
  });
  // Open cases around today, so the dashboards have something due soon, overdue, waiting and paused.
  cases.push({
    key: 'now-due-soon',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: addDays(today, -22),
    description: topic(0),
    steps: [{ kind: 'assigned', at: 1, unit: '就业促进科' }],
  });
  cases.push({
    key: 'now-overdue',
    agency: 'yueyang-hrss',
    kind: 'business',
    receivedOn: addDays(today, -45),
    description: topic(5),
    steps: [{ kind: 'assigned', at: 1, unit: '就业促进科' }],
  });
  cases.push({
    key: 'now-waiting',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: addDays(today, -6),
    description: topic(9),
    steps: [{ kind: 'correction_requested', at: 2, correctBy: 17 }],
  });
  cases.push({
    key: 'now-paused',
    agency: 'yueyang-hrss',
    kind: 'public_interest_org',
    receivedOn: addDays(today, -10),
    description: topic(3),
    steps: [{ kind: 'consultation_started', at: 3 }],
  });
  // A reply the unit drafted, waiting for the office head's approval (the approvers' first screen).
  cases.push({
    key: 'now-awaiting-approval',
    agency: 'yueyang-hrss',
    kind: 'natural_person',
    receivedOn: addDays(today, -12),
    description: topic(6),
    steps: [{ kind: 'assigned', at: 1, unit: '就业促进科' }],
    draft: { outcome: 'disclosed', after: 11 },
  });
  // A county case due within days, for the county office's first screen.
  cases.push({
    key: 'yyx-due-soon',
    agency: 'yueyang-county-hrss',
    kind: 'natural_person',
    receivedOn: addDays(today, -24),
    description: topic(1),
  });
  return cases;
}

function stepForm(
  step: Step,
  receivedOn: string,
  unitIds: ReadonlyMap<string, number>,
  agency: string,
): Record<string, string> {
  const date = addDays(receivedOn, step.at);
  switch (step.kind) {
    case 'correction_requested':
      return {
        kind: step.kind,
        date,
        correct_by: addDays(receivedOn, step.correctBy),
        note: '请补充所需信息的具体名称、文号或形成时间。',
      };
    case 'correction_received':
      return { kind: step.kind, date };
    case 'consultation_started':
      return {
        kind: step.kind,
        date,
        party: 'third_party',
        ref: `征求意见-${date}`,
        note: '涉及第三方商业秘密，书面征求第三方意见。',
      };
    case 'consultation_ended':
      return { kind: step.kind, date, ref: `征求意见-${addDays(receivedOn, 5)}`, note: '第三方书面答复不同意公开。' };
    case 'extension_approved':
      return {
        kind: step.kind,
        date,
        days: String(step.days),
        reason: '需调取多个科室的档案材料，正常期限内难以答复。',
        approver: '郑芳',
      };
    case 'fee_notice_sent':
      return { kind: step.kind, date, fee_method: 'by_pages', pages: String(step.pages) };
    case 'fee_paid':
      return { kind: step.kind, date };
    case 'assigned':
      return {
        kind: step.kind,
        date,
        unit_id: String(unitIds.get(`${agency}/${step.unit}`)),
        note: '请承办科室核实并提供材料。',
      };
  }
}

function channelForm(n: number, receivedOn: string): Record<string, string> {
  switch (n % 3) {
    case 0:
      return { channel: 'in_person', submitted_on: receivedOn };
    case 1:
      return { channel: 'post_signed', signed_on: receivedOn };
    default:
      return { channel: 'email', confirmed_on: receivedOn };
  }
}

/** The employment unit's drafter, who drafts the demo's pending reply (the approver sees who). */
async function handlerOf(db: DatabaseHandle['db']): Promise<AuditContext> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'drafter')
    .executeTakeFirstOrThrow();
  return { actorUserId: u.id, actorName: u.display_name, ip: null };
}

export interface DemoApplications {
  readonly ids: ReadonlyMap<string, { id: number; trackingCode: string }>;
}

/** Loads the demo applications and review cases (agencies and units by code, as demo.ts made them). */
export async function loadDemoApplications(
  database: DatabaseHandle,
  vault: PersonalDataVault,
  agencyIds: ReadonlyMap<string, number>,
  unitIds: ReadonlyMap<string, number>,
  today: string = todayInChina(),
): Promise<DemoApplications> {
  const { db } = database;
  const ctx = systemContext;
  const service = createApplicationsService(vault);
  const ids = new Map<string, { id: number; trackingCode: string }>();
  let n = 0;
  for (const c of demoCases(today)) {
    n++;
    const agencyId = agencyIds.get(c.agency)!;
    const created = await service.registerAtCounter(db, ctx, agencyId, {
      ...applicantForm(c.kind, n, c.description),
      ...channelForm(n, c.receivedOn),
    });
    ids.set(c.key, { id: created.id, trackingCode: created.trackingCode });
    for (const step of c.steps ?? []) {
      if (addDays(c.receivedOn, step.at) > today) break;
      await service.recordEvent(db, ctx, created.id, stepForm(step, c.receivedOn, unitIds, c.agency));
    }
    if (c.draft && addDays(c.receivedOn, c.draft.after) <= today)
      await service.draftReply(db, await handlerOf(db), created.id, {
        outcome: c.draft.outcome,
        reply_date: addDays(c.receivedOn, c.draft.after),
        summary: '经审查，所申请信息属于可以公开的政府信息，予以公开。',
      });
    if (c.reply && addDays(c.receivedOn, c.reply.after) <= today) {
      await service.reply(db, ctx, created.id, {
        outcome: c.reply.outcome,
        reply_date: addDays(c.receivedOn, c.reply.after),
        summary: '已按《中华人民共和国政府信息公开条例》的规定答复申请人。',
        ...(c.reply.outcome === 'partially_disclosed'
          ? { redactions: '名单中申请人以外个人的身份证号码和银行账号，属于个人隐私（条例第十五条），已遮盖。' }
          : {}),
      });
    }
  }
  // The first case of 2025 (予以公开, a natural person) has the information released with its
  // reply, for the citizen's answered tracking page (README: the demo's answered case).
  const answered = ids.get('2025-disclosed');
  if (answered) await createAnswerService(vault).attachReleased(db, ctx, answered.id, [await demoReleasedDocx()]);
  await loadDemoReviews(database, vault, agencyIds.get('yueyang-hrss')!, ids, today);
  return { ids };
}

/** Table 四: reconsiderations and lawsuits in 2024 and 2025, decided and pending. */
async function loadDemoReviews(
  database: DatabaseHandle,
  vault: PersonalDataVault,
  agencyId: number,
  ids: ReadonlyMap<string, { id: number; trackingCode: string }>,
  today: string,
): Promise<void> {
  const { db } = database;
  const ctx = systemContext;
  const reconsiderationService = createReconsiderationService(vault);
  const code = (key: string) => ids.get(key)?.trackingCode ?? '';
  const cases: { key: string; form: Record<string, string>; result?: { result: string; decided_on: string } }[] = [
    {
      key: 'r2024',
      form: {
        kind: 'reconsideration',
        body: '岳阳市人民政府',
        case_number: '岳府复〔2024〕31号',
        filed_on: '2024-05-06',
        application_code: code('2024-4'),
      },
      result: { result: 'upheld', decided_on: '2024-07-01' },
    },
    {
      key: 'r1',
      form: {
        kind: 'reconsideration',
        body: '岳阳市人民政府',
        case_number: '岳府复〔2025〕12号',
        filed_on: '2025-05-20',
        application_code: code('2025-withheld_third_party_rights'),
      },
      result: { result: 'upheld', decided_on: '2025-07-15' },
    },
    {
      key: 'r2',
      form: {
        kind: 'reconsideration',
        body: '湖南省人力资源和社会保障厅',
        case_number: '湘人社复〔2025〕8号',
        filed_on: '2025-08-04',
        application_code: code('2025-unable_not_held'),
      },
      result: { result: 'corrected', decided_on: '2025-10-09' },
    },
    {
      key: 'r3',
      form: {
        kind: 'reconsideration',
        body: '岳阳市人民政府',
        case_number: '岳府复〔2025〕57号',
        filed_on: '2025-11-24',
      },
    },
    {
      key: 'l1',
      form: {
        kind: 'litigation_direct',
        body: '岳阳市岳阳楼区人民法院',
        case_number: '(2025)湘0602行初45号',
        filed_on: '2025-06-16',
        application_code: code('2025-not_processed_duplicate'),
      },
      result: { result: 'other', decided_on: '2025-09-22' },
    },
    {
      key: 'l2',
      form: {
        kind: 'litigation_direct',
        body: '岳阳市岳阳楼区人民法院',
        case_number: '(2025)湘0602行初118号',
        filed_on: '2025-12-08',
      },
    },
  ];
  const made = new Map<string, number>();
  for (const c of cases) {
    const id = await reconsiderationService.create(db, ctx, agencyId, c.form, today);
    made.set(c.key, id);
    if (c.result) await reconsiderationService.recordResult(db, ctx, id, c.result, today);
  }
  // The applicant went to court after the reconsideration upheld the decision (复议后起诉).
  const after = await reconsiderationService.create(
    db,
    ctx,
    agencyId,
    {
      kind: 'litigation_after_reconsideration',
      body: '岳阳市中级人民法院',
      case_number: '(2025)湘06行初9号',
      filed_on: '2025-08-01',
      application_code: code('2025-withheld_third_party_rights'),
      prior_case_id: String(made.get('r1')),
    },
    today,
  );
  await reconsiderationService.recordResult(db, ctx, after, { result: 'upheld', decided_on: '2025-12-19' }, today);
}
