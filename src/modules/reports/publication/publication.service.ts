// Operations on annual report documents. Each runs in one transaction with its audit event
// (platform/mutation.ts); versions and status rows are only ever added. The review chain is the
// publishing module's workflow table (publishing/workflow.ts), configurable per agency under the
// category key 'annual_report'. Publishing renders the report from the version's frozen figures,
// stores that page, and tells the portal its pages changed — all in the publishing transaction.
import type { Db, Executor, Tx } from '../../../db/database.ts';
import { mutate } from '../../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../../platform/clock.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../../platform/errors.ts';
import { textOf } from '../../../platform/i18n/i18n.ts';
import { authorize, can, type Actor, type Scoped } from '../../../platform/policy.ts';
import { scanText } from '../../../platform/pii/scanner.ts';
import { agencySubtree } from '../../organisation/agency-tree.ts';
import { publicStatuses, type ItemEvent, type ItemStatus } from '../../publishing/publishing.ts';
import { publishingStore } from '../../publishing/publishing.store.ts';
import type { Caller } from '../../publishing/publishing.service.ts';
import { findTransition, normaliseSteps, type ReviewStep, type Transition } from '../../publishing/workflow.ts';
import type { ExtraWorkflowCategory } from '../../publishing/workflow-categories.ts';
import { portalContentChanged } from '../../portal/page-cache.ts';
import type { PublishedReportProvider } from '../../portal/report-registry.ts';
import { computeAnnualReport } from '../report.service.ts';
import { REPORT_TEMPLATES, defaultTemplate, type ReportTemplate } from '../report-builder.ts';
import type { AnnualReport } from '../report-types.ts';
import {
  isLate as isReportLate,
  publicationDeadline,
  validateReport,
  type AgencyKind,
  type ReportFinding,
} from '../report-validation.ts';
import { reportView } from '../report-view.ts';
import { reportBodyHtml } from '../export/html.ts';
import {
  ANNUAL_REPORT_CATEGORY,
  ANNUAL_REPORT_STEPS,
  blockingFindings,
  mayPublish,
  reportWorkflowTable,
  sectionsOf,
  unfinishedSections,
  type ReportScopeKey,
} from './publication.ts';
import { reportStepPolicy } from './publication.policy.ts';
import { publicationStore as store, type DocumentRow } from './publication.store.ts';
import type { ReportDocumentVersionRow } from './publication.table.ts';

export const SECTION_MAX = 20_000;

/** What a version freezes: the computed report (as BuiltReport without the agency id). */
export interface Snapshot {
  readonly template: ReportTemplate;
  readonly report: AnnualReport;
  readonly unavailable: readonly string[];
}

export function scopeOfDocument(doc: Pick<DocumentRow, 'agency_id' | 'office_unit_id'>): Scoped {
  return { agencyId: doc.agency_id, unitId: doc.office_unit_id };
}

export function agencyKindOf(doc: Pick<DocumentRow, 'agency_kind'>): AgencyKind {
  return doc.agency_kind === 'government' ? 'government' : 'department';
}

export function snapshotOf(version: ReportDocumentVersionRow): Snapshot {
  return JSON.parse(version.figures_json) as Snapshot;
}

export function sectionsOfVersion(version: ReportDocumentVersionRow): Record<string, string> {
  return JSON.parse(version.sections_json) as Record<string, string>;
}

/** The report as this version says it: the frozen figures with the version's text. */
export function reportOfVersion(version: ReportDocumentVersionRow): AnnualReport {
  return { ...snapshotOf(version).report, narrative: sectionsOfVersion(version) } as AnnualReport;
}

// The system administrator configures the report's review steps on the workflow page with the items'.
export const annualReportWorkflowCategory: ExtraWorkflowCategory = {
  key: ANNUAL_REPORT_CATEGORY,
  labelKey: 'rdoc.workflow_category',
  defaultSteps: ANNUAL_REPORT_STEPS,
};

/** The review steps of the agency's annual report (configured under 'annual_report', or built in). */
export async function reportSteps(db: Executor, agencyId: number): Promise<ReviewStep[]> {
  const row = await publishingStore.workflowConfig(db, agencyId, ANNUAL_REPORT_CATEGORY);
  return row ? normaliseSteps(JSON.parse(row.steps) as string[]) : [...ANNUAL_REPORT_STEPS];
}

export async function reportTable(db: Executor, agencyId: number): Promise<Transition[]> {
  return reportWorkflowTable(await reportSteps(db, agencyId));
}

