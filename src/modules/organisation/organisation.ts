// Organisation: agencies in a hierarchy, their units, people (users) with roles, and the
// leading group (领导小组) that the annual report names.
import { defineMessages } from '../../platform/i18n/i18n.ts';
import type { FormSpec } from '../../platform/form.ts';
import { roles } from '../../platform/roles.ts';

export const agencyLevels = ['province', 'city', 'county', 'township'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];
/** A people's government (人民政府) reports by 31 March, a department by 31 January (Art. 49). */
export const agencyKinds = ['government', 'department'] as const;
export const unitKinds = ['department', 'subordinate'] as const;
export const leadingGroupPositions = ['chair', 'vice_chair', 'member'] as const;
export type LeadingGroupPosition = (typeof leadingGroupPositions)[number];

export const DEFAULT_INDEX_TEMPLATE = '{agencyCode}/{yyyy}-{seq:5}';

export const organisationMessages = defineMessages({
  'org.agency': { zh: '行政机关', en: 'Agency' },
  'org.agencies': { zh: '行政机关', en: 'Agencies' },
  'org.units': { zh: '科室和局属单位', en: 'Units' },
  'org.users': { zh: '用户', en: 'Users' },
  'org.leading_group': { zh: '政府信息公开工作领导小组', en: 'Leading group for disclosure work' },
  'org.field.code': { zh: '机关简码', en: 'Short code' },
  'org.field.code_hint': {
    zh: '用于网址和命令行，如 yueyang-hrss（小写字母、数字和连字符）',
    en: 'Used in addresses and on the command line, e.g. yueyang-hrss (lower-case letters, digits, hyphens)',
  },
  'org.field.name': { zh: '名称', en: 'Name' },
  'org.field.short_name': { zh: '简称', en: 'Short name' },
  'org.field.level': { zh: '层级', en: 'Level' },
  'org.field.kind': { zh: '机关类型', en: 'Kind of agency' },
  'org.field.parent': { zh: '上级机关', en: 'Parent agency' },
  'org.field.credit_code': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'org.field.credit_code_hint': { zh: '18 位，用于生成索引号', en: '18 characters; used in index numbers' },
  'org.field.address': { zh: '办公地址', en: 'Address' },
  'org.field.postcode': { zh: '邮政编码', en: 'Postcode' },
  'org.field.phone': { zh: '联系电话', en: 'Phone' },
  'org.field.fax': { zh: '传真', en: 'Fax' },
  'org.field.email': { zh: '电子邮箱', en: 'E-mail' },
  'org.field.website': { zh: '网站', en: 'Website' },
  'org.field.office_hours': { zh: '办公时间', en: 'Office hours' },
  'org.field.website_code': { zh: '网站标识码', en: 'Website identification code' },
  'org.field.icp_number': { zh: 'ICP备案号', en: 'ICP filing number' },
  'org.field.psb_number': { zh: '公安备案号', en: 'Public security filing number' },
  'org.field.disclosure_office': { zh: '政府信息公开工作机构', en: 'Disclosure office' },
  'org.field.index_template': { zh: '索引号规则', en: 'Index number template' },
  'org.field.unit_kind': { zh: '单位类型', en: 'Kind of unit' },
  'org.field.duties': { zh: '职责', en: 'Duties' },
  'org.field.username': { zh: '用户名', en: 'Username' },
  'org.field.display_name': { zh: '姓名', en: 'Name' },
  'org.field.job_title': { zh: '职务', en: 'Job title' },
  'org.field.unit': { zh: '所在科室（单位）', en: 'Unit' },
  'org.field.role': { zh: '角色', en: 'Role' },
  'org.field.person_name': { zh: '姓名', en: 'Name' },
  'org.field.position': { zh: '小组职务', en: 'Position in the group' },
  'org.field.from_date': { zh: '起始日期', en: 'From' },
  'org.field.to_date': { zh: '截止日期', en: 'Until' },
  'org.level.province': { zh: '省级', en: 'Province' },
  'org.level.city': { zh: '市级', en: 'City' },
  'org.level.county': { zh: '县级', en: 'County' },
  'org.level.township': { zh: '乡镇级', en: 'Township' },
  'org.kind.government': { zh: '人民政府', en: 'People’s government' },
  'org.kind.department': { zh: '政府部门', en: 'Government department' },
  'org.unit_kind.department': { zh: '内设科室', en: 'Internal department' },
  'org.unit_kind.subordinate': { zh: '局属单位', en: 'Subordinate institution' },
  'org.position.chair': { zh: '组长', en: 'Chair' },
  'org.position.vice_chair': { zh: '副组长', en: 'Vice-chair' },
  'org.position.member': { zh: '成员', en: 'Member' },
  'org.error.code_taken': { zh: '机关简码“{code}”已被使用', en: 'The short code “{code}” is already in use' },
  'org.error.credit_code_taken': {
    zh: '统一社会信用代码已被其他机关使用',
    en: 'Another agency already has this credit code',
  },
  'org.error.credit_code_invalid': {
    zh: '统一社会信用代码校验位不正确，请核对',
    en: 'The unified social credit code fails its check character; check it',
  },
  'org.error.parent_invalid': { zh: '请选择有效的上级机关', en: 'Select a valid parent agency' },
  'org.error.agency_invalid': { zh: '请选择有效的所属机关', en: 'Select a valid agency' },
  'org.error.parent_cycle': {
    zh: '上级机关不能是本机关或其下级机关',
    en: 'The parent cannot be the agency itself or one beneath it',
  },
  'org.error.unit_name_taken': { zh: '本机关已有同名单位', en: 'This agency already has a unit with that name' },
  'org.error.unit_not_in_agency': { zh: '所选单位不属于该机关', en: 'The unit chosen does not belong to this agency' },
  'org.error.username_taken': { zh: '用户名“{username}”已被使用', en: 'The username “{username}” is taken' },
  'org.error.admin_separation': {
    zh: '三员分立：系统管理员、安全管理员、安全审计员不能由同一人兼任，也不能兼任业务角色',
    en: 'Three-admin separation: one person cannot hold two of the admin roles, nor an admin role together with a content role',
  },
  'org.error.role_needs_unit': {
    zh: '信息员和科室负责人角色须指定所在科室',
    en: 'Drafter and unit-head roles need a unit',
  },
  'org.error.creator_cannot_grant': {
    zh: '三员分立：创建该账号的管理员不能为其授予角色',
    en: 'Three-admin separation: whoever created the account cannot grant it roles',
  },
  'org.error.email_for_activation': {
    zh: '请填写本人的电子邮箱：激活码只发送到该邮箱，管理员看不到',
    en: 'Enter the person’s own e-mail address: the activation code is sent there only, never shown to an administrator',
  },
  'org.error.role_exists': { zh: '该用户已有此角色', en: 'The user already has this role' },
  'org.error.role_kind_forbidden': {
    zh: '您不能授予或撤销此类角色',
    en: 'You cannot grant or revoke this kind of role',
  },
  'org.error.date_order': { zh: '截止日期不能早于起始日期', en: 'The end date cannot be before the start date' },
});

