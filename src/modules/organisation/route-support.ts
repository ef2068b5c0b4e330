// Small helpers shared by the organisation routes: checkboxes, bilingual issues raised by a handler, the
// option lists of the console's selects, and the page query every list reads.
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, formBody, Text } from '../../platform/http/route-kit.ts';
import type { Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import type { ValidationIssue } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import { buildAgencyTree, flattenAgencyTree } from './agency-tree.ts';
import type { AgencyRow, UnitRow } from './organisation.table.ts';
import type { OptionGroup } from '../../platform/views/components.tsx';

export type { OptionGroup };

/** Roles that let an actor see the organisation pages (organisation.read, organisation.user.read). */
export const ORGANISATION_READERS: readonly Role[] = ['system_admin', 'security_admin'];

/** A console page's query string: `?done=…` after a change, and the agency a list or a new
 *  record starts from (`?agency=`, `?parent=`). Spread into the route's options. */
export const pageQuery = {
  schema: { querystring: Type.Object({ done: Text, agency: Text, parent: Text }) },
  preValidation: firstQueryValues,
};

/** A checkbox of the posted form: present with value "1" when ticked. */
export function checked(req: FastifyRequest, name: string): boolean {
  const value = formBody(req)[name];
  return value === '1' || value === 'on' || (Array.isArray(value) && value.includes('1'));
}

/** An issue in both languages whose message names a field label (as readForm words them). */
export function labelledIssue(field: string, key: string, labelKey: string): ValidationIssue {
  const both = (locale: Locale) => translate(locale, key, { label: translate(locale, labelKey) });
  return { field, message: { zh: both('zh-CN'), en: both('en') } };
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** Agencies as select options, indented by depth in the hierarchy. */
export function agencyOptions(agencies: readonly AgencyRow[]): Option[] {
  return flattenAgencyTree(buildAgencyTree(agencies)).map(({ agency, depth }) => ({
    value: String(agency.id),
    label: `${'　'.repeat(depth)}${agency.name}`,
  }));
}

/** Units grouped under their agency (an <optgroup> per agency). Inactive units are left out
 *  unless one is the current value. */
export function unitGroups(
  agencies: readonly AgencyRow[],
  units: readonly UnitRow[],
  current?: number | null,
): OptionGroup[] {
  const byAgency = new Map<number, UnitRow[]>();
  for (const u of units) {
    if (u.active !== 1 && u.id !== current) continue;
    const list = byAgency.get(u.agency_id) ?? [];
    list.push(u);
    byAgency.set(u.agency_id, list);
  }
  return flattenAgencyTree(buildAgencyTree(agencies))
    .filter(({ agency }) => byAgency.has(agency.id))
    .map(({ agency }) => ({
      label: agency.name,
      options: byAgency.get(agency.id)!.map((u) => ({ value: String(u.id), label: u.name })),
    }));
}

/** Form values as the inputs show them again. */
export type ShownValues = Record<string, string | number | null | undefined>;

export function shown(values: ShownValues, name: string): string {
  const v = values[name];
  return v === null || v === undefined ? '' : String(v);
}
