// The Yueyang bureau's publications as the fixture report (2013) describes them, generated
// from templates: realistic Chinese titles, invented company and institution names, no personal
// data. Pure data — src/demo/demo-publishing.ts writes it.
//
// The counts the report states and the records must reproduce:
//   2013: 275 items on the portal and the bureau website, 702 publications on all channels,
//         120 powers in the power catalog, 153 workflows, "较2012年增长了30.8%".
// 275 / x − 1 = 30.8 % gives x = 210.24, not a whole number. 210 gives +30.95 % (shown +31.0 %),
// 211 gives +30.33 % (+30.3 %): 210 is the closest, so 2012 has 210 website items.
import type { Channel } from '../modules/channels/index.ts';
import type { PowerType } from '../modules/power-catalog/index.ts';
import type { Validity } from '../modules/publishing/index.ts';

export const WEBSITE_ITEMS = { 2012: 210, 2013: 275 } as const;
export const ALL_CHANNELS_2013 = 702;
export const POWER_ITEMS = 120;
export const WORKFLOWS = 153;

export interface DemoItem {
  unit: string;
  title: string;
  documentNumber?: string;
  formationDate: string;
  publicationDate: string;
  category: string;
  art20Item: number | null;
  topic: string;
  genre?: string;
  body: string;
  channels: Channel[];
  validity?: { validity: Validity; date: string; note?: string }[];
  /** A policy interpretation: the document number of the normative document it explains. */
  interprets?: string;
}

