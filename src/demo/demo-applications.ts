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
import { addDays, demoCases, demoReviewCases, type Step } from './demo-application-cases.ts';
import { createReconsiderationService } from '../modules/reconsideration/index.ts';
import { applicantForm } from './demo-applicants.ts';

/** The vault the server will use, so the demo's personal data opens in the console. */
export function demoVault(config: Config): PersonalDataVault {
  return createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
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
  const cases = demoReviewCases(code);
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
