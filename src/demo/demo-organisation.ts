// The demo organisation: the Yueyang city government, its Human Resources and Social Security
// Bureau as the fixture report describes it (政策法规科 runs disclosure; contact line of the
// report), and two county bureaus it supervises. Person names are invented.
import type { Role } from '../platform/roles.ts';

export interface DemoAgency {
  code: string;
  name: string;
  short_name: string;
  level: 'city' | 'county';
  kind: 'government' | 'department';
  parent: string | null;
  credit_code: string;
  address?: string;
  postcode?: string;
  phone?: string;
  fax?: string;
  email?: string;
  office_hours?: string;
  website?: string;
  /** The public site's footer (the host agency): 网站标识码, ICP 备案号, 公安备案号. Invented numbers. */
  website_code?: string;
  icp_number?: string;
  psb_number?: string;
  units: { name: string; kind: 'department' | 'subordinate'; duties?: string }[];
  disclosureOffice?: string;
}

export const demoAgencies: DemoAgency[] = [
  {
    code: 'yueyang',
    name: '岳阳市人民政府',
    short_name: '岳阳市政府',
    level: 'city',
    kind: 'government',
    parent: null,
    credit_code: '114306000061971233',
    address: '岳阳市岳阳楼区金鹗中路市政府大楼',
    postcode: '414000',
    phone: '0730-8888001',
    fax: '0730-8888002',
    email: 'zwgk@yueyang.gov.cn',
    office_hours: '周一至周五 上午8:00-12:00，下午14:30-17:30（法定节假日除外）',
    website: 'www.yueyang.gov.cn',
    website_code: '4306000001',
    icp_number: '湘ICP备2026000001号',
    psb_number: '湘公网安备43060202000001号',
    units: [{ name: '市政府办公室', kind: 'department', duties: '政府信息公开工作主管部门' }],
    disclosureOffice: '市政府办公室',
  },
  {
    code: 'yueyang-hrss',
    name: '岳阳市人力资源和社会保障局',
    short_name: '岳阳市人社局',
    level: 'city',
    kind: 'department',
    parent: 'yueyang',
    credit_code: '11430600MB15348729',
    // The contact line of the fixture report (2013).
    address: '岳阳市湘北人才市场大楼705室',
    postcode: '414000',
    phone: '0731-8251965',
    fax: '0730-8251966',
    email: 'xxgk@rsj.yueyang.gov.cn',
    office_hours: '周一至周五 上午8:00-12:00，下午14:30-17:30（法定节假日除外）',
    website: 'rsj.yueyang.gov.cn',
    units: [
      { name: '办公室', kind: 'department', duties: '机关日常运转、保密、机要' },
      { name: '政策法规科', kind: 'department', duties: '政策研究、依法行政、政府信息公开' },
      { name: '就业促进科', kind: 'department', duties: '就业再就业、社保补贴' },
      { name: '劳动关系科', kind: 'department', duties: '劳务派遣行政许可、劳动合同' },
      { name: '工资福利科', kind: 'department', duties: '机关事业单位工资晋升' },
      { name: '社会保险科', kind: 'department', duties: '小集体企业参保、失业保险' },
      { name: '专业技术人员管理科', kind: 'department', duties: '职称评审、专业技术考试' },
      { name: '公务员管理科', kind: 'department', duties: '公务员招考' },
      { name: '人事考试院', kind: 'subordinate', duties: '公务员、事业单位、三支一扶、职称计算机考试考务' },
      { name: '湘北人才市场', kind: 'subordinate', duties: '人才服务、微信官网' },
      { name: '社会保险经办机构', kind: 'subordinate', duties: '社会保险经办服务窗口' },
      { name: '就业服务局', kind: 'subordinate', duties: '公共就业服务' },
      { name: '劳动保障监察支队', kind: 'subordinate', duties: '劳动保障监察' },
      { name: '信息中心', kind: 'subordinate', duties: '网站和电子显示屏维护' },
    ],
    disclosureOffice: '政策法规科',
  },
  {
    code: 'yueyang-county-hrss',
    name: '岳阳县人力资源和社会保障局',
    short_name: '岳阳县人社局',
    level: 'county',
    kind: 'department',
    parent: 'yueyang-hrss',
    credit_code: '11430621006231456N',
    address: '岳阳县荣家湾镇建设南路68号县人社局一楼政务公开窗口',
    postcode: '414100',
    phone: '0730-7621234',
    fax: '0730-7621235',
    email: 'xxgk@yyxrsj.gov.cn',
    office_hours: '周一至周五 上午8:30-12:00，下午14:30-17:30（法定节假日除外）',
    units: [
      { name: '办公室', kind: 'department', duties: '政府信息公开' },
      { name: '就业服务中心', kind: 'subordinate' },
    ],
    disclosureOffice: '办公室',
  },
  {
    code: 'huarong-hrss',
    name: '华容县人力资源和社会保障局',
    short_name: '华容县人社局',
    level: 'county',
    kind: 'department',
    parent: 'yueyang-hrss',
    credit_code: '11430623MB1A12345C',
    address: '华容县章华镇华容大道198号县政务服务中心三楼人社窗口',
    postcode: '414200',
    phone: '0730-4221234',
    fax: '0730-4221235',
    email: 'xxgk@hrxrsj.gov.cn',
    office_hours: '周一至周五 上午8:00-12:00，下午14:30-17:30（法定节假日除外）',
    units: [
      { name: '办公室', kind: 'department', duties: '政府信息公开' },
      { name: '社会保险服务中心', kind: 'subordinate' },
    ],
    disclosureOffice: '办公室',
  },
];