/** The transitions of the table the actor may take on the document now. */
export function reportTransitionsFor(
  actor: Actor | undefined,
  doc: DocumentRow,
  table: readonly Transition[],
): Transition[] {
  return table.filter((r) => r.from === doc.status && can(actor, reportStepPolicy(r.requires), scopeOfDocument(doc)));
}

export async function loadDocument(db: Executor, id: number): Promise<DocumentRow> {
  const doc = await store.document(db, id);
  if (!doc) throw new NotFoundError();
  return doc;
}

export async function currentVersionOf(db: Executor, doc: DocumentRow): Promise<ReportDocumentVersionRow> {
  const version = doc.current_version_id === null ? undefined : await store.version(db, doc.current_version_id);
  if (!version) throw new Error(`report document ${doc.id} has no current version`);
  return version;
}

export interface PreviousReport {
  readonly year: number;
  readonly publishedOn: string | null;
  readonly report: AnnualReport;
}

/**
 * Last year's report as it was published (rules.md §3.5 (e)): the carry-over is compared with the
 * figures the public read, not with last year's figures recomputed today — records corrected since
 * would otherwise hide that the published report said something else.
 */
export async function previousPublishedReport(
  db: Executor,
  agencyId: number,
  year: number,
  scope: string,
): Promise<PreviousReport | null> {
  const doc = await store.published(db, agencyId, year - 1, scope);
  const version = doc?.published_version_id ? await store.version(db, doc.published_version_id) : undefined;
  if (!doc || !version) return null;
  return { year: doc.report_year, publishedOn: doc.published_on, report: reportOfVersion(version) };
}

export interface DocumentChecks {
  readonly findings: ReportFinding[];
  readonly previous: PreviousReport | null;
  readonly deadline: string;
}

/** Validation of a version as it would be published on `publishedOn`. */
export async function checkVersion(
  db: Executor,
  doc: DocumentRow,
  version: ReportDocumentVersionRow,
  publishedOn: string,
): Promise<DocumentChecks> {
  const kind = agencyKindOf(doc);
  const previous = await previousPublishedReport(db, doc.agency_id, doc.report_year, doc.scope);
  const findings = validateReport(reportOfVersion(version), {
    agencyKind: kind,
    previous: previous?.report ?? null,
    publishedOn,
    requireSections: true,
  });
  findings.push(...unfinishedSections(doc.template as ReportTemplate, sectionsOfVersion(version), findings));
  return { findings, previous, deadline: publicationDeadline(kind, doc.report_year) };
}

/** The page the public reads, rendered from the frozen figures and the approved text. */
export function renderPublishedHtml(version: ReportDocumentVersionRow): string {
  const snapshot = snapshotOf(version);
  return reportBodyHtml(reportView(reportOfVersion(version), snapshot.template, snapshot.unavailable));
}

async function writeStatus(
  trx: Tx,
  documentId: number,
  versionId: number | null,
  from: string | null,
  to: string,
  event: string,
  userId: number,
  reason: string | null,
): Promise<void> {
  await trx
    .insertInto('report_document_status_history')
    .values({
      document_id: documentId,
      version_id: versionId,
      from_status: from,
      to_status: to,
      event,
      actor_user_id: userId,
      reason,
      created_at: nowIso(),
    })
    .execute();
}