/** A small deterministic generator, so that every demo load is the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The n-th of `count` dates spread over the year (Jan 4 to Dec 20), published 1–6 days later. */
function datesOf(
  year: number,
  n: number,
  count: number,
  random: () => number,
): { formation: string; publication: string } {
  const start = Date.UTC(year, 0, 4);
  const span = Date.UTC(year, 11, 20) - start;
  const formation = new Date(start + Math.floor(((n + random() * 0.9) / count) * span));
  const publication = new Date(formation.getTime() + (1 + Math.floor(random() * 6)) * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { formation: iso(formation), publication: iso(publication) };
}

const COUNTIES = [
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
];
/** Work-news events of a year: the year in each, so that no title repeats across years. */
const NEWS: readonly ((y: number) => string)[] = [
  (y) => `召开${y}年全市人力资源和社会保障工作会议`,
  (y) => `开展${y}年“春风行动”专场招聘会`,
  (y) => `组织${y}年农民工工资支付专项检查`,
  (y) => `举办${y}届高校毕业生就业见习对接会`,
  (y) => `推进${y}年城乡居民社会养老保险扩面工作`,
  (y) => `开展${y}年创业培训“进社区”活动`,
  (y) => `召开${y}年劳动人事争议仲裁工作座谈会`,
  (y) => `部署${y}年企业退休人员基本养老金调整工作`,
  (y) => `开展${y}年人社系统行风建设督查`,
  (y) => `举行${y}年专业技术人才继续教育培训班`,
  (y) => `推进${y}年社会保障卡发放工作`,
  (y) => `开展${y}年劳动保障法律宣传周活动`,
  (y) => `召开局务会专题研究${y}年政府信息公开工作`,
  (y) => `组织${y}年机关事业单位工资福利政策培训`,
  (y) => `开展${y}年就业援助月活动`,
];
export const newsEvent = (k: number, year: number): string => NEWS[k % NEWS.length]!(year);
const COMPANY_HEAD = ['湘北', '洞庭', '巴陵', '南湖', '君山', '岳州', '金鹗', '汴河', '东风', '楼前'];
const COMPANY_TAIL = ['人力资源服务有限公司', '劳务派遣有限公司', '企业管理服务有限公司', '人才服务有限公司'];
const INSTITUTIONS = [
  '市第一中学',
  '市中心医院',
  '市疾病预防控制中心',
  '市图书馆',
  '市农业科学研究所',
  '市职业技术学院',
  '市妇幼保健院',
  '市第三人民医院',
  '市规划设计院',
  '市广播电视台',
];
/**
 * The normative documents of each year, in order of their numbers (岳人社发〔year〕3号, 6号…): a
 * subject of its own each, so no title repeats. In 2025 〔2025〕6号 amends 〔2024〕3号 and
 * 〔2025〕9号 repeals 〔2013〕3号 and 6号 (demo-publishing.ts records the validity).
 */
const NORMATIVE_TOPICS: Record<number, readonly string[]> = {
  2012: [
    '进一步做好高校毕业生就业工作',
    '规范劳务派遣用工管理',
    '做好城乡居民社会养老保险试点工作',
    '加强农民工工资支付保障工作',
    '实施小额担保贷款扶持创业',
  ],
  2013: [
    '调整失业保险金发放标准',
    '规范机关事业单位工作人员薪级工资晋升审批',
    '加强专业技术人员继续教育',
    '做好就业困难人员就业援助工作',
    '推进社会保障卡发行应用',
    '进一步规范劳动保障监察执法',
  ],
  2024: ['进一步做好稳就业工作', '做好灵活就业人员参加社会保险工作'],
  2025: ['做好高校毕业生等青年就业创业工作', '调整就业创业补贴政策', '规范失业保险金申领发放'],
};
export const normativeTopic = (year: number, k: number): string =>
  NORMATIVE_TOPICS[year]?.[k] ?? `规范${year}年人社业务经办第${k + 1}项`;
const EXAMS: { topic: string; unit: string; art20: number; names: (year: number, k: number) => string }[] = [
  {
    topic: '公务员考试',
    unit: '公务员管理科',
    art20: 14,
    names: (y, k) =>
      `${y}年岳阳市考试录用公务员${['公告', '报名情况通报', '笔试成绩查询的通知', '资格复审公告', '面试公告', '体检公告', '考察公告', '拟录用人员公示'][k % 8]}${k >= 8 ? `（第${Math.floor(k / 8) + 1}批）` : ''}`,
  },
  {
    topic: '事业单位招聘',
    unit: '人事考试院',
    art20: 15,
    names: (y, k) =>
      `${y}年岳阳市市直事业单位公开招聘${['公告', '岗位调整说明', '笔试公告', '笔试成绩公布', '面试公告', '体检公告', '拟聘用人员公示'][k % 7]}${k >= 7 ? `（第${Math.floor(k / 7) + 1}批）` : ''}`,
  },
  {
    topic: '三支一扶',
    unit: '人事考试院',
    art20: 15,
    names: (y, k) =>
      `${y}年“三支一扶”计划岳阳考区${['招募公告', '笔试公告', '面试公告', '拟招募人员公示', '服务期满考核通知', '补充招募公告'][k % 6]}`,
  },
  {
    topic: '专业技术考试',
    unit: '专业技术人员管理科',
    art20: 15,
    names: (y, k) =>
      `${y}年度${['会计专业技术资格', '经济专业技术资格', '卫生专业技术资格', '二级建造师执业资格', '执业药师资格', '社会工作者职业水平'][k % 6]}考试${['报名通知', '准考证打印通知', '证书领取通知'][Math.floor(k / 6) % 3]}`,
  },
  {
    topic: '职称计算机考试',
    unit: '人事考试院',
    art20: 15,
    names: (y, k) =>
      `${y}年第${Math.floor(k / 2) + 1}次全国专业技术人员计算机应用能力考试${['报名通知', '考务安排'][k % 2]}`,
  },
];
const ORGANISATION = [
  '主要职责',
  '内设机构及职责',
  '局属单位设置情况',
  '局领导工作分工',
  '机构调整情况说明',
  '办公地址和办公时间',
  '政府信息公开指南（修订）',
];

interface AreaCounts {
  normative: number;
  interpretation: number;
  licensing: [number, number, number, number, number];
  exams: [number, number, number, number, number];
  organisation: number;
  news: number;
  briefing: number;
}

/** The content areas of the fixture (二(一)2), per year. Each total is the year's website count. */
export const AREAS: Record<number, AreaCounts> = {
  2012: {
    normative: 5,
    interpretation: 2,
    licensing: [12, 12, 10, 18, 14],
    exams: [10, 10, 5, 12, 7],
    organisation: 5,
    news: 72,
    briefing: 16,
  },
  2013: {
    normative: 6,
    interpretation: 3,
    licensing: [18, 14, 12, 24, 20],
    exams: [12, 14, 6, 16, 8],
    organisation: 6,
    news: 96,
    briefing: 20,
  },
  2024: {
    normative: 2,
    interpretation: 2,
    licensing: [3, 2, 1, 4, 4],
    exams: [3, 3, 2, 3, 1],
    organisation: 2,
    news: 14,
    briefing: 4,
  },
  2025: {
    normative: 3,
    interpretation: 3,
    licensing: [4, 3, 1, 5, 5],
    exams: [4, 3, 2, 4, 2],
    organisation: 3,
    news: 18,
    briefing: 6,
  },
};

export function areaTotal(a: AreaCounts): number {
  return (
    a.normative +
    a.interpretation +
    a.licensing.reduce((x, y) => x + y, 0) +
    a.exams.reduce((x, y) => x + y, 0) +
    a.organisation +
    a.news +
    a.briefing
  );
}

/** The first company of each year's 劳务派遣 licences (2012: 12, 2013: 18, 2024: 3, 2025: 4 of 40). */
const LICENCE_OFFSET: Record<number, number> = { 2012: 0, 2013: 12, 2024: 30, 2025: 33 };

const LICENSING: { topic: string; unit: string; title: (y: number, k: number, r: () => number) => string }[] = [
  {
    topic: '劳务派遣行政许可',
    unit: '劳动关系科',
    // Each company once: the years take consecutive companies of the 40 names.
    title: (y, k) => {
      const c = (LICENCE_OFFSET[y] ?? 0) + k;
      return `关于准予岳阳市${COMPANY_HEAD[c % 10]}${COMPANY_TAIL[Math.floor(c / 10) % 4]}劳务派遣经营许可的公告`;
    },
  },
  {
    topic: '工资晋升',
    unit: '工资福利科',
    title: (y, k) =>
      `关于${INSTITUTIONS[k % 10]}工作人员${y}年度正常晋升薪级工资的批复${k >= 10 ? `（第${Math.floor(k / 10) + 1}批）` : ''}`,
  },
  {
    topic: '小集体企业参保',
    unit: '社会保险科',
    title: (y, k, r) =>
      `${y}年第${k + 1}批小集体企业职工参加基本养老保险审核结果公示（${3 + Math.floor(r() * 9)}家企业）`,
  },
  {
    topic: '失业保险领取',
    unit: '就业服务局',
    title: (y, k) => `${y}年${(k % 12) + 1}月失业保险金申领审核结果公示${k >= 12 ? '（补充）' : ''}`,
  },
  { topic: '社保补贴', unit: '就业促进科', title: (y, k) => `${y}年第${k + 1}批灵活就业人员社会保险补贴审核结果公示` },
];

function body(title: string, lines: string[]): string {
  return [`<p>${title}</p>`, ...lines.map((l) => `<p>${l}</p>`)].join('');
}

/** Every item of one year, each content area from its template. */
export function demoItems(year: number): DemoItem[] {
  const a = AREAS[year]!;
  const random = rng(year * 7919);
  const items: DemoItem[] = [];
  const total = areaTotal(a);
  let n = 0;
  const add = (spec: Omit<DemoItem, 'formationDate' | 'publicationDate'>) => {
    const d = datesOf(year, n++ % total, total, random);
    items.push({ ...spec, formationDate: d.formation, publicationDate: d.publication });
  };
  for (let k = 0; k < a.normative; k++) {
    const topic = normativeTopic(year, k);
    add({
      unit: '政策法规科',
      title: `关于${topic}的通知`,
      documentNumber: `岳人社发〔${year}〕${(k + 1) * 3}号`,
      category: 'normative_document',
      art20Item: 1,
      topic: '规范性文件',
      genre: '通知',
      body: body(`各县市区人力资源和社会保障局，局机关各科室、局属各单位：为${topic}，现就有关事项通知如下。`, [
        '一、提高认识，加强领导。',
        '二、明确责任，规范程序。',
        '三、本通知自印发之日起施行。',
      ]),
      channels: ['own_website', 'government_portal'],
    });
  }
  for (let k = 0; k < a.interpretation; k++) {
    // The k-th interpretation explains the k-th normative document of the year (demo-publishing.ts links them).
    const topic = normativeTopic(year, k);
    add({
      interprets: `岳人社发〔${year}〕${(k + 1) * 3}号`,
      unit: '政策法规科',
      title: `《关于${topic}的通知》政策解读`,
      category: 'policy_interpretation',
      art20Item: 1,
      topic: '政策解读',
      body: body('一、出台背景。二、主要内容。三、适用范围。', []),
      channels: ['own_website'],
    });
  }
  LICENSING.forEach((l, i) => {
    for (let k = 0; k < a.licensing[i]!; k++) {
      add({
        unit: l.unit,
        title: l.title(year, k, random),
        category: 'licensing_result',
        art20Item: 5,
        topic: l.topic,
        body: body('根据有关规定，经审核，现将审批结果予以公开。', ['如有异议，请在公示期内向我局反映。']),
        channels: ['own_website'],
      });
    }
  });
  EXAMS.forEach((e, i) => {
    for (let k = 0; k < a.exams[i]!; k++) {
      // Exam notices were also pushed on the 湘北人才市场 WeChat account.
      add({
        unit: e.unit,
        title: e.names(year, k),
        category: 'notice',
        art20Item: e.art20,
        topic: e.topic,
        body: body('现将有关事项公告如下。', ['考务咨询请拨打人事考试院办公电话。']),
        channels: ['own_website', 'wechat'],
      });
    }
  });
  for (let k = 0; k < a.organisation; k++) {
    add({
      unit: '办公室',
      title: `岳阳市人力资源和社会保障局${ORGANISATION[k % ORGANISATION.length]}（${year}年）`,
      category: 'other',
      art20Item: 2,
      topic: '机构职能',
      body: body('本局是市人民政府工作部门，负责全市人力资源和社会保障工作。', []),
      channels: ['own_website'],
    });
  }
  for (let k = 0; k < a.news; k++) {
    // Who (the bureau or one of 10 counties: k mod 11) and what (k mod 15) differ for every
    // k below 165, so no title repeats in a year; the year in the event keeps years apart. The
    // draw keeps the random sequence (and so every date) as it was.
    random();
    const who = k % 11;
    const event = newsEvent(k, year);
    // 人社动态 went out on the 岳阳人社 Weibo account as well.
    add({
      unit: k % 3 === 0 ? '信息中心' : '办公室',
      title: who === 0 ? `市人社局${event}` : `${COUNTIES[who - 1]}人社局${event}`,
      category: 'work_news',
      art20Item: null,
      topic: '人社动态',
      body: body(`近日，${event}。`, ['下一步，将继续做好相关工作。']),
      channels: ['own_website', 'weibo'],
    });
  }
  for (let k = 0; k < a.briefing; k++) {
    add({
      unit: '办公室',
      title: `《人社简报》${year}年第${k + 1}期`,
      category: 'work_news',
      art20Item: null,
      topic: '人社简报',
      body: body('本期要目：工作动态、经验交流、基层信息。', []),
      channels: ['own_website'],
    });
  }
  items.sort((x, y) => (x.publicationDate < y.publicationDate ? -1 : x.publicationDate > y.publicationDate ? 1 : 0));
  return items;
}

/**
 * Publications on channels that are not items of the catalog (2013: 427, which with the 275
 * website items makes the report's 702). Items on Weibo and WeChat already count through their
 * item links (demoItems); these are the rest.
 */
export const STANDALONE: Record<number, Partial<Record<Channel, number>>> = {
  2012: {
    weibo: 20,
    wechat: 10,
    newspaper: 40,
    tv: 18,
    display_screen: 40,
    briefing: 16,
    service_window: 30,
    gazette: 10,
    press_conference: 4,
    mailbox: 8,
  },
  2013: {
    weibo: 30,
    wechat: 28,
    newspaper: 48,
    tv: 22,
    display_screen: 55,
    briefing: 24,
    service_window: 40,
    gazette: 12,
    press_conference: 6,
    mailbox: 10,
  },
  2024: { weibo: 40, wechat: 60, newspaper: 6, tv: 4, display_screen: 12, service_window: 10, press_conference: 2 },
  2025: { weibo: 36, wechat: 72, newspaper: 5, tv: 3, display_screen: 12, service_window: 12, press_conference: 3 },
};

const STANDALONE_TITLES: Partial<Record<Channel, (y: number, k: number) => string>> = {
  weibo: (y, k) => `岳阳人社微博：${newsEvent(k, y)}`,
  wechat: (_y, k) => `湘北人才市场微信：第${k + 1}期招聘信息汇总`,
  newspaper: (y, k) => `《岳阳日报》刊载：${newsEvent(k, y)}`,
  tv: (y, k) => `岳阳电视台报道：${newsEvent(k, y)}`,
  display_screen: (_y, k) =>
    k === 0
      ? `职权目录（${POWER_ITEMS}项）大厅电子显示屏滚动显示`
      : k === 1
        ? `业务工作流程（${WORKFLOWS}个）大厅电子显示屏滚动显示`
        : `大厅电子显示屏：招聘及培训信息第${k - 1}期`,
  briefing: (y, k) => `《人社简报》${y}年第${k + 1}期（印发）`,
  service_window: (_y, k) => `服务窗口政策资料第${k + 1}期`,
  gazette: (y, k) => `《岳阳市人民政府公报》${y}年第${k + 1}期刊登本局文件`,
  press_conference: (y, k) => `新闻发布会：${newsEvent(k * 3, y)}`,
  mailbox: (_y, k) => `市长信箱公开答复第${k + 1}件`,
};

export function standalonePublications(year: number): { channel: Channel; title: string; date: string }[] {
  const random = rng(year * 104_729);
  const out: { channel: Channel; title: string; date: string }[] = [];
  for (const [channel, count] of Object.entries(STANDALONE[year] ?? {}) as [Channel, number][]) {
    for (let k = 0; k < count; k++)
      out.push({
        channel,
        title: STANDALONE_TITLES[channel]!(year, k),
        date: datesOf(year, k, count, random).publication,
      });
  }
  return out;
}
