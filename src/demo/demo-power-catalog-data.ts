// The Yueyang bureau's power catalog (职权目录: the 120 powers the 2013 report names), its service guides
// (业务工作流程) and the yearly figures of table 二, generated from templates. Pure data —
// src/demo/demo-publishing.ts writes it.
import type { PowerType } from '../modules/power-catalog/index.ts';

// ——— the power catalog (职权目录) and workflows (业务工作流程) ———

const POWER_NAMES: Record<PowerType, string[]> = {
  licence: [
    '劳务派遣经营许可',
    '人力资源服务许可',
    '职业中介机构设立许可',
    '民办职业培训机构设立许可',
    '企业实行不定时工作制和综合计算工时工作制审批',
    '台港澳人员就业许可',
    '外国人入境就业许可',
    '技工学校设立审批',
  ],
  penalty: [],
  coercion: [
    '查封、扣押用人单位隐匿的社会保险费相关资料',
    '申请人民法院强制执行社会保险费',
    '冻结欠缴社会保险费单位账户的申请',
  ],
  levy: ['征收基本养老保险费', '征收失业保险费', '征收工伤保险费', '征收生育保险费'],
  benefit: [
    '失业保险金给付',
    '工伤保险待遇给付',
    '生育保险待遇给付',
    '基本养老金给付',
    '丧葬补助金和抚恤金给付',
    '社会保险补贴',
    '职业培训补贴',
    '职业技能鉴定补贴',
    '小额担保贷款贴息',
    '岗位补贴',
    '就业见习补贴',
    '一次性创业补贴',
    '城乡居民养老保险待遇给付',
    '被征地农民社会保障待遇给付',
  ],
  inspection: [
    '劳动保障监察日常巡视检查',
    '用人单位遵守劳动合同制度情况检查',
    '工资支付情况检查',
    '社会保险费缴纳情况检查',
    '职业中介机构检查',
    '劳务派遣单位年度经营情况检查',
    '民办职业培训机构检查',
    '人力资源市场秩序检查',
    '用人单位禁止使用童工情况检查',
    '社会保险基金管理使用情况检查',
  ],
  confirmation: [
    '工伤认定',
    '劳动能力鉴定',
    '视同缴费年限认定',
    '特殊工种提前退休审核',
    '因病提前退休审核',
    '职业资格证书核发',
    '专业技术职务任职资格评审',
    '机关事业单位工作人员工资审核',
    '企业职工退休审批',
    '就业困难人员认定',
    '失业登记',
    '就业登记',
    '社会保险登记',
    '高校毕业生就业报到',
    '人事档案接收审核',
    '养老保险关系转移接续确认',
    '医疗保险关系转移接续确认',
    '工龄认定',
    '技能等级认定',
    '流动人员人事档案托管确认',
  ],
  reward: [
    '劳动模范推荐评选',
    '高技能人才评选表彰',
    '人力资源和社会保障系统先进集体表彰',
    '就业创业工作先进单位表彰',
    '优秀专业技术人才评选',
    '劳动保障诚信示范单位评定',
  ],
  adjudication: ['劳动人事争议仲裁', '人事争议调解'],
  other: [
    '政府信息公开申请答复',
    '劳动保障投诉举报受理',
    '行政复议受理',
    '12345热线工单办理',
    '市长信箱来信办理',
    '人力资源市场信息发布',
    '职业技能鉴定考务组织',
    '人事考试考务组织',
  ],
};
const VIOLATIONS = [
  '未依法订立书面劳动合同',
  '克扣或者无故拖欠劳动者工资',
  '违反工作时间和休息休假规定',
  '非法使用童工',
  '未按规定缴纳社会保险费',
  '骗取社会保险待遇',
  '违反女职工和未成年工特殊劳动保护规定',
  '无理抗拒、阻挠劳动保障监察',
  '未按规定建立职工名册',
  '违法收取劳动者押金',
  '扣押劳动者居民身份证等证件',
  '违反劳务派遣规定',
  '未经许可擅自从事职业中介活动',
  '提供虚假招聘信息',
  '伪造、变造社会保险登记证',
];
const SUBJECTS = ['用人单位', '职业中介机构', '劳务派遣单位'];
POWER_NAMES.penalty = VIOLATIONS.flatMap((v) => SUBJECTS.map((s) => `对${s}${v}的处罚`));

