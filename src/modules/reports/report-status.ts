// Status of the annual reports of a set of agencies for one year, computed by query each time from
// what is recorded (never stored): reports received through the checker (received_reports) and
// any other source a module registers (the platform's own published reports). The statuses and
// the deadline are the pure functions of report-deadline.ts.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../platform/policy.ts';
import { agencyDirectory, agencySubtree, buildAgencyTree, flattenAgencyTree } from '../organisation/index.ts';
import { publicationDeadline, type AgencyKind } from './report-validation.ts';
import {
  reportDueWindow,
  reportStatus,
  type ReportDueWindow,
  type ReportRecord,
  type ReportStatus,
} from './report-deadline.ts';

/** A record of one agency's report with the instant it was made; the latest one counts. */
export interface DatedReportRecord extends ReportRecord {
  readonly at: string;
  /** Where it comes from, for the page: 'received' (uploaded to the checker) or a module's name. */
  readonly source: string;
  readonly receivedId?: number;
}

export type ReportRecordSource = (
  db: Executor,
  agencyIds: readonly number[],
  year: number,
) => Promise<Map<number, DatedReportRecord>>;

/** The latest report received through the checker per agency. */
export const receivedReportSource: ReportRecordSource = async (db, agencyIds, year) => {
  const out = new Map<number, DatedReportRecord>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('received_reports')
    .select(['id', 'agency_id', 'passes', 'published_on', 'created_at'])
    .where('agency_id', 'in', [...agencyIds])
    .where('report_year', '=', year)
    .orderBy('id')
    .execute();
  for (const r of rows)
    out.set(r.agency_id, {
      passes: r.passes === 1,
      publishedOn: r.published_on,
      at: r.created_at,
      source: 'received',
      receivedId: r.id,
    });
  return out;
};

/** The agency's own report compiled on the platform (report_documents, the publication workflow):
 *  published, or a draft at any step before. A report published over failing checks (with a recorded
 *  override) still counts as failing: its figures need correcting. */
export const platformReportSource: ReportRecordSource = async (db, agencyIds, year) => {
  const out = new Map<number, DatedReportRecord>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('report_documents')
    .select(['id', 'agency_id', 'status', 'published_on', 'published_version_id', 'updated_at'])
    .where('agency_id', 'in', [...agencyIds])
    .where('report_year', '=', year)
    .where('scope', '=', 'agency')
    .orderBy('id')
    .execute();
  const published = rows.filter((r) => r.status === 'published' && r.published_version_id !== null);
  const overridden = new Set(
    published.length
      ? (
          await db
            .selectFrom('report_document_overrides')
            .select(['document_id', 'version_id'])
            .where(
              'document_id',
              'in',
              published.map((r) => r.id),
            )
            .execute()
        ).map((o) => `${o.document_id}:${o.version_id}`)
      : [],
  );
  for (const r of rows) {
    const isPublished = r.status === 'published' && r.published_on !== null;
    const seen = out.get(r.agency_id);
    // A published document of the year outranks drafts of other templates.
    if (seen && seen.publishedOn !== null && !isPublished) continue;
    out.set(r.agency_id, {
      passes: !(isPublished && overridden.has(`${r.id}:${r.published_version_id}`)),
      publishedOn: isPublished ? r.published_on : null,
      at: r.updated_at,
      source: 'platform',
    });
  }
  return out;
};

// Where a report of the year may be: received through the checker, or compiled on the platform.
const sources = new Map<string, ReportRecordSource>([
  ['received', receivedReportSource],
  ['platform', platformReportSource],
]);

export const agencyKindOf = (kind: string): AgencyKind => (kind === 'government' ? 'government' : 'department');

export interface AgencyReportStatus {
  readonly agencyId: number;
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  readonly kind: AgencyKind;
  readonly deadline: string;
  readonly status: ReportStatus;
  readonly record: DatedReportRecord | null;
  readonly window: ReportDueWindow;
}

/** Every agency's status for `year`, in tree order. */
export async function reportStatuses(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
  today: string,
): Promise<AgencyReportStatus[]> {
  if (agencyIds.length === 0) return [];
  const agencies = await db
    .selectFrom(agencyDirectory(db).as('a'))
    .select(['a.id', 'a.code', 'a.name', 'a.kind', 'a.parent_id'])
    .where('a.id', 'in', [...agencyIds])
    .orderBy('a.sort_order')
    .orderBy('a.id')
    .execute();
  const latest = new Map<number, DatedReportRecord>();
  for (const source of sources.values()) {
    for (const [id, record] of await source(db, agencyIds, year)) {
      const seen = latest.get(id);
      if (!seen || record.at > seen.at) latest.set(id, record);
    }
  }
  return flattenAgencyTree(buildAgencyTree(agencies)).map(({ agency, depth }) => {
    const kind = agencyKindOf(agency.kind);
    const deadline = publicationDeadline(kind, year);
    const record = latest.get(agency.id) ?? null;
    return {
      agencyId: agency.id,
      code: agency.code,
      name: agency.name,
      depth,
      kind,
      deadline,
      status: reportStatus(record, deadline),
      record,
      window: reportDueWindow(kind, year, today),
    };
  });
}

/**
 * The agencies an actor supervises the reporting of: a supervisor's reach (the agency and those
 * beneath it), and — for the disclosure office of a government — every agency beneath that
 * government: 2019 Regulation Art. 3 makes the government's office the 政府信息公开工作主管部门 of
 * its area, which 推进、指导、协调、监督 the work there.
 */
export async function supervisedAgencies(db: Executor, actor: Actor): Promise<number[]> {
  const ids = new Set<number>(actor.reach.get('supervisor') ?? []);
  const offices = [...(actor.reach.get('disclosure_officer') ?? [])];
  if (offices.length) {
    const governments = await db
      .selectFrom(agencyDirectory(db).as('a'))
      .select('a.id')
      .where('a.id', 'in', offices)
      .where('a.kind', '=', 'government')
      .execute();
    for (const g of governments) for (const id of await agencySubtree(db, g.id)) ids.add(id);
  }
  return [...ids];
}

/** The agencies whose reports an actor follows: those supervised and the office's own agency. */
export async function followedAgencies(db: Executor, actor: Actor): Promise<number[]> {
  return [...new Set([...(await supervisedAgencies(db, actor)), ...(actor.reach.get('disclosure_officer') ?? [])])];
}
