// Operations on annual report documents. Each runs in one transaction with its audit event
// (platform/mutation.ts); versions and status rows are only ever added. Reports are a kind of
// versioned document (report-documents.ts): the review chain is the publishing module's workflow
// table, configurable per agency under the category key 'annual_report'. Publishing renders the
// report from the version's frozen figures, stores that page, and tells the portal its pages
// changed — all in the publishing transaction. What a version holds is in report-versions.ts.
// The routes load the document and authorize through the reports policies before a service runs
// (docs/adr/0021); the services read the document's state in their transaction.
import type { Db, Executor, Tx } from '../../../db/database.ts';
import type { AuditContext } from '../../../platform/audit/audit.ts';
import { mutate, type Audit } from '../../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../../platform/clock.ts';
import { ConflictError, issue, ValidationError, type ValidationIssue } from '../../../platform/errors.ts';
import { textOf } from '../../../platform/i18n/i18n.ts';
import { can, type Actor } from '../../../platform/policy.ts';
import type { StepBy } from '../../../platform/workflow/versioned-document.ts';
import { agencySubtree, organisationStore } from '../../organisation/index.ts';
import type { ItemEvent, ItemStatus } from '../../publishing/index.ts';
import type { PublishedReportProvider } from '../../portal/index.ts';
import { REPORT_TEMPLATES, defaultTemplate, type ReportTemplate } from '../report-formats.ts';
import { blockingFindings, sectionsOf, type ReportScopeKey } from './publication.ts';
import { publicationStore as store, type DocumentRow } from './publication.store.ts';
import type { ReportDocumentVersionRow } from './publication.table.ts';
import { currentVersionOf, loadDocument, reportDocuments } from './report-documents.ts';
import { checkVersion, compute, sectionsOfVersion, snapshotOf, type Snapshot } from './report-versions.ts';

export {
  currentVersionOf,
  loadDocument,
  reportSteps,
  reportTable,
  reportTransitionsFor,
  scopeOfDocument,
} from './report-documents.ts';
export {
  agencyKindOf,
  checkVersion,
  previousPublishedReport,
  renderPublishedHtml,
  reportOfVersion,
  sectionsOfVersion,
  snapshotOf,
  type DocumentChecks,
  type PreviousReport,
  type Snapshot,
} from './report-versions.ts';

export const SECTION_MAX = 20_000;

/** The columns of a version: the narrative's sections and the frozen figures. */
function versionValues(sections: Record<string, string>, snapshot: Snapshot, userId: number, note: string) {
  return {
    sections_json: JSON.stringify(sections),
    figures_json: JSON.stringify(snapshot),
    change_note: note,
    created_by: userId,
    created_at: nowIso(),
  };
}

/**
 * A new version of the draft, built on the version the caller saw (compare-and-set on it), audited
 * as reports.document.<action> with the versions before and after.
 */
async function revise(
  trx: Tx,
  audit: Audit,
  doc: DocumentRow,
  base: ReportDocumentVersionRow,
  values: ReturnType<typeof versionValues>,
  action: 'edit' | 'refresh',
  detail: Record<string, unknown> = {},
): Promise<number> {
  const next = await reportDocuments.appendVersion(trx, doc.id, values);
  await reportDocuments.setCurrentVersion(trx, doc, next.id, {
    set: { updated_at: nowIso() },
    whileStatus: 'draft',
    whileVersion: true,
  });
  await audit({
    action: `reports.document.${action}`,
    subjectType: 'report_document',
    subjectId: doc.id,
    before: { version_id: base.id },
    after: { version_id: next.id, version_no: next.versionNo, ...detail },
  });
  return next.id;
}

/**
 * The draft, at the version the editor saw (the route has authorized `reports.doc.draft`); its
 * state and version are read in the transaction that writes the next version.
 */
async function editableDraft(
  trx: Tx,
  documentId: number,
  baseVersionNo: number | null,
): Promise<{ doc: DocumentRow; version: ReportDocumentVersionRow }> {
  const doc = await loadDocument(trx, documentId);
  if (doc.status !== 'draft') throw new ConflictError('rdoc.error.not_draft');
  const version = await currentVersionOf(trx, doc);
  if (baseVersionNo !== null && baseVersionNo !== version.version_no)
    throw new ConflictError('rdoc.error.stale', { n: version.version_no });
  return { doc, version };
}

async function insertDocument(
  db: Db,
  ctx: AuditContext,
  createdBy: number,
  agency: { id: number; code: string },
  year: number,
  template: ReportTemplate,
  scope: ReportScopeKey,
  snapshot: Snapshot,
): Promise<number> {
  const sections = Object.fromEntries(
    sectionsOf(template).map(([key]) => [key, snapshot.report.narrative?.[key] ?? '']),
  );
  return mutate(db, ctx, async (trx, audit) => {
    const now = nowIso();
    return reportDocuments.create(trx, audit, createdBy, {
      values: {
        agency_id: agency.id,
        report_year: year,
        template,
        scope,
        published_version_id: null,
        published_on: null,
        published_html: null,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      },
      version: versionValues(sections, snapshot, createdBy, textOf('rdoc.note.start').zh),
      after: (versionId) => ({ agency: agency.code, year, template, scope, version_id: versionId }),
    });
  });
}

export interface StartInput {
  readonly agencyCode: string;
  readonly year: number;
  readonly template?: string | null;
  readonly rollup?: boolean;
}