const TYPE_CODES: Record<PowerType, string> = {
  licence: 'XK',
  penalty: 'CF',
  coercion: 'QZ',
  levy: 'ZS',
  benefit: 'JF',
  inspection: 'JC',
  confirmation: 'QR',
  reward: 'JL',
  adjudication: 'CJ',
  other: 'QT',
};
const TYPE_UNITS: Record<PowerType, string> = {
  licence: '劳动关系科',
  penalty: '劳动保障监察支队',
  coercion: '劳动保障监察支队',
  levy: '社会保险经办机构',
  benefit: '社会保险科',
  inspection: '劳动保障监察支队',
  confirmation: '社会保险科',
  reward: '办公室',
  adjudication: '政策法规科',
  other: '政策法规科',
};
const LEGAL: Record<PowerType, string> = {
  licence: '《中华人民共和国劳动合同法》《中华人民共和国就业促进法》及相关行政法规',
  penalty: '《劳动保障监察条例》《中华人民共和国劳动合同法》《中华人民共和国社会保险法》',
  coercion: '《中华人民共和国社会保险法》第六十三条',
  levy: '《社会保险费征缴暂行条例》',
  benefit: '《中华人民共和国社会保险法》《失业保险条例》《工伤保险条例》',
  inspection: '《劳动保障监察条例》第十五条',
  confirmation: '《工伤保险条例》及国家和省有关规定',
  reward: '国家和省有关表彰奖励规定',
  adjudication: '《中华人民共和国劳动争议调解仲裁法》',
  other: '《中华人民共和国政府信息公开条例》等',
};

export interface DemoPower {
  code: string;
  name: string;
  type: PowerType;
  unit: string;
  legalBasis: string;
}

export function demoPowers(): DemoPower[] {
  const out: DemoPower[] = [];
  for (const type of Object.keys(POWER_NAMES) as PowerType[]) {
    POWER_NAMES[type].forEach((name, i) =>
      out.push({
        code: `${TYPE_CODES[type]}-${String(i + 1).padStart(3, '0')}`,
        name,
        type,
        unit: TYPE_UNITS[type],
        legalBasis: LEGAL[type],
      }),
    );
  }
  return out;
}

const SERVICES = [
  '就业失业登记',
  '就业创业证申领',
  '职业技能鉴定报名',
  '社会保障卡申领',
  '社会保险关系转移',
  '养老保险待遇申领',
  '异地就医备案',
  '工伤认定申请',
  '失业保险金申领',
  '流动人员档案托管',
  '人才引进',
];
const SERVICE_WAYS = ['（个人办理）', '（单位办理）', '（网上办理）'];

export interface DemoGuide {
  name: string;
  powerCode: string | null;
  unit: string;
  steps: string;
}

/** 153 workflows: one for each of the 120 powers, and 33 for public services. */
export function demoGuides(powers: readonly DemoPower[]): DemoGuide[] {
  const guides: DemoGuide[] = powers.map((p) => ({
    name: `${p.name}工作流程`,
    powerCode: p.code,
    unit: p.unit,
    steps:
      p.type === 'penalty'
        ? '立案\n调查取证\n告知陈述申辩权利\n作出处罚决定\n送达与执行'
        : '申请\n受理\n审查\n决定\n送达',
  }));
  for (const s of SERVICES)
    for (const w of SERVICE_WAYS)
      guides.push({
        name: `${s}${w}`,
        powerCode: null,
        unit: '社会保险经办机构',
        steps: '提交申请材料\n窗口受理\n审核\n办结并告知结果',
      });
  return guides;
}

/** Table 二's yearly figures (decisions; fee income in fen). Invented, plausible. */
export const FIGURES: Record<number, { licence: number; penalty: number; coercion: number; fee: number }> = {
  2012: { licence: 118, penalty: 35, coercion: 1, fee: 0 },
  2013: { licence: 126, penalty: 38, coercion: 0, fee: 0 },
  2024: { licence: 142, penalty: 27, coercion: 2, fee: 123_500_000 },
  2025: { licence: 155, penalty: 31, coercion: 1, fee: 118_000_000 },
};
