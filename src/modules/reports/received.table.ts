import type { Generated, Selectable } from 'kysely';

/** A report received from an agency and checked (see migrations/20261129090000_received_reports.ts). */
export interface ReceivedReportTable {
  id: Generated<number>;
  agency_id: number;
  report_year: number;
  /** json | xlsx | html | docx, as detected from the content. */
  file_format: string;
  filename: string;
  sha256: string;
  file_size: number;
  title: string | null;
  /** 1 when every identity of docs/domain/annual-report.md#arithmetic holds. */
  passes: number;
  error_count: number;
  /** The checker's findings (CheckFinding[]). */
  findings_json: string;
  /** The figures read from tables 二/三/四, in the schema's JSON shape. */
  figures_json: string;
  /** The date the agency published it; null for a draft sent for review. */
  published_on: string | null;
  received_on: string;
  received_by: number | null;
  created_at: string;
}

export type ReceivedReportRow = Selectable<ReceivedReportTable>;
