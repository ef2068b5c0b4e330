// The two county bureaus' catalogs, 2024 to this year: work news, normative documents (with
// their validity, an attachment and an interpretation linked to the first of each year),
// personnel, budgets and final accounts, licensing results, notices and the bureau's functions.
// Pure data: each entry has its own month and day, and an entry after `until` (the day before the
// demo is loaded) is left out, so the current year holds what was published so far. Every
// title names its year or its bureau, so none repeats. demo-county.ts writes them.
import type { Channel } from '../modules/channels/index.ts';
import type { Validity } from '../modules/publishing/index.ts';

export interface CountyBureau {
  readonly code: string;
  readonly name: string;
  readonly short: string;
  /** Prefix of its document numbers: 岳县人社发〔2025〕2号. */
  readonly docPrefix: string;
  readonly office: string;
  readonly service: string;
  /** Its subjects, so that the two catalogs differ. */
  readonly normative: readonly string[];
  readonly news: readonly ((y: number) => string)[];
}

export const COUNTY_BUREAUS: readonly CountyBureau[] = [
  {
    code: 'yueyang-county-hrss',
    name: '岳阳县人力资源和社会保障局',
    short: '岳阳县人社局',
    docPrefix: '岳县人社发',
    office: '办公室',
    service: '就业服务中心',
    normative: [
      '做好{y}年度就业困难人员认定和援助工作',
      '印发《岳阳县{y}年度就业创业补贴申领办法》',
      '进一步做好{y}年返乡创业扶持工作',
      '规范{y}年度县直事业单位工作人员绩效工资发放',
      '做好{y}年城乡居民基本养老保险缴费工作',
      '印发《岳阳县{y}年度公益性岗位管理办法》',
    ],
    news: [
      (y) => `召开${y}年全县人力资源和社会保障工作会议`,
      (y) => `在荣家湾镇举办${y}年“春风行动”招聘会`,
      (y) => `开展${y}年根治欠薪专项行动`,
      (y) => `组织${y}年农村劳动力转移就业技能培训`,
      (y) => `举办${y}年高校毕业生就业见习对接活动`,
      (y) => `开展${y}年社会保险待遇资格认证进村入户活动`,
    ],
  },
  {
    code: 'huarong-hrss',
    name: '华容县人力资源和社会保障局',
    short: '华容县人社局',
    docPrefix: '华人社发',
    office: '办公室',
    service: '社会保险服务中心',
    normative: [
      '做好{y}年度灵活就业人员参保补贴工作',
      '印发《华容县{y}年度失业保险稳岗返还实施细则》',
      '进一步规范{y}年度工伤保险待遇核定',
      '做好{y}年度企业退休人员社会化管理服务工作',
      '加强{y}年度人力资源市场秩序管理',
      '印发《华容县{y}年度技能培训补贴管理办法》',
    ],
    news: [
      (y) => `召开${y}年全县人社工作暨党风廉政建设会议`,
      (y) => `在治河渡镇开展${y}年就业服务进乡村活动`,
      (y) => `部署${y}年工伤预防宣传工作`,
      (y) => `举办${y}年创业培训（SYB）班`,
      (y) => `开展${y}年劳动保障监察执法检查`,
      (y) => `推进${y}年电子社保卡签发应用`,
    ],
  },
];

export interface CountyItem {
  readonly unit: string;
  readonly title: string;
  readonly documentNumber?: string;
  readonly formationDate: string;
  readonly publicationDate: string;
  readonly category: string;
  readonly art20Item: number | null;
  readonly topic: string;
  readonly genre?: string;
  readonly body: string;
  readonly channels: Channel[];
  /** Normative documents: their validity after 有效 from the formation date. */
  readonly validity?: readonly { validity: Validity; date: string; note: string }[];
  /** A policy interpretation: the number of the document it explains. */
  readonly interprets?: string;
}

/** The years of the county catalogs. */
export const COUNTY_YEARS = [2024, 2025, 2026] as const;

const p = (s: string) => `<p>${s}</p>`;

/** One bureau's items of one year, published on or before `until` (YYYY-MM-DD). */
type Add = (monthDay: string, item: Omit<CountyItem, 'formationDate' | 'publicationDate'>) => void;

