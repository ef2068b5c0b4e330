// The demo's disclosure applications and review cases as data (demo-applications.ts writes them
// through the services): the city bureau's 2024 and 2025 with one case per outcome of table 三,
// the two counties, open cases around today for the dashboards, and table 四's reviews.
import { APPLICANT_KINDS, OUTCOME_CODES, type ApplicantKind, type OutcomeCode } from '../modules/applications/index.ts';

export type Step =
  | { kind: 'correction_requested'; at: number; correctBy: number }
  | { kind: 'correction_received'; at: number }
  | { kind: 'consultation_started'; at: number }
  | { kind: 'consultation_ended'; at: number }
  | { kind: 'extension_approved'; at: number; days: number }
  | { kind: 'fee_notice_sent'; at: number; pages: number }
  | { kind: 'fee_paid'; at: number; amount: number }
  | { kind: 'assigned'; at: number; unit: string };

export interface DemoCase {
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

export function addDays(date: string, days: number): string {
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

const topic = (i: number) => TOPICS[i % TOPICS.length]!;

/** Every demo case: the two years of the city bureau, the counties, and the open ones around `today`. */
export function demoCases(today: string): DemoCase[] {
  return [...casesOf2024(), ...casesOf2025(), ...countyCases(), ...openCases(today)];
}

/** 2024, a year of ordinary work, and the two cases carried into 2025. */
function casesOf2024(): DemoCase[] {
  const cases: DemoCase[] = [];
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
  return cases;
}

/** 2025: one case per outcome of table 三, the applicant kinds in turn, and the cases carried out. */
function casesOf2025(): DemoCase[] {
  const cases: DemoCase[] = [];
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
  return cases;
}

/** The two county bureaus. */
function countyCases(): DemoCase[] {
  const cases: DemoCase[] = [];
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
  return cases;
}

/** Open cases around today, so each dashboard has something due soon, overdue, waiting, paused or to approve. */
function openCases(today: string): DemoCase[] {
  const cases: DemoCase[] = [];
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

export type DemoReviewCase = {
  readonly key: string;
  readonly form: Record<string, string>;
  readonly result?: { result: string; decided_on: string };
};

/** Table 四: reconsiderations and lawsuits in 2024 and 2025, decided and pending; `code` gives a
 *  demo case's tracking code by its key. */
export function demoReviewCases(code: (key: string) => string): DemoReviewCase[] {
  return [
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
}
