// Validation of an annual report before publication: the arithmetic of docs/domain/annual-report.md#arithmetic
// (report-arithmetic.ts),
// the carry-over from last year's report, the required sections, and the statutory publication deadline.
import type { Text } from '../../platform/i18n/i18n.ts';
import { checkReportArithmetic, type ReportIssue } from './report-arithmetic.ts';
import type { AnnualReport } from './report-types.ts';
import { NARRATIVE_SECTIONS_2008, NARRATIVE_SECTIONS_2021 } from './narrative.ts';

// The deadline is read by the portal too, which the reports module depends on: it lives below both.
import { isLate, publicationDeadline, type AgencyKind } from '../../platform/annual-report-deadline.ts';
export { isLate, publicationDeadline, type AgencyKind };

export interface ReportFinding {
  readonly code: ReportIssue['code'] | 'missing_section' | 'late_publication';
  readonly severity: 'error' | 'warning';
  readonly cells: readonly string[];
  readonly message: Text;
}

const PLACEHOLDER = /^（本节由.*撰写。）$/;

/** Required narrative sections present and not empty (a placeholder counts as empty). */
export function checkSections(report: AnnualReport): ReportFinding[] {
  const sections = report.format === '2008' ? NARRATIVE_SECTIONS_2008 : NARRATIVE_SECTIONS_2021;
  const findings: ReportFinding[] = [];
  for (const [key, heading] of sections) {
    const text = (report.narrative?.[key] ?? '').trim();
    if (!text || PLACEHOLDER.test(text)) {
      findings.push({
        code: 'missing_section',
        severity: 'error',
        cells: [`narrative.${key}`],
        message: { zh: `“${heading}”部分未填写`, en: `section "${heading}" is empty` },
      });
    }
  }
  return findings;
}

export interface ValidationOptions {
  /** Last year's report of the same agency (as published, when it was): carry-over check (§3.5 (e)). */
  readonly previous?: AnnualReport | null;
  readonly agencyKind: AgencyKind;
  /** The intended or actual publication date; the deadline is checked when given. */
  readonly publishedOn?: string | null;
  /** Drafts have placeholder sections: skip the section check until the text is written. */
  readonly requireSections?: boolean;
}

export function validateReport(report: AnnualReport, options: ValidationOptions): ReportFinding[] {
  const findings: ReportFinding[] = checkReportArithmetic(report, options.previous ?? null).map((i) => ({
    code: i.code,
    severity: i.severity,
    cells: i.cells,
    message: i.message,
  }));
  if (options.requireSections !== false) findings.push(...checkSections(report));
  if (options.publishedOn && isLate(options.agencyKind, report.year, options.publishedOn)) {
    const due = publicationDeadline(options.agencyKind, report.year);
    findings.push({
      code: 'late_publication',
      severity: 'error',
      cells: [],
      message: {
        zh: `公布日期${options.publishedOn}晚于法定期限${due}`,
        en: `publication on ${options.publishedOn} is after the statutory deadline ${due}`,
      },
    });
  }
  return findings;
}

export const passes = (findings: readonly ReportFinding[]): boolean => findings.every((f) => f.severity !== 'error');
