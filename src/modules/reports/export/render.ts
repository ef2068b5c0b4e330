// One entry point from a computed report to a file's bytes, shared by the CLI and the console.
import type { BuiltReport } from '../report-builder.ts';
import type { ReportFileFormat } from '../report-formats.ts';
import { reportView } from '../report-view.ts';
import { reportDocx } from './docx.ts';
import { reportHtmlDocument } from './html.ts';
import { reportXlsx } from './xlsx.ts';

export async function renderReport(built: BuiltReport, format: ReportFileFormat): Promise<Buffer | string> {
  if (format === 'json') return JSON.stringify(built.report, null, 2) + '\n';
  const view = reportView(built.report, built.template, built.unavailable);
  if (format === 'html') return reportHtmlDocument(view);
  if (format === 'docx') return reportDocx(view);
  return reportXlsx(view);
}