async function insertVersion(
  trx: Tx,
  documentId: number,
  sections: Record<string, string>,
  snapshot: Snapshot,
  userId: number,
  note: string,
): Promise<{ id: number; versionNo: number }> {
  const versionNo = (await store.lastVersionNo(trx, documentId)) + 1;
  const row = await trx
    .insertInto('report_document_versions')
    .values({
      document_id: documentId,
      version_no: versionNo,
      sections_json: JSON.stringify(sections),
      figures_json: JSON.stringify(snapshot),
      change_note: note,
      created_by: userId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, versionNo };
}

/** Sets the new current version, only if the document is still the draft the caller saw. */
async function advance(trx: Tx, doc: DocumentRow, versionId: number): Promise<void> {
  const updated = await trx
    .updateTable('report_documents')
    .set({ current_version_id: versionId, updated_at: nowIso() })
    .where('id', '=', doc.id)
    .where('status', '=', 'draft')
    .where('current_version_id', '=', doc.current_version_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('pub.error.changed_meanwhile');
}

async function compute(
  db: Executor,
  doc: Pick<DocumentRow, 'agency_code' | 'report_year' | 'template' | 'scope'>,
): Promise<Snapshot> {
  const built = await computeAnnualReport(db, {
    agencyCode: doc.agency_code,
    year: doc.report_year,
    template: doc.template as ReportTemplate,
    rollup: doc.scope === 'rollup',
    generatedAt: nowIso(),
  });
  return { template: built.template, report: built.report, unavailable: built.unavailable };
}

/** The draft the caller may edit, at the version the caller saw. */
async function editableDraft(
  trx: Tx,
  caller: Caller,
  documentId: number,
  baseVersionNo: number | null,
): Promise<{ doc: DocumentRow; version: ReportDocumentVersionRow }> {
  const doc = await loadDocument(trx, documentId);
  authorize(caller.actor, 'reports.doc.draft', scopeOfDocument(doc));
  if (doc.status !== 'draft') throw new ConflictError('rdoc.error.not_draft');
  const version = await currentVersionOf(trx, doc);
  if (baseVersionNo !== null && baseVersionNo !== version.version_no)
    throw new ConflictError('rdoc.error.stale', { n: version.version_no });
  return { doc, version };
}

async function insertDocument(
  db: Db,
  caller: Caller,
  agency: { id: number; code: string },
  year: number,
  template: ReportTemplate,
  scope: ReportScopeKey,
  snapshot: Snapshot,
): Promise<number> {
  return mutate(db, caller.ctx, async (trx, audit) => {
    const now = nowIso();
    const doc = await trx
      .insertInto('report_documents')
      .values({
        agency_id: agency.id,
        report_year: year,
        template,
        scope,
        status: 'draft',
        current_version_id: null,
        published_version_id: null,
        published_on: null,
        published_html: null,
        created_by: caller.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sections = Object.fromEntries(
      sectionsOf(template).map(([key]) => [key, snapshot.report.narrative?.[key] ?? '']),
    );
    const version = await insertVersion(
      trx,
      doc.id,
      sections,
      snapshot,
      caller.actor.userId,
      textOf('rdoc.note.start').zh,
    );
    await trx
      .updateTable('report_documents')
      .set({ current_version_id: version.id })
      .where('id', '=', doc.id)
      .execute();
    await writeStatus(trx, doc.id, version.id, null, 'draft', 'create', caller.actor.userId, null);
    await audit({
      action: 'reports.document.create',
      subjectType: 'report_document',
      subjectId: doc.id,
      after: { agency: agency.code, year, template, scope, version_id: version.id },
    });
    return doc.id;
  });
}

export interface StartInput {
  readonly agencyCode: string;
  readonly year: number;
  readonly template?: string | null;
  readonly rollup?: boolean;
}

export const reportDocumentService = {
  /** Version 1: the figures computed now, frozen, and the narrative drafted from them. */
  async start(db: Db, caller: Caller, input: StartInput): Promise<number> {
    const issues: ValidationIssue[] = [];
    const thisYear = Number(todayInChina().slice(0, 4));
    const agency = /^[\w-]{1,64}$/.test(input.agencyCode)
      ? await db
          .selectFrom('agencies')
          .select(['id', 'code', 'disclosure_office_unit_id'])
          .where('code', '=', input.agencyCode)
          .executeTakeFirst()
      : undefined;
    if (
      !agency ||
      !can(caller.actor, 'reports.doc.draft', { agencyId: agency.id, unitId: agency.disclosure_office_unit_id })
    )
      issues.push(issue('agency', 'rdoc.error.agency'));
    if (!Number.isInteger(input.year) || input.year < 2008 || input.year > thisYear)
      issues.push(issue('year', 'rdoc.error.year'));
    if (input.template && !(REPORT_TEMPLATES as readonly string[]).includes(input.template))
      issues.push(issue('template', 'rdoc.error.template'));
    if (issues.length) throw new ValidationError(issues);
    const scope: ReportScopeKey = input.rollup ? 'rollup' : 'agency';
    // A roll-up shows every agency beneath: compiling it needs read access to each of them.
    if (input.rollup)
      for (const id of await agencySubtree(db, agency!.id))
        if (!can(caller.actor, 'reports.read', { agencyId: id }))
          throw new ValidationError([issue('rollup', 'rdoc.error.rollup_access')]);
    const template = (input.template || defaultTemplate(input.year)) as ReportTemplate;
    if (await store.byKey(db, agency!.id, input.year, template, scope)) throw new ConflictError('rdoc.error.exists');
    const snapshot = await compute(db, { agency_code: agency!.code, report_year: input.year, template, scope });
    try {
      return await insertDocument(db, caller, agency!, input.year, template, scope, snapshot);
    } catch (error) {
      // Two people starting the same report at once: the unique key lets one through.
      if (await store.byKey(db, agency!.id, input.year, template, scope)) throw new ConflictError('rdoc.error.exists');
      throw error;
    }
  },

  /** One section's new text: a new version with the same frozen figures. */
  async editSection(
    db: Db,
    caller: Caller,
    documentId: number,
    key: string,
    text: string,
    baseVersionNo: number | null,
  ): Promise<number> {
    return mutate(db, caller.ctx, async (trx, audit) => {
      const { doc, version } = await editableDraft(trx, caller, documentId, baseVersionNo);
      const section = sectionsOf(doc.template as ReportTemplate).find(([k]) => k === key);
      const value = text.replace(/\r\n/g, '\n').trim();
      const issues: ValidationIssue[] = [];
      if (!section) issues.push(issue('section', 'rdoc.error.section'));
      else if (!value) issues.push(issue(`section-${key}`, 'rdoc.error.text_required'));
      else if (value.length > SECTION_MAX)
        issues.push(issue(`section-${key}`, 'rdoc.error.text_too_long', { max: SECTION_MAX }));
      if (issues.length) throw new ValidationError(issues);
      const sections = sectionsOfVersion(version);
      if (sections[key] === value) throw new ValidationError([issue(`section-${key}`, 'rdoc.error.unchanged')]);
      const next = await insertVersion(
        trx,
        doc.id,
        { ...sections, [key]: value },
        snapshotOf(version),
        caller.actor.userId,
        textOf('rdoc.note.section', { heading: section![1] }).zh,
      );
      await advance(trx, doc, next.id);
      await audit({
        action: 'reports.document.edit',
        subjectType: 'report_document',
        subjectId: doc.id,
        before: { version_id: version.id },
        after: { version_id: next.id, version_no: next.versionNo, section: key },
      });
      return next.id;
    });
  },

  /** The figures recomputed from the records as they are now: a new version with the same text. */
  async refreshFigures(db: Db, caller: Caller, documentId: number, baseVersionNo: number | null): Promise<number> {
    const doc = await loadDocument(db, documentId);
    authorize(caller.actor, 'reports.doc.draft', scopeOfDocument(doc));
    const snapshot = await compute(db, doc);
    return mutate(db, caller.ctx, async (trx, audit) => {
      const { doc: fresh, version } = await editableDraft(trx, caller, documentId, baseVersionNo);
      const next = await insertVersion(
        trx,
        fresh.id,
        sectionsOfVersion(version),
        snapshot,
        caller.actor.userId,
        textOf('rdoc.note.refresh').zh,
      );
      await advance(trx, fresh, next.id);
      await audit({
        action: 'reports.document.refresh',
        subjectType: 'report_document',
        subjectId: fresh.id,
        before: { version_id: version.id },
        after: { version_id: next.id, version_no: next.versionNo },
      });
      return next.id;
    });
  },

  /** The single way a document changes state: the workflow row, the role, the row's needs. */
  async transition(
    db: Db,
    caller: Caller,
    documentId: number,
    event: ItemEvent,
    options: { reason?: string | null; basis?: string | null } = {},
  ): Promise<ItemStatus> {
    return mutate(db, caller.ctx, async (trx, audit) => {
      const { actor } = caller;
      const doc = await loadDocument(trx, documentId);
      const scope = scopeOfDocument(doc);
      authorize(actor, 'reports.doc.read', scope);
      const from = doc.status as ItemStatus;
      const row = findTransition(await reportTable(trx, doc.agency_id), from, event);
      if (!row) throw new ConflictError('pub.error.transition_not_allowed', { event, status: from });
      if (!can(actor, reportStepPolicy(row.requires), scope)) throw new ForbiddenError('pub.error.not_your_step');
      const reason = options.reason?.trim() || null;
      const basis = options.basis?.trim() || null;
      const issues: ValidationIssue[] = [];
      if (row.needs.includes('reason') && !reason) issues.push(issue('reason', 'pub.error.reason_required'));
      if (reason && reason.length > 2000) issues.push(issue('reason', 'pub.error.reason_too_long'));
      if (row.needs.includes('confidentiality_review') && !basis)
        issues.push(issue('basis', 'pub.error.review_basis_required'));
      if (issues.length) throw new ValidationError(issues);
      const version = await currentVersionOf(trx, doc);
      if (row.needs.includes('pii_clean')) {
        const found = Object.values(sectionsOfVersion(version)).reduce((n, text) => n + scanText(text).length, 0);
        if (found > 0) throw new AppError(409, 'pii_findings', textOf('rdoc.error.personal_data', { n: found }));
      }

      const today = todayInChina();
      const goesPublic = publicStatuses.includes(row.to) && !publicStatuses.includes(from);
      const leavesPublic = publicStatuses.includes(from) && !publicStatuses.includes(row.to);
      let publication:
        | { published_version_id: number; published_on: string; is_late: number; published_html: string }
        | undefined;
      let lateNote: string | null = null;
      let overridden: number | null = null;
      if (goesPublic) {
        const other = await store.published(trx, doc.agency_id, doc.report_year);
        if (other && other.id !== doc.id)
          throw new ConflictError('rdoc.error.other_published', { year: doc.report_year });
        const { findings, deadline } = await checkVersion(trx, doc, version, today);
        const override = await store.override(trx, version.id);
        if (!mayPublish(findings, override !== undefined))
          throw new AppError(
            409,
            'report_checks',
            textOf('rdoc.error.blocked', { n: blockingFindings(findings).length }),
          );
        overridden = override ? override.id : null;
        const late = isReportLate(agencyKindOf(doc), doc.report_year, today);
        if (late) lateNote = textOf('rdoc.late_note', { date: deadline }).zh;
        publication = {
          published_version_id: version.id,
          published_on: today,
          is_late: late ? 1 : 0,
          published_html: renderPublishedHtml(version),
        };
      }
      const updated = await trx
        .updateTable('report_documents')
        .set({ status: row.to, updated_at: nowIso(), ...(publication ?? {}) })
        .where('id', '=', doc.id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('pub.error.changed_meanwhile');
      await writeStatus(trx, doc.id, version.id, from, row.to, event, actor.userId, reason ?? basis ?? lateNote);
      // The archive and the report's page are cached: they change with this transaction.
      if (goesPublic || leavesPublic) await portalContentChanged(trx);
      await audit({
        action: `reports.document.${event}`,
        subjectType: 'report_document',
        subjectId: doc.id,
        before: { status: from },
        after: {
          status: row.to,
          reason,
          basis,
          version_id: version.id,
          ...(publication ? { published_on: today, late: publication.is_late === 1, override_id: overridden } : {}),
        },
      });
      return row.to;
    });
  },

  /** An authorised user lets the current version be published despite failed checks, with a reason. */
  async override(db: Db, caller: Caller, documentId: number, reason: string): Promise<void> {
    await mutate(db, caller.ctx, async (trx, audit) => {
      const doc = await loadDocument(trx, documentId);
      authorize(caller.actor, 'reports.doc.override', scopeOfDocument(doc));
      const text = reason.trim();
      if (!text) throw new ValidationError([issue('override_reason', 'pub.error.reason_required')]);
      if (text.length > 2000) throw new ValidationError([issue('override_reason', 'rdoc.error.override_too_long')]);
      const version = await currentVersionOf(trx, doc);
      if (await store.override(trx, version.id)) throw new ConflictError('rdoc.error.override_exists');
      const blockers = blockingFindings((await checkVersion(trx, doc, version, todayInChina())).findings);
      if (blockers.length === 0) throw new ConflictError('rdoc.error.nothing_to_override');
      const findings = blockers.map((f) => ({ code: f.code, cells: f.cells, message: f.message }));
      const row = await trx
        .insertInto('report_document_overrides')
        .values({
          document_id: doc.id,
          version_id: version.id,
          user_id: caller.actor.userId,
          reason: text,
          findings_json: JSON.stringify(findings),
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'reports.document.override',
        subjectType: 'report_document',
        subjectId: doc.id,
        after: { override_id: row.id, version_id: version.id, reason: text, findings: findings.map((f) => f.code) },
      });
    });
  },
};

/** The title a published report carries in the archive. */
export function documentTitle(doc: Pick<DocumentRow, 'agency_name' | 'report_year'>) {
  return textOf('rdoc.title', { name: doc.agency_name, year: doc.report_year });
}

// The portal's report archive (/reports) lists every published document at its stable address.
export const publishedReportDocuments: PublishedReportProvider = async (db) =>
  (await store.allPublished(db)).map((d) => ({
    year: d.report_year,
    agencyCode: d.agency_code,
    agencyName: d.agency_name,
    title: documentTitle(d).zh,
    url: `/reports/${d.agency_code}/${d.report_year}`,
    publishedOn: d.published_on,
  }));
