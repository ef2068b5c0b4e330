// The roles of the platform. Business roles do the disclosure work; the three admin roles keep
// the system running and are separated (三员分立): none of them may touch content, and one
// person may not hold two of them.
import { defineMessages } from './i18n/i18n.ts';

export const roles = [
  'drafter',
  'unit_head',
  'confidentiality_reviewer',
  'disclosure_officer',
  'leader_in_charge',
  'principal_leader',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof roles)[number];

export const adminRoles: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
export const contentRoles: readonly Role[] = roles.filter((r) => !adminRoles.includes(r));
/** Roles that reach applicants' and letter writers' personal data (the cases of the
 *  applications module, the mailbox of the channels module): each grant of one is listed for the
 *  audit administrator (/admin/audit/personal-data) beside every reveal of personal data. */
export const personalDataRoles: readonly Role[] = [
  'drafter',
  'unit_head',
  'disclosure_officer',
  'leader_in_charge',
  'principal_leader',
  'supervisor',
];
/** Roles whose scope is one unit of the agency rather than the whole agency. */
export const unitScopedRoles: readonly Role[] = ['drafter', 'unit_head'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export const roleMessages = defineMessages({
  'role.drafter': { zh: '信息员', en: 'Drafter' },
  'role.unit_head': { zh: '科室（单位）负责人', en: 'Unit head' },
  'role.confidentiality_reviewer': { zh: '保密审查员', en: 'Confidentiality reviewer' },
  'role.disclosure_officer': { zh: '信息公开工作人员', en: 'Disclosure officer' },
  'role.leader_in_charge': { zh: '分管领导', en: 'Leader in charge' },
  'role.principal_leader': { zh: '主要领导', en: 'Principal leader' },
  'role.supervisor': { zh: '监督考核人员', en: 'Supervisor' },
  'role.system_admin': { zh: '系统管理员', en: 'System administrator' },
  'role.security_admin': { zh: '安全管理员', en: 'Security administrator' },
  'role.audit_admin': { zh: '安全审计员', en: 'Audit administrator' },
});
