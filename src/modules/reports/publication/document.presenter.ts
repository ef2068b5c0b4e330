// Store rows → what the annual report documents' console pages show (docs/conventions.md#presenters):
// a document's state with "late" decided (late only once published late), the overrides as the notes
// the page writes (who, when in China time, why, over how many findings), the report compared
// against as its year and date alone, and the history as the publishing workflow shows it.
import { formatChinaTime } from '../../../platform/clock.ts';
import { presentStatusHistory, type StatusHistoryEntry, type Transition } from '../../publishing/index.ts';
import type { ReportFinding } from '../report-validation.ts';
import type { ReportTemplate } from '../report-formats.ts';
import { changedFigures, changedSections, type FigureChange, type SectionChange } from './publication.ts';
import type { DocumentRow, OverrideRow, StatusRow, VersionRow } from './publication.store.ts';
import { sectionsOfVersion, snapshotOf, type PreviousReport } from './report-versions.ts';

export interface DocumentListEntry {
  readonly id: number;
  readonly agencyName: string;
  /** rdoc.scope.* */
  readonly scope: string;
  readonly reportYear: number;
  /** reports.template.* */
  readonly template: string;
  /** A workflow status (pub.status.*). */
  readonly status: string;
  /** Published after its deadline. */
  readonly late: boolean;
}

export interface DocumentFacts extends DocumentListEntry {
  readonly agencyCode: string;
  /** The day it was published, while it is published; otherwise null. */
  readonly publishedOn: string | null;
}

export interface OverrideNote {
  readonly userName: string | null;
  /** In China time. */
  readonly at: string;
  readonly reason: string;
  /** How many findings it let through. */
  readonly findingCount: number;
}

export interface DocumentPageModel {
  readonly doc: DocumentFacts;
  readonly title: string;
  readonly versionNo: number;
  readonly sections: readonly { key: string; heading: string; text: string }[];
  /** The frozen figures' tables, as accessible HTML from export/html.ts (escaped there). */
  readonly tablesHtml: string;
  readonly findings: readonly ReportFinding[];
  readonly blocking: number;
  readonly deadline: string;
  /** The report of the year before it is compared with, if published. */
  readonly previous: { readonly year: number; readonly publishedOn: string | null } | null;
  /** The override of the current version, if recorded. */
  readonly override: OverrideNote | null;
  /** The override of the published version (the note for auditors), while published. */
  readonly publishedOverride: OverrideNote | null;
  readonly history: readonly StatusHistoryEntry[];
  readonly transitions: readonly Transition[];
  readonly can: { readonly edit: boolean; readonly override: boolean };
}

/** One version on the comparison page. */
export interface VersionEntry {
  readonly id: number;
  readonly versionNo: number;
  /** In China time. */
  readonly createdAt: string;
  readonly authorName: string | null;
  readonly changeNote: string | null;
  /** Null for the first version (nothing before it). */
  readonly sections: readonly SectionChange[] | null;
  readonly figures: readonly FigureChange[];
}

/** What the route loaded and worked out for the page. */
export interface DocumentPageRows {
  readonly doc: DocumentRow;
  readonly title: string;
  readonly versionId: number;
  readonly versionNo: number;
  readonly sections: readonly { key: string; heading: string; text: string }[];
  readonly tablesHtml: string;
  readonly findings: readonly ReportFinding[];
  readonly blocking: number;
  readonly deadline: string;
  readonly previous: PreviousReport | null;
  readonly overrides: readonly OverrideRow[];
  readonly history: readonly StatusRow[];
  readonly transitions: readonly Transition[];
  readonly can: DocumentPageModel['can'];
}

export function presentListEntry(d: DocumentRow): DocumentListEntry {
  return {
    id: d.id,
    agencyName: d.agency_name,
    scope: d.scope,
    reportYear: d.report_year,
    template: d.template,
    status: d.status,
    late: d.is_late === 1 && Boolean(d.published_on),
  };
}

export function presentOverride(o: OverrideRow | undefined): OverrideNote | null {
  if (!o) return null;
  return {
    userName: o.user_name,
    at: formatChinaTime(o.created_at),
    reason: o.reason,
    findingCount: (JSON.parse(o.findings_json) as unknown[]).length,
  };
}

export function presentDocumentPage(rows: DocumentPageRows): DocumentPageModel {
  const { doc } = rows;
  const published = doc.status === 'published';
  return {
    doc: {
      ...presentListEntry(doc),
      agencyCode: doc.agency_code,
      publishedOn: published ? doc.published_on : null,
    },
    title: rows.title,
    versionNo: rows.versionNo,
    sections: rows.sections,
    tablesHtml: rows.tablesHtml,
    findings: rows.findings,
    blocking: rows.blocking,
    deadline: rows.deadline,
    previous: rows.previous ? { year: rows.previous.year, publishedOn: rows.previous.publishedOn } : null,
    override: presentOverride(rows.overrides.find((o) => o.version_id === rows.versionId)),
    publishedOverride: published
      ? presentOverride(rows.overrides.find((o) => o.version_id === doc.published_version_id))
      : null,
    history: presentStatusHistory(rows.history),
    transitions: rows.transitions,
    can: rows.can,
  };
}

/** `versions` newest first, as the store returns them: each compared with the next in the list. */
export function presentVersions(versions: readonly VersionRow[], template: ReportTemplate): VersionEntry[] {
  return versions.map((v, i) => {
    const previous = versions[i + 1];
    return {
      id: v.id,
      versionNo: v.version_no,
      createdAt: formatChinaTime(v.created_at),
      authorName: v.author_name,
      changeNote: v.change_note,
      sections: previous ? changedSections(template, sectionsOfVersion(previous), sectionsOfVersion(v)) : null,
      figures:
        previous && previous.figures_json !== v.figures_json
          ? changedFigures(snapshotOf(previous).report, snapshotOf(v).report)
          : [],
    };
  });
}
