import type { Generated, Selectable } from 'kysely';

/** An agency's settings for its official notices (migration 20261207110000). */
export interface AgencyNoticeSettingsTable {
  agency_id: number;
  /** 行政复议机关 named in the remedy sentence of reply notices. */
  reconsideration_body: string | null;
  /** 人民法院 named in the remedy sentence. */
  court: string | null;
  /** { reply: '岳人社依公开答', … }: the 字号 prefix per notice kind; missing: the default. */
  prefixes_json: string;
  updated_by: number | null;
  updated_at: string;
}

export interface NoticeNumberSequenceTable {
  agency_id: number;
  prefix: string;
  year: number;
  last_seq: number;
}

export interface NoticeNumberTable {
  id: Generated<number>;
  agency_id: number;
  prefix: string;
  year: number;
  seq: number;
  document_number: string;
  notice_kind: string;
  application_id: number;
  issued_on: string;
  created_at: string;
}

export type AgencyNoticeSettingsRow = Selectable<AgencyNoticeSettingsTable>;
export type NoticeNumberRow = Selectable<NoticeNumberTable>;
