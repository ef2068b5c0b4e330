// The demo's published annual reports: the city bureau's 2013 and 2025 reports and the two county
// bureaus' 2025 reports, each started, written and taken up the review chain through the
// report-document service by the account whose step it is (the disclosure office drafts and
// submits, its head approves for the unit, the confidentiality reviewer, the leader in charge and
// the director sign off, the office publishes), so the portal's 年报 columns, the archive and the
// audit trail hold real work. The figures are the platform's own, computed when the report is
// started and frozen in it. The county bureaus' signers (the demo's other county accounts are
// their disclosure officers only) are opened here, with the demo's password.
import type { Db } from '../db/database.ts';
import { systemContext, type AuditContext } from '../platform/audit/audit.ts';
import { organisationService } from '../modules/organisation/index.ts';
import { saveFigures } from '../modules/power-catalog/index.ts';
import {
  currentVersionOf,
  loadDocument,
  reportDocumentService as reports,
  sectionsOfVersion,
  snapshotOf,
  type AnnualReport2008,
  type AnnualReport2021,
} from '../modules/reports/index.ts';
import type { ItemEvent } from '../modules/publishing/index.ts';
import { narrative2013, narrative2021, type ReportContact } from './demo-report-texts.ts';
import { countyReportSigners, type DemoUser } from './demo-organisation.ts';

type Who = 'officer' | 'officehead' | 'reviewer' | 'leader' | 'chief';

const BASIS =
  '经审查，报告不涉及国家秘密、工作秘密、商业秘密和个人隐私，可以公开（《政府信息公开条例》第十四条、第十五条）';

/** The review chain of an annual report, step by step, with who takes each step. */
const CHAIN: readonly { event: ItemEvent; by: Who; basis?: string }[] = [
  { event: 'submit', by: 'officer' },
  { event: 'unit_approve', by: 'officehead' },
  { event: 'confidentiality_approve', by: 'reviewer', basis: BASIS },
  { event: 'leader_check', by: 'leader' },
  { event: 'principal_approve', by: 'chief' },
  { event: 'publish', by: 'officer' },
];

interface Signer {
  readonly ctx: AuditContext;
  readonly id: number;
}

async function signers(db: Db, usernames: readonly string[]): Promise<Map<string, Signer>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(
    rows.map((u) => [u.username, { ctx: { actorUserId: u.id, actorName: u.display_name, ip: null }, id: u.id }]),
  );
}

async function contactOf(db: Db, code: string): Promise<ReportContact> {
  const a = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.disclosure_office_unit_id')
    .select(['a.name', 'a.address', 'a.postcode', 'a.phone', 'u.name as office'])
    .where('a.code', '=', code)
    .executeTakeFirstOrThrow();
  return { agencyName: a.name, office: a.office, address: a.address, postcode: a.postcode, phone: a.phone };
}

/** Starts the report, writes its sections (a new version each, as the editor saves them), and
 *  walks it up the chain to publication. */
async function publishReport(
  db: Db,
  people: (who: Who) => Signer,
  agencyCode: string,
  year: number,
  write: (figures: unknown, drafted: Record<string, string>, contact: ReportContact) => Record<string, string>,
): Promise<void> {
  const officer = people('officer');
  const id = await reports.start(db, officer.ctx, { agencyCode, year }, { createdBy: officer.id });
  const first = await currentVersionOf(db, await loadDocument(db, id));
  const drafted = sectionsOfVersion(first);
  const sections = write(snapshotOf(first).report, drafted, await contactOf(db, agencyCode));
  let versionNo = first.version_no;
  for (const [key, text] of Object.entries(sections)) {
    if (text.trim() === (drafted[key] ?? '').trim()) continue;
    await reports.editSection(db, officer.ctx, id, { key, text, baseVersionNo: versionNo }, { createdBy: officer.id });
    versionNo += 1;
  }
  for (const step of CHAIN) {
    const who = people(step.by);
    const { status } = await loadDocument(db, id);
    await reports.transition(
      db,
      who.ctx,
      id,
      step.event,
      { basis: step.basis ?? null },
      { actedBy: who.id, whileStatus: status },
    );
  }
}

