// The agencies as the public pages show them: the directory (a tree under the parent agencies
// that are listed, with each agency's count of public items) and the guide's contact data.
import type { AgencyRow } from '../organisation/index.ts';

export interface AgencyDirectoryEntry {
  readonly code: string;
  readonly name: string;
  /** Public items it published. */
  readonly items: number;
  /** Address and phone, as one line; null when it has neither. */
  readonly contact: string | null;
  readonly children: readonly AgencyDirectoryEntry[];
}

/** The directory's top level. An agency whose parent is not listed stands at the top. */
export function presentAgencyDirectory(
  agencies: readonly AgencyRow[],
  counts: ReadonlyMap<number, number>,
): AgencyDirectoryEntry[] {
  const byParent = new Map<number | null, AgencyRow[]>();
  const ids = new Set(agencies.map((a) => a.id));
  for (const a of agencies) {
    const parent = a.parent_id !== null && ids.has(a.parent_id) ? a.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), a]);
  }
  const level = (parent: number | null): AgencyDirectoryEntry[] =>
    (byParent.get(parent) ?? []).map((a) => ({
      code: a.code,
      name: a.name,
      items: counts.get(a.id) ?? 0,
      contact: a.phone || a.address ? [a.address, a.phone].filter(Boolean).join(' · ') : null,
      children: level(a.id),
    }));
  return level(null);
}

/** The disclosure office's contact data on the guide (指南). */
export interface GuideAgency {
  readonly code: string;
  readonly name: string;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly phone: string | null;
  readonly fax: string | null;
  readonly email: string | null;
  readonly officeHours: string | null;
}

export function presentGuideAgency(a: AgencyRow): GuideAgency {
  return {
    code: a.code,
    name: a.name,
    address: a.address,
    postcode: a.postcode,
    phone: a.phone,
    fax: a.fax,
    email: a.email,
    officeHours: a.office_hours,
  };
}
