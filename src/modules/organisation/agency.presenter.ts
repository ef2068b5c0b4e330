// Agency and unit rows → what the organisation pages show (docs/conventions.md#presenters).
import type { TreeNode } from './agency-tree.ts';
import type { AgencyRow, UnitRow } from './organisation.table.ts';

/** An agency or unit named in a title or an action. */
export interface OrgRef {
  readonly id: number;
  readonly name: string;
}

export interface AgencyTreeItem {
  readonly id: number;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly code: string;
  readonly children: readonly AgencyTreeItem[];
}

export interface AgencyDetails {
  readonly id: number;
  readonly name: string;
  readonly shortName: string | null;
  readonly code: string;
  readonly level: string;
  readonly kind: string;
  readonly parentId: number | null;
  readonly creditCode: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly phone: string | null;
  readonly fax: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly websiteCode: string | null;
  readonly icpNumber: string | null;
  readonly psbNumber: string | null;
  readonly officeHours: string | null;
  readonly indexNumberTemplate: string;
}

export interface UnitItem {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly active: boolean;
  readonly duties: string | null;
  /** The agency's disclosure office (信息公开工作机构). */
  readonly disclosureOffice: boolean;
}

export function presentRef(row: { id: number; name: string }): OrgRef {
  return { id: row.id, name: row.name };
}

export function presentAgencyTree(nodes: readonly TreeNode<AgencyRow>[]): AgencyTreeItem[] {
  return nodes.map(({ agency: a, children }) => ({
    id: a.id,
    name: a.name,
    level: a.level,
    kind: a.kind,
    code: a.code,
    children: presentAgencyTree(children),
  }));
}

export function presentAgency(a: AgencyRow): AgencyDetails {
  return {
    id: a.id,
    name: a.name,
    shortName: a.short_name,
    code: a.code,
    level: a.level,
    kind: a.kind,
    parentId: a.parent_id,
    creditCode: a.credit_code,
    address: a.address,
    postcode: a.postcode,
    phone: a.phone,
    fax: a.fax,
    email: a.email,
    website: a.website,
    websiteCode: a.website_code,
    icpNumber: a.icp_number,
    psbNumber: a.psb_number,
    officeHours: a.office_hours,
    indexNumberTemplate: a.index_number_template,
  };
}

export function presentUnits(units: readonly UnitRow[], agency: AgencyRow): UnitItem[] {
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    active: u.active === 1,
    duties: u.duties,
    disclosureOffice: u.id === agency.disclosure_office_unit_id,
  }));
}