export function countyItems(b: CountyBureau, year: number, until: string): CountyItem[] {
  const items: CountyItem[] = [];
  const add: Add = (monthDay, item) => {
    const formationDate = `${year}-${monthDay}`;
    const d = new Date(`${formationDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 2);
    const publicationDate = d.toISOString().slice(0, 10);
    if (publicationDate <= until) items.push({ ...item, formationDate, publicationDate });
  };
  organisationAndBudget(b, year, add);
  normativeDocuments(b, year, until, add);
  personnelAndServices(b, year, add);
  for (const [k, md] of (['01-18', '03-28', '05-26', '07-08', '10-15', '12-02'] as const).entries())
    add(md, {
      unit: k % 2 === 0 ? b.office : b.service,
      title: `${b.short}${b.news[k]!(year)}`,
      category: 'work_news',
      art20Item: null,
      topic: '人社动态',
      body: p(`近日，${b.short}${b.news[k]!(year)}。`) + p('下一步，将继续做好相关工作。'),
      channels: ['own_website', 'weibo'],
    });
  return items.sort((x, y) => x.publicationDate.localeCompare(y.publicationDate));
}

/** The bureau's functions, its budget of the year and its final accounts of the year before. */
function organisationAndBudget(b: CountyBureau, year: number, add: Add): void {
  add('01-10', {
    unit: b.office,
    title: `${b.name}机构职能及内设机构（${year}年）`,
    category: 'other',
    art20Item: 2,
    topic: '机构职能',
    body: p(`${b.name}是县人民政府工作部门，负责全县人力资源和社会保障工作。`) + p('内设办公室等股室。'),
    channels: ['own_website'],
  });
  add('02-10', {
    unit: b.office,
    title: `${b.name}${year}年部门预算公开`,
    category: 'other',
    art20Item: 7,
    topic: '财政预决算',
    body: p(`根据预算法和县财政局的统一部署，现将本局${year}年部门预算予以公开。`) + p('附：部门收支总表等九张表格。'),
    channels: ['own_website', 'government_portal'],
  });
  add('08-20', {
    unit: b.office,
    title: `${b.name}${year - 1}年度部门决算公开`,
    category: 'other',
    art20Item: 7,
    topic: '财政预决算',
    body: p(`现将本局${year - 1}年度部门决算予以公开。`) + p('附：部门决算说明和决算报表。'),
    channels: ['own_website', 'government_portal'],
  });
}

/** Two normative documents a year, the first with its interpretation (linked by its number). */
function normativeDocuments(b: CountyBureau, year: number, until: string, add: Add): void {
  const topic = (k: number) => b.normative[(year - 2024) * 2 + k]!.replace('{y}', String(year));
  const number = (k: number) => `${b.docPrefix}〔${year}〕${k + 1}号`;
  for (const [k, md] of (['03-15', '09-10'] as const).entries()) {
    const validUntil = year === 2024 && k === 1 ? year + 1 : year + 2;
    add(md, {
      unit: b.office,
      title: `关于${topic(k)}的通知`,
      documentNumber: number(k),
      category: 'normative_document',
      art20Item: 1,
      topic: '规范性文件',
      genre: '通知',
      body:
        p(`各乡镇人民政府，县直有关单位：为${topic(k)}，现就有关事项通知如下。`) +
        p('一、明确对象和条件。') +
        p('二、规范经办程序，按时公开办理结果。') +
        p(`三、本通知自印发之日起施行，有效期至${validUntil}年12月31日。`),
      channels: ['own_website', 'government_portal'],
      validity: validityOf(b, year, k).filter((v) => v.date <= until),
    });
    if (k === 0)
      add(md, {
        unit: b.office,
        title: `《关于${topic(k)}的通知》政策解读`,
        category: 'policy_interpretation',
        art20Item: 1,
        topic: '政策解读',
        body:
          p('一、出台背景。') +
          p('二、主要内容。') +
          p('三、适用对象和办理方式。') +
          p('四、咨询电话：县人社局办公室。'),
        channels: ['own_website'],
        interprets: number(k),
      });
  }
}

/** Recruitment (personnel), subsidy results and the yearly notice of the service centre. */
function personnelAndServices(b: CountyBureau, year: number, add: Add): void {
  add('04-08', {
    unit: b.office,
    title: `${b.short}${year}年县直事业单位公开招聘工作人员公告`,
    category: 'personnel',
    art20Item: 15,
    topic: '事业单位招聘',
    body: p('根据事业单位公开招聘有关规定，经研究，决定面向社会公开招聘工作人员。') + p('报名时间、岗位和条件见附表。'),
    channels: ['own_website', 'wechat'],
  });
  add('07-16', {
    unit: b.office,
    title: `${b.short}${year}年县直事业单位公开招聘拟聘用人员公示`,
    category: 'personnel',
    art20Item: 15,
    topic: '事业单位招聘',
    body: p('经笔试、面试、体检和考察，拟聘用以下人员，现予公示。') + p('公示期为7个工作日。'),
    channels: ['own_website'],
  });
  for (const [k, md] of (['05-12', '11-05'] as const).entries())
    add(md, {
      unit: b.service,
      title: `${b.short}${year}年第${k + 1}批就业困难人员社会保险补贴审核结果公示`,
      category: 'licensing_result',
      art20Item: 11,
      topic: '社保补贴',
      body: p('根据有关规定，经审核，现将审核结果予以公示。') + p('如有异议，请在公示期内向我局反映。'),
      channels: ['own_website'],
    });
  add('06-10', {
    unit: b.service,
    title: `关于开展${b.short.slice(0, 3)}${year}年度社会保险待遇领取资格认证工作的通知`,
    category: 'notice',
    art20Item: 11,
    topic: '社会保险',
    body:
      p('各乡镇人力资源和社会保障服务站：现就本年度待遇领取资格认证工作通知如下。') +
      p('认证可通过手机、自助终端或服务窗口办理。'),
    channels: ['own_website', 'wechat'],
  });
}

/** 2024's first document was amended in 2025; 2024's second expired at the end of 2025. */
function validityOf(b: CountyBureau, year: number, k: number): NonNullable<CountyItem['validity']> {
  if (year === 2024 && k === 0)
    return [{ validity: 'amended', date: '2025-09-12', note: `${b.docPrefix}〔2025〕2号修改` }];
  if (year === 2024 && k === 1) return [{ validity: 'expired', date: '2025-12-31', note: '有效期届满' }];
  return [];
}
