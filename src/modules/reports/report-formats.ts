// Which form an annual report follows (its template: 2008, 2019 or 2021) and which files it is
// rendered to: names only, apart from the builder and the renderers, so that the command line can
// check its options without loading them (`gongkai report check` loads neither; ADR 0017).
export const REPORT_TEMPLATES = ['2008', '2019', '2021'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/** The format a year's report follows unless another is asked for (docs/domain/annual-report.md#which-format). */
export function defaultTemplate(year: number): ReportTemplate {
  if (year < 2019) return '2008';
  if (year <= 2020) return '2019';
  return '2021';
}

export const REPORT_FORMATS = ['json', 'docx', 'xlsx', 'html'] as const;
export type ReportFileFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MIME: Record<ReportFileFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