export interface DemoUser {
  username: string;
  display_name: string;
  job_title: string;
  agency: string;
  unit?: string;
  role: Role;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', display_name: '系统管理员', job_title: '系统管理员', agency: 'yueyang', role: 'system_admin' },
  {
    username: 'secadmin',
    display_name: '安全管理员',
    job_title: '安全保密管理员',
    agency: 'yueyang',
    role: 'security_admin',
  },
  { username: 'auditor', display_name: '安全审计员', job_title: '安全审计员', agency: 'yueyang', role: 'audit_admin' },
  {
    username: 'drafter',
    display_name: '赵敏',
    job_title: '信息员',
    agency: 'yueyang-hrss',
    unit: '就业促进科',
    role: 'drafter',
  },
  {
    username: 'unithead',
    display_name: '钱立新',
    job_title: '就业促进科科长',
    agency: 'yueyang-hrss',
    unit: '就业促进科',
    role: 'unit_head',
  },
  {
    username: 'reviewer',
    display_name: '孙文静',
    job_title: '办公室副主任（保密审查）',
    agency: 'yueyang-hrss',
    unit: '办公室',
    role: 'confidentiality_reviewer',
  },
  {
    username: 'officer',
    display_name: '李红',
    job_title: '政策法规科科员',
    agency: 'yueyang-hrss',
    unit: '政策法规科',
    role: 'disclosure_officer',
  },
  { username: 'leader', display_name: '周建华', job_title: '副局长', agency: 'yueyang-hrss', role: 'leader_in_charge' },
  { username: 'chief', display_name: '吴志刚', job_title: '局长', agency: 'yueyang-hrss', role: 'principal_leader' },
  {
    username: 'supervisor',
    display_name: '郑芳',
    job_title: '政策法规科科长',
    agency: 'yueyang-hrss',
    unit: '政策法规科',
    role: 'supervisor',
  },
  // The disclosure office's own head approves what the office drafts (e.g. the annual report).
  {
    username: 'officehead',
    display_name: '刘伟',
    job_title: '政策法规科副科长（主持信息公开工作）',
    agency: 'yueyang-hrss',
    unit: '政策法规科',
    role: 'unit_head',
  },
  {
    username: 'yyx-officer',
    display_name: '王磊',
    job_title: '办公室主任',
    agency: 'yueyang-county-hrss',
    unit: '办公室',
    role: 'disclosure_officer',
  },
  {
    username: 'hr-officer',
    display_name: '冯静',
    job_title: '办公室科员',
    agency: 'huarong-hrss',
    unit: '办公室',
    role: 'disclosure_officer',
  },
];

/** The county bureaus' annual-report signers: the head of each disclosure office, its
 *  confidentiality reviewer, the deputy director in charge and the director. The demo opens them
 *  with the reports it publishes (demo-reports.ts); each county's disclosure officer is above. */
export const countyReportSigners: DemoUser[] = [
  ...countySigners(
    'yueyang-county-hrss',
    'yyx',
    ['何丽', '办公室副主任（主持信息公开工作）'],
    ['陈晓燕', '办公室保密员'],
    '彭志军',
    '易建平',
  ),
  ...countySigners(
    'huarong-hrss',
    'hr',
    ['汤敏', '办公室主任'],
    ['黎静', '办公室副主任（保密审查）'],
    '严卫东',
    '蔡志明',
  ),
];

function countySigners(
  agency: string,
  prefix: string,
  head: readonly [string, string],
  reviewer: readonly [string, string],
  leader: string,
  chief: string,
): DemoUser[] {
  return [
    {
      username: `${prefix}-officehead`,
      display_name: head[0],
      job_title: head[1],
      agency,
      unit: '办公室',
      role: 'unit_head',
    },
    {
      username: `${prefix}-reviewer`,
      display_name: reviewer[0],
      job_title: reviewer[1],
      agency,
      unit: '办公室',
      role: 'confidentiality_reviewer',
    },
    {
      username: `${prefix}-leader`,
      display_name: leader,
      job_title: '副局长',
      agency,
      unit: '办公室',
      role: 'leader_in_charge',
    },
    {
      username: `${prefix}-chief`,
      display_name: chief,
      job_title: '局长',
      agency,
      unit: '办公室',
      role: 'principal_leader',
    },
  ];
}

/** The leading group as the fixture describes it: chaired by the director, the deputy
 *  directors as vice-chairs, heads of units as members — adjusted in 2013 after a change of
 *  leadership (“根据领导变动，及时调整了…领导小组”). */
export const demoLeadingGroup = [
  { person_name: '陈国平', position: 'chair', job_title: '局长', from_date: '2010-03-01', to_date: '2013-05-31' },
  { person_name: '吴志刚', position: 'chair', job_title: '局长', from_date: '2013-06-01', to_date: null },
  { person_name: '周建华', position: 'vice_chair', job_title: '副局长', from_date: '2011-01-01', to_date: null },
  { person_name: '黄海燕', position: 'vice_chair', job_title: '副局长', from_date: '2013-06-01', to_date: null },
  { person_name: '郑芳', position: 'member', job_title: '政策法规科科长', from_date: '2012-01-01', to_date: null },
  { person_name: '钱立新', position: 'member', job_title: '就业促进科科长', from_date: '2012-01-01', to_date: null },
  { person_name: '孙文静', position: 'member', job_title: '办公室副主任', from_date: '2013-06-01', to_date: null },
] as const;
