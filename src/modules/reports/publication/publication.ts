// Pure rules of annual report documents: which rows of the publishing workflow apply to a report,
// when failed validation blocks publication, and what changed between two versions.
import { workflowTable, type ReviewStep, type Transition } from '../../publishing/index.ts';
import type { ItemEvent, ItemStatus } from '../../publishing/index.ts';
import type { ReportFinding } from '../report-validation.ts';

import { NARRATIVE_SECTIONS_2008, NARRATIVE_SECTIONS_2021 } from '../narrative.ts';
import type { ReportTemplate } from '../report-formats.ts';

/** The key under which an agency may configure the report's review chain (workflow_configs). */
export const ANNUAL_REPORT_CATEGORY = 'annual_report';

/**
 * Built-in chain: the annual report is approved up to the principal leader (the agency publishes it
 * in its own name, Art. 49/50). The confidentiality review cannot be left out: Art. 17 requires the
 * review of everything the agency makes public, the report included.
 */
export const ANNUAL_REPORT_STEPS: readonly ReviewStep[] = ['unit_head', 'confidentiality', 'leader', 'principal'];

/**
 * Events of the item workflow that a report uses. A report is not scheduled, not published in an
 * emergency and not corrected in place: a changed report goes back to draft through withdraw and
 * redraft, and is approved again.
 */
export const REPORT_EVENTS: readonly ItemEvent[] = [
  'submit',
  'unit_approve',
  'confidentiality_approve',
  'leader_check',
  'principal_approve',
  'publish',
  'return',
  'withdraw',
  'redraft',
];

export function reportWorkflowTable(steps: readonly string[]): Transition[] {
  const excludedFrom: readonly ItemStatus[] = ['scheduled', 'published_pending_approval'];
  return workflowTable(steps).filter((r) => REPORT_EVENTS.includes(r.event) && !excludedFrom.includes(r.from));
}

export const REPORT_SCOPES = ['agency', 'rollup'] as const;
export type ReportScopeKey = (typeof REPORT_SCOPES)[number];

/** The narrative sections a template prints, in order. */
export function sectionsOf(template: ReportTemplate): readonly (readonly [string, string])[] {
  return template === '2008' ? NARRATIVE_SECTIONS_2008 : NARRATIVE_SECTIONS_2021;
}

/**
 * Findings that stop publication (docs/domain/annual-report.md#publication-checks: a report that fails
 * an error-level check is not published without a recorded override). Errors only; a late publication is not among them —
 * publishing late is still publishing (Art. 49/50 set a duty, not a bar) and is recorded as late.
 */
export function blockingFindings(findings: readonly ReportFinding[]): ReportFinding[] {
  return findings.filter((f) => f.severity === 'error' && f.code !== 'late_publication');
}

export function mayPublish(findings: readonly ReportFinding[], hasOverride: boolean): boolean {
  return hasOverride || blockingFindings(findings).length === 0;
}

export interface SectionChange {
  readonly key: string;
  readonly heading: string;
  readonly before: string;
  readonly after: string;
}

/** The sections whose text differs between two versions, in printed order. */
export function changedSections(
  template: ReportTemplate,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): SectionChange[] {
  return sectionsOf(template)
    .filter(([key]) => (before[key] ?? '') !== (after[key] ?? ''))
    .map(([key, heading]) => ({ key, heading, before: before[key] ?? '', after: after[key] ?? '' }));
}

/** Every numeric leaf of a report with its JSON path (narrative, provenance and metadata left out). */
export function numericFigures(report: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') out.set(path, node);
    else if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (!path && (k === 'narrative' || k === 'provenance' || k === 'year')) continue;
        walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(report, '');
  return out;
}

export interface FigureChange {
  readonly path: string;
  readonly before: number | null;
  readonly after: number | null;
}

/** Figures that differ between two snapshots (a refresh of the figures between versions). */
export function changedFigures(before: unknown, after: unknown): FigureChange[] {
  const a = numericFigures(before);
  const b = numericFigures(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => ({ path: p, before: a.get(p) ?? null, after: b.get(p) ?? null }));
}

/** The drafting note narrative.ts leaves where the office has to write (（本节由…撰写。）). */
const DRAFTING_NOTE = /（本节由[^）]*撰写。）/;

/**
 * Sections that still carry the drafting note inside other text (a drafted opening followed by
 * the note): not yet written, like an empty section (docs/domain/annual-report.md#publication-checks: required
 * sections present and not empty). Sections already reported as missing are not reported twice.
 */
export function unfinishedSections(
  template: ReportTemplate,
  sections: Readonly<Record<string, string>>,
  already: readonly ReportFinding[],
): ReportFinding[] {
  const flagged = new Set(already.flatMap((f) => f.cells));
  return sectionsOf(template)
    .filter(([key]) => DRAFTING_NOTE.test(sections[key] ?? '') && !flagged.has(`narrative.${key}`))
    .map(([key, heading]) => ({
      code: 'missing_section' as const,
      severity: 'error' as const,
      cells: [`narrative.${key}`],
      message: { zh: `“${heading}”部分尚有待撰写的内容`, en: `section "${heading}" still has text to be written` },
    }));
}
