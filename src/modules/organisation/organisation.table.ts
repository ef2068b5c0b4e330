import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  level: string;
  kind: string;
  parent_id: number | null;
  credit_code: string | null;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  /** 网站标识码, ICP 备案号, 公安备案号: the public site's footer, when this agency runs it. */
  website_code: string | null;
  icp_number: string | null;
  psb_number: string | null;
  office_hours: string | null;
  disclosure_office_unit_id: number | null;
  index_number_template: Generated<string>;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  kind: string;
  phone: string | null;
  duties: string | null;
  sort_order: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  agency_id: number;
  unit_id: number | null;
  username: string;
  display_name: string;
  job_title: string | null;
  email: string | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  last_sign_in_at: string | null;
  /** Who created the account: that person may not grant it roles (三员分立). */
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  agency_id: number;
  unit_id: number | null;
  granted_by: number | null;
  granted_at: string;
}

export interface LeadingGroupMemberTable {
  id: Generated<number>;
  agency_id: number;
  person_name: string;
  user_id: number | null;
  position: string;
  job_title: string | null;
  from_date: string;
  to_date: string | null;
  created_at: string;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type LeadingGroupMemberRow = Selectable<LeadingGroupMemberTable>;