export const agencyForm = {
  code: { kind: 'code', label: 'org.field.code', required: true, max: 40 },
  name: { kind: 'text', label: 'org.field.name', required: true, max: 100 },
  short_name: { kind: 'text', label: 'org.field.short_name', max: 40 },
  level: { kind: 'choice', label: 'org.field.level', required: true, choices: agencyLevels },
  kind: { kind: 'choice', label: 'org.field.kind', required: true, choices: agencyKinds },
  parent_id: { kind: 'int', label: 'org.field.parent' },
  credit_code: { kind: 'text', label: 'org.field.credit_code', max: 18 },
  address: { kind: 'text', label: 'org.field.address', max: 200 },
  postcode: { kind: 'postcode', label: 'org.field.postcode' },
  phone: { kind: 'phone', label: 'org.field.phone', max: 40 },
  fax: { kind: 'phone', label: 'org.field.fax', max: 40 },
  email: { kind: 'email', label: 'org.field.email', max: 100 },
  website: { kind: 'text', label: 'org.field.website', max: 200 },
  website_code: { kind: 'text', label: 'org.field.website_code', max: 20 },
  icp_number: { kind: 'text', label: 'org.field.icp_number', max: 60 },
  psb_number: { kind: 'text', label: 'org.field.psb_number', max: 60 },
  office_hours: { kind: 'text', label: 'org.field.office_hours', max: 200 },
  disclosure_office_unit_id: { kind: 'int', label: 'org.field.disclosure_office' },
  index_number_template: { kind: 'text', label: 'org.field.index_template', max: 80 },
} satisfies FormSpec;

export const unitForm = {
  name: { kind: 'text', label: 'org.field.name', required: true, max: 60 },
  kind: { kind: 'choice', label: 'org.field.unit_kind', required: true, choices: unitKinds },
  phone: { kind: 'phone', label: 'org.field.phone', max: 40 },
  duties: { kind: 'text', label: 'org.field.duties', max: 1000 },
  sort_order: { kind: 'int', label: 'org.field.sort_order' },
} satisfies FormSpec;

export const userForm = {
  username: { kind: 'code', label: 'org.field.username', required: true, max: 40 },
  display_name: { kind: 'text', label: 'org.field.display_name', required: true, max: 40 },
  agency_id: { kind: 'int', label: 'org.field.agency', required: true },
  unit_id: { kind: 'int', label: 'org.field.unit' },
  job_title: { kind: 'text', label: 'org.field.job_title', max: 40 },
  email: { kind: 'email', label: 'org.field.email', max: 100 },
} satisfies FormSpec;

/** Editing a user: the username is fixed once created. */
export const userEditForm = {
  display_name: userForm.display_name,
  agency_id: userForm.agency_id,
  unit_id: userForm.unit_id,
  job_title: userForm.job_title,
  email: userForm.email,
} satisfies FormSpec;

export const roleForm = {
  role: { kind: 'choice', label: 'org.field.role', required: true, choices: roles },
  agency_id: { kind: 'int', label: 'org.field.agency', required: true },
  unit_id: { kind: 'int', label: 'org.field.unit' },
} satisfies FormSpec;

export const leadingGroupForm = {
  person_name: { kind: 'text', label: 'org.field.person_name', required: true, max: 40 },
  position: { kind: 'choice', label: 'org.field.position', required: true, choices: leadingGroupPositions },
  job_title: { kind: 'text', label: 'org.field.job_title', max: 60 },
  from_date: { kind: 'date', label: 'org.field.from_date', required: true },
  to_date: { kind: 'date', label: 'org.field.to_date' },
  user_id: { kind: 'int', label: 'org.field.username' },
} satisfies FormSpec;

export const endMembershipForm = {
  to_date: { kind: 'date', label: 'org.field.to_date', required: true },
} satisfies FormSpec;