/**
 * The agency a report starts for, or the form's issues (422). With `by`, also whether that actor
 * may start it: the form offers only their agencies (an agency they may not draft for is the same
 * issue as an unknown one), and a roll-up needs read access to every agency beneath.
 */
async function checkStart(db: Executor, input: StartInput, by?: { actor: Actor | undefined }) {
  const issues: ValidationIssue[] = [];
  const thisYear = Number(todayInChina().slice(0, 4));
  const agency = /^[\w-]{1,64}$/.test(input.agencyCode)
    ? await organisationStore.agencyByCode(db, input.agencyCode)
    : undefined;
  const scope = agency && { agencyId: agency.id, unitId: agency.disclosure_office_unit_id };
  if (!agency || (by && !can(by.actor, 'reports.doc.draft', scope))) issues.push(issue('agency', 'rdoc.error.agency'));
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > thisYear)
    issues.push(issue('year', 'rdoc.error.year'));
  if (input.template && !(REPORT_TEMPLATES as readonly string[]).includes(input.template))
    issues.push(issue('template', 'rdoc.error.template'));
  if (issues.length) throw new ValidationError(issues);
  if (by && input.rollup)
    for (const id of await agencySubtree(db, agency!.id))
      if (!can(by.actor, 'reports.read', { agencyId: id }))
        throw new ValidationError([issue('rollup', 'rdoc.error.rollup_access')]);
  return agency!;
}

/**
 * The route's check of a start, before `start`: the input, and the actor's access to the agency
 * (and to those beneath, for a roll-up), which the form reports as its issues (422), not a 403.
 */
export async function authorizeStart(db: Executor, actor: Actor | undefined, input: StartInput): Promise<void> {
  await checkStart(db, input, { actor });
}

/**
 * The actor's permission for a step of the document's workflow, which the route checks before
 * `transition`; it passes the state it checked on as `whileStatus`.
 */
export function authorizeReportTransition(
  db: Executor,
  actor: Actor | undefined,
  doc: DocumentRow,
  event: ItemEvent,
): Promise<void> {
  return reportDocuments.authorizeStep(db, actor, doc, event);
}

export const reportDocumentService = {
  /**
   * Version 1: the figures computed now, frozen, and the narrative drafted from them. The route
   * has checked the actor's access (authorizeStart).
   */
  async start(db: Db, ctx: AuditContext, input: StartInput, by: { createdBy: number }): Promise<number> {
    const agency = await checkStart(db, input);
    const scope: ReportScopeKey = input.rollup ? 'rollup' : 'agency';
    const template = (input.template || defaultTemplate(input.year)) as ReportTemplate;
    if (await store.byKey(db, agency.id, input.year, template, scope)) throw new ConflictError('rdoc.error.exists');
    const snapshot = await compute(db, { agency_code: agency.code, report_year: input.year, template, scope });
    try {
      return await insertDocument(db, ctx, by.createdBy, agency, input.year, template, scope, snapshot);
    } catch (error) {
      // Two people starting the same report at once: the unique key lets one through.
      if (await store.byKey(db, agency.id, input.year, template, scope)) throw new ConflictError('rdoc.error.exists');
      throw error;
    }
  },

  /** One section's new text: a new version with the same frozen figures (`reports.doc.draft`). */
  async editSection(
    db: Db,
    ctx: AuditContext,
    documentId: number,
    edit: { key: string; text: string; baseVersionNo: number | null },
    by: { createdBy: number },
  ): Promise<number> {
    const { key, text, baseVersionNo } = edit;
    return mutate(db, ctx, async (trx, audit) => {
      const { doc, version } = await editableDraft(trx, documentId, baseVersionNo);
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
      const note = textOf('rdoc.note.section', { heading: section![1] }).zh;
      const values = versionValues({ ...sections, [key]: value }, snapshotOf(version), by.createdBy, note);
      return revise(trx, audit, doc, version, values, 'edit', { section: key });
    });
  },

  /**
   * The figures recomputed from the records as they are now: a new version with the same text
   * (`reports.doc.draft`).
   */
  async refreshFigures(
    db: Db,
    ctx: AuditContext,
    documentId: number,
    baseVersionNo: number | null,
    by: { createdBy: number },
  ): Promise<number> {
    const snapshot = await compute(db, await loadDocument(db, documentId));
    return mutate(db, ctx, async (trx, audit) => {
      const { doc: fresh, version } = await editableDraft(trx, documentId, baseVersionNo);
      const note = textOf('rdoc.note.refresh').zh;
      const values = versionValues(sectionsOfVersion(version), snapshot, by.createdBy, note);
      return revise(trx, audit, fresh, version, values, 'refresh');
    });
  },

  /**
   * The single way a document changes state: the workflow row from its state as the transaction
   * reads it, the row's needs. The route has authorized the step (authorizeReportTransition) on
   * the state `by.whileStatus`.
   */
  async transition(
    db: Db,
    ctx: AuditContext,
    documentId: number,
    event: ItemEvent,
    options: { reason?: string | null; basis?: string | null },
    by: StepBy,
  ): Promise<ItemStatus> {
    return mutate(db, ctx, async (trx, audit) =>
      reportDocuments.transition(trx, audit, await loadDocument(trx, documentId), event, options, by),
    );
  },

  /**
   * A user the route has authorized (`reports.doc.override`) lets the current version be published
   * despite failed checks, with a reason.
   */
  async override(
    db: Db,
    ctx: AuditContext,
    documentId: number,
    reason: string,
    by: { overriddenBy: number },
  ): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const doc = await loadDocument(trx, documentId);
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
          user_id: by.overriddenBy,
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
