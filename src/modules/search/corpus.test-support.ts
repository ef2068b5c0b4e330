// A generator of realistic government-disclosure texts (titles, document numbers, HTML bodies)
// from templates, seeded so tests and the bench are reproducible. Used by the search tests and
// by bench/search.

export { seededRandom } from '../../platform/seeded-random.ts';
import { seededRandom } from '../../platform/seeded-random.ts';

const places = [
  '岳阳市',
  '岳阳楼区',
  '云溪区',
  '君山区',
  '岳阳县',
  '华容县',
  '湘阴县',
  '平江县',
  '汨罗市',
  '临湘市',
  '屈原管理区',
  '经济技术开发区',
];
const agencies = [
  '人力资源和社会保障局',
  '财政局',
  '教育局',
  '卫生健康委员会',
  '民政局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '市场监督管理局',
  '生态环境局',
  '医疗保障局',
  '应急管理局',
];
const prefixes = [
  '岳人社发',
  '岳人社函',
  '岳财发',
  '岳教发',
  '岳卫发',
  '岳民发',
  '岳建发',
  '岳交发',
  '岳农发',
  '岳市监发',
  '岳环发',
  '岳医保发',
  '岳政办发',
];
const subjects = [
  '社会保险',
  '社保补贴',
  '养老保险',
  '失业保险',
  '工伤保险',
  '医疗保险',
  '就业创业',
  '职业技能培训',
  '高校毕业生就业',
  '农民工工资',
  '劳动合同',
  '人才引进',
  '事业单位公开招聘',
  '专业技术职称评审',
  '最低工资标准',
  '城乡居民基本养老保险',
  '创业担保贷款',
  '公益性岗位',
  '劳动保障监察',
  '企业退休人员基本养老金',
  '住房公积金',
  '棚户区改造',
  '义务教育',
  '学前教育',
  '城乡低保',
  '特困人员供养',
  '残疾人两项补贴',
  '农村危房改造',
  '食品安全',
  '安全生产',
  '河长制',
  '大气污染防治',
  '政府信息公开',
  '行政审批制度改革',
  '优化营商环境',
  '乡村振兴',
  '工伤认定',
  '劳动能力鉴定',
  '技工院校招生',
  '职业技能等级认定',
  '退役军人安置',
  '家政服务',
  '养老服务机构',
  '殡葬改革',
  '婚姻登记',
  '社会组织登记',
  '城市燃气安全',
  '物业管理',
  '建筑施工安全',
  '老旧小区改造',
  '公共租赁住房',
  '道路运输',
  '农村公路养护',
  '公交优先',
  '出租汽车',
  '水路运输',
  '高标准农田建设',
  '动物防疫',
  '农药残留监测',
  '耕地保护',
  '农民专业合作社',
  '种子质量',
  '渔业资源保护',
  '森林防火',
  '湿地保护',
  '洞庭湖生态',
  '药品零售',
  '医疗器械监管',
  '特种设备',
  '计量检定',
  '个体工商户',
  '网络交易',
  '价格监督检查',
  '知识产权保护',
  '标准化建设',
  '广告监测',
  '长江禁渔',
  '饮用水水源地',
  '土壤污染防治',
  '排污许可',
  '固体废物',
  '噪声污染',
  '环境影响评价',
  '碳达峰',
  '医保目录',
  '异地就医直接结算',
  '门诊慢特病',
  '药品集中带量采购',
  '医疗救助',
  '防汛抗旱',
  '地质灾害防治',
  '危险化学品',
  '消防安全',
  '应急物资储备',
  '校外培训治理',
  '教师资格认定',
];
const kinds = ['通知', '实施意见', '实施方案', '暂行办法', '管理办法', '公告', '通告', '工作要点', '情况报告', '批复'];
const leads = ['关于印发', '关于做好', '关于开展', '关于进一步加强', '关于调整', '关于公布', '关于规范', '关于落实'];
const years = [
  2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
];
const openers = [
  '各县市区人民政府，市直各有关单位：',
  '各有关单位：',
  '各县市区人力资源和社会保障局：',
  '市直各部门：',
];
const sentences = [
  '为深入贯彻落实党中央、国务院关于{s}工作的决策部署，结合我市实际，现就有关事项通知如下。',
  '{p}要切实加强组织领导，明确责任分工，确保{s}各项政策落到实处。',
  '各地要加大{s}政策宣传力度，通过政府网站、政务新媒体、公开栏等渠道及时公开相关信息。',
  '对符合条件的人员，按照每人每月{n}元的标准发放补贴，所需资金从就业专项资金中列支。',
  '本办法自{y}年{m}月{d}日起施行，有效期五年，原《{s}管理办法》同时废止。',
  '申请人应当提交身份证明、劳动合同等材料，经审核后在{n}个工作日内办结。',
  '各单位要建立健全{s}工作台账，每季度末将工作进展情况报送市{a}。',
  '对工作中发现的问题，要及时整改，整改情况纳入年度绩效考核。',
  '咨询电话：0730-{t}，监督电话：12345。',
  '{y}年全市共受理{s}申请{n}件，办结率达到{q}%，群众满意度明显提升。',
  '依据《中华人民共和国政府信息公开条例》第二十条的规定，主动公开本文件。',
  '请于{y}年{m}月{d}日前将汇总材料报送，逾期不报视为放弃。',
  'GDP增长{q}%，城镇新增就业{n}人，CPI涨幅控制在3%以内。',
  '附件：{s}申请表（样表）、{s}办理流程图。',
];
const keywordPool = ['社保', '就业', '补贴', '养老', '医保', '培训', '人才', '招聘', '工资', '创业', '公开', '审批'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** Skewed towards the head of the list, as real topics are (a few common, many rare). */
function pickSkewed<T>(rnd: () => number, list: readonly T[]): T {
  const r = rnd();
  return list[Math.floor(r * r * list.length)]!;
}

export interface GeneratedItem {
  title: string;
  documentNumber: string | null;
  summary: string | null;
  bodyHtml: string;
  keywords: string | null;
  agencyIndex: number;
  category: string;
  publicationDate: string;
  attachmentText: string | null;
}

const categories = [
  'work_news',
  'notice',
  'normative_document',
  'policy_interpretation',
  'personnel',
  'licensing_result',
  'other',
];

export function generateItem(
  rnd: () => number,
  options: { sentences?: number; agencies?: number } = {},
): GeneratedItem {
  const year = pick(rnd, years);
  const subject = pickSkewed(rnd, subjects);
  const p = pick(rnd, places);
  const a = pick(rnd, agencies);
  const kind = pick(rnd, kinds);
  const lead = pick(rnd, leads);
  const title = rnd() < 0.5 ? `${lead}${p}${subject}${kind}的通知` : `${p}${a}${lead}${subject}工作的${kind}`;
  const documentNumber = rnd() < 0.6 ? `${pick(rnd, prefixes)}〔${year}〕${1 + Math.floor(rnd() * 120)}号` : null;
  const count = options.sentences ?? 3 + Math.floor(rnd() * 5);
  const fill = (s: string) =>
    s
      .replaceAll('{s}', pickSkewed(rnd, subjects))
      .replaceAll('{p}', pick(rnd, places))
      .replaceAll('{a}', pick(rnd, agencies))
      .replaceAll('{n}', String(10 + Math.floor(rnd() * 990)))
      .replaceAll('{q}', String(50 + Math.floor(rnd() * 50)))
      .replaceAll('{t}', String(8000000 + Math.floor(rnd() * 999999)))
      .replaceAll('{y}', String(year))
      .replaceAll('{m}', String(1 + Math.floor(rnd() * 12)))
      .replaceAll('{d}', String(1 + Math.floor(rnd() * 28)));
  const paragraphs: string[] = [`<p>${pick(rnd, openers)}</p>`];
  for (let i = 0; i < count; i++)
    paragraphs.push(`<p>${fill(pick(rnd, sentences)).replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`);
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  return {
    title,
    documentNumber,
    summary: rnd() < 0.3 ? fill('为做好{s}工作，现将有关事项予以公开。') : null,
    bodyHtml: paragraphs.join(''),
    keywords: rnd() < 0.5 ? `${pick(rnd, keywordPool)},${pick(rnd, keywordPool)}` : null,
    agencyIndex: Math.floor(rnd() * (options.agencies ?? 1)),
    category: pick(rnd, categories),
    publicationDate: `${year}-${month}-${day}`,
    attachmentText: rnd() < 0.1 ? fill('{s}申请表 姓名 身份证号 联系电话 申请事项 {s}') : null,
  };
}
