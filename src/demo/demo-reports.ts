// The demo's published annual reports: the city bureau's 2013 and 2025 reports, each started,
// written and taken up the review chain through the report-document service by the account
// whose step it is (the disclosure office drafts and submits, its head approves for the unit,
// the confidentiality reviewer, the leader in charge and the director sign off, the office
// publishes), so the portal's 年报 column, the archive and the audit trail hold real work. The
// figures are the platform's own, computed when the report is started and frozen in it.
import type { Db } from '../db/database.ts';
import type { AuditContext } from '../platform/audit/audit.ts';
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

export async function loadReportsDemo(db: Db): Promise<void> {
  const people = await signers(db, ['officer', 'officehead', 'reviewer', 'leader', 'chief']);
  const as = (who: Who): Signer => {
    const p = people.get(who);
    if (!p) throw new Error(`demo user ${who} is missing`);
    return p;
  };
  await publishReport(db, as, 'yueyang-hrss', 2013, (r, _drafted, contact) =>
    narrative2013(r as AnnualReport2008, contact),
  );
  await publishReport(db, as, 'yueyang-hrss', 2025, (r, drafted, contact) =>
    narrative2021(r as AnnualReport2021, drafted, contact, false),
  );
}
