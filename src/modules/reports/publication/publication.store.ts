// Queries of annual report documents. Writes happen in publication.service.ts, inside mutate().
import type { Executor } from '../../../db/database.ts';
import { agencyDirectory, userDirectory } from '../../organisation/index.ts';
import type {
  ReportDocumentOverrideRow,
  ReportDocumentRow,
  ReportDocumentStatusRow,
  ReportDocumentVersionRow,
} from './publication.table.ts';

/** A document with what its pages and policies need of its agency. */
export interface DocumentRow extends ReportDocumentRow {
  agency_code: string;
  agency_name: string;
  agency_kind: string;
  office_unit_id: number | null;
}

export type StatusRow = ReportDocumentStatusRow & { actor_name: string | null };
export type OverrideRow = ReportDocumentOverrideRow & { user_name: string | null };
export type VersionRow = ReportDocumentVersionRow & { author_name: string | null };

function documents(db: Executor) {
  return db
    .selectFrom('report_documents as d')
    .innerJoin(agencyDirectory(db).as('a'), 'a.id', 'd.agency_id')
    .selectAll('d')
    .select([
      'a.code as agency_code',
      'a.name as agency_name',
      'a.kind as agency_kind',
      'a.disclosure_office_unit_id as office_unit_id',
    ]);
}

export const publicationStore = {
  document(db: Executor, id: number): Promise<DocumentRow | undefined> {
    return documents(db).where('d.id', '=', id).executeTakeFirst();
  },

  byKey(
    db: Executor,
    agencyId: number,
    year: number,
    template: string,
    scope: string,
  ): Promise<ReportDocumentRow | undefined> {
    return db
      .selectFrom('report_documents')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('report_year', '=', year)
      .where('template', '=', template)
      .where('scope', '=', scope)
      .executeTakeFirst();
  },

  list(db: Executor, agencyIds: readonly number[]): Promise<DocumentRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return documents(db)
      .where('d.agency_id', 'in', [...agencyIds])
      .orderBy('d.report_year', 'desc')
      .orderBy('a.sort_order')
      .orderBy('d.id')
      .execute();
  },

  /** The published document of an agency and year (at most one is published at a time). */
  published(db: Executor, agencyId: number, year: number, scope?: string): Promise<DocumentRow | undefined> {
    let q = documents(db)
      .where('d.agency_id', '=', agencyId)
      .where('d.report_year', '=', year)
      .where('d.status', '=', 'published');
    if (scope) q = q.where('d.scope', '=', scope);
    return q.orderBy('d.id').executeTakeFirst();
  },

  publishedByCode(db: Executor, agencyCode: string, year: number): Promise<DocumentRow | undefined> {
    return documents(db)
      .where('a.code', '=', agencyCode)
      .where('d.report_year', '=', year)
      .where('d.status', '=', 'published')
      .orderBy('d.id')
      .executeTakeFirst();
  },

  allPublished(db: Executor): Promise<DocumentRow[]> {
    return documents(db).where('d.status', '=', 'published').orderBy('d.report_year', 'desc').orderBy('d.id').execute();
  },

  version(db: Executor, id: number): Promise<ReportDocumentVersionRow | undefined> {
    return db.selectFrom('report_document_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  versions(db: Executor, documentId: number): Promise<VersionRow[]> {
    return db
      .selectFrom('report_document_versions as v')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'v.created_by')
      .selectAll('v')
      .select('u.display_name as author_name')
      .where('v.document_id', '=', documentId)
      .orderBy('v.version_no', 'desc')
      .execute();
  },

  history(db: Executor, documentId: number): Promise<StatusRow[]> {
    return db
      .selectFrom('report_document_status_history as h')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'h.actor_user_id')
      .selectAll('h')
      .select('u.display_name as actor_name')
      .where('h.document_id', '=', documentId)
      .orderBy('h.id')
      .execute();
  },

  overrides(db: Executor, documentId: number): Promise<OverrideRow[]> {
    return db
      .selectFrom('report_document_overrides as o')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'o.user_id')
      .selectAll('o')
      .select('u.display_name as user_name')
      .where('o.document_id', '=', documentId)
      .orderBy('o.id')
      .execute();
  },

  async override(db: Executor, versionId: number): Promise<ReportDocumentOverrideRow | undefined> {
    return db
      .selectFrom('report_document_overrides')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('id')
      .executeTakeFirst();
  },
};