/** The demo's one password, and its hash made once for every demo account (loadDemoOrganisation). */
export interface DemoPassword {
  readonly password: string;
  readonly passwordHash: Promise<string>;
  readonly mustChange: boolean;
}

async function openCountySigners(db: Db, pw: DemoPassword): Promise<void> {
  for (const u of countyReportSigners) await openAccount(db, u, pw);
}

async function openAccount(db: Db, u: DemoUser, pw: DemoPassword) {
  const agency = await db.selectFrom('agencies').select('id').where('code', '=', u.agency).executeTakeFirstOrThrow();
  const unit = u.unit
    ? await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', agency.id)
        .where('name', '=', u.unit)
        .executeTakeFirstOrThrow()
    : undefined;
  const unitId = unit?.id ?? null;
  const created = await organisationService.createUser(
    db,
    systemContext,
    {
      username: u.username,
      display_name: u.display_name,
      job_title: u.job_title,
      agency_id: agency.id,
      unit_id: unitId,
    },
    pw.password,
    { mustChangePassword: pw.mustChange, passwordHash: pw.passwordHash },
  );
  const unitScoped = u.role === 'drafter' || u.role === 'unit_head';
  await organisationService.assignRole(db, systemContext, created.id, u.role, agency.id, unitScoped ? unitId : null);
}

/** The usernames of an agency's signers: the city bureau's, or a county's with its prefix. */
const SIGNERS: Record<string, Record<Who, string>> = {
  'yueyang-hrss': {
    officer: 'officer',
    officehead: 'officehead',
    reviewer: 'reviewer',
    leader: 'leader',
    chief: 'chief',
  },
  'yueyang-county-hrss': {
    officer: 'yyx-officer',
    officehead: 'yyx-officehead',
    reviewer: 'yyx-reviewer',
    leader: 'yyx-leader',
    chief: 'yyx-chief',
  },
  'huarong-hrss': {
    officer: 'hr-officer',
    officehead: 'hr-officehead',
    reviewer: 'hr-reviewer',
    leader: 'hr-leader',
    chief: 'hr-chief',
  },
};

/** The year's licensing, penalty and coercion decisions and fees (in fen) a county office enters
 *  before it starts its report (table 二's 第二十条第（五）（六）（八）项; the city's are in FIGURES). */
type YearFigures = { licence: number; penalty: number; coercion: number; fee: number };

/** The demo's reports: the city bureau's 2013 and 2025, each county bureau's 2025. */
export const DEMO_REPORTS: readonly { agencyCode: string; year: number; figures?: YearFigures }[] = [
  { agencyCode: 'yueyang-hrss', year: 2013 },
  { agencyCode: 'yueyang-hrss', year: 2025 },
  { agencyCode: 'yueyang-county-hrss', year: 2025, figures: { licence: 38, penalty: 9, coercion: 0, fee: 0 } },
  { agencyCode: 'huarong-hrss', year: 2025, figures: { licence: 27, penalty: 5, coercion: 0, fee: 0 } },
];

export async function loadReportsDemo(db: Db, pw: DemoPassword): Promise<void> {
  await openCountySigners(db, pw);
  const people = await signers(
    db,
    Object.values(SIGNERS).flatMap((s) => Object.values(s)),
  );
  for (const { agencyCode, year, figures } of DEMO_REPORTS) {
    const as = (who: Who): Signer => {
      const p = people.get(SIGNERS[agencyCode]![who]);
      if (!p) throw new Error(`demo user ${who} of ${agencyCode} is missing`);
      return p;
    };
    if (figures) {
      const agency = await db
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', agencyCode)
        .executeTakeFirstOrThrow();
      await saveFigures(db, as('officer').ctx, as('officer').id, agency.id, year, figures, 'entered', null);
    }
    const county = agencyCode !== 'yueyang-hrss';
    await publishReport(db, as, agencyCode, year, (r, drafted, contact) =>
      year === 2013
        ? narrative2013(r as AnnualReport2008, contact)
        : narrative2021(r as AnnualReport2021, drafted, contact, county),
    );
  }
}
