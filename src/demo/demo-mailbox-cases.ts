// The demo's mayor's-mailbox letters and 12345 work orders as data (demo-mailbox.ts writes them
// through the mailbox services): 2013 and 2025 for the city bureau and both county bureaus, and open
// cases around the load day, so every state of the workflow has cases and every console has work.
//
// 2013 follows the fixture (yueyang-hrss-2013-annual-report.txt): the mailbox served people asking
// about and for help with 人社 policies (“咨询了解人社相关政策，寻求帮助”), the hotline answered calls
// for help and policy questions; no letter became a disclosure application (“我局未接到公开政府
// 信息的申请”) and none complained of late disclosure. Ten of the city's 2013 letters were answered
// with their writers' consent to publish, as many as the ten 市长信箱公开答复 the demo's channel
// records count on the mailbox carrier (demo-publishing-data.ts). Dates and people are drawn from
// a seeded generator, so every load is the same.
import { seededRandom } from '../platform/seeded-random.ts';
import type { MailboxCategory, MailboxRating } from '../modules/mailbox/index.ts';

/** How far a case goes: the state it is left in, and what it went through to get there. */
export type DemoPath =
  | 'dispatched'
  | 'signed_for'
  | 'returned'
  | 'assigned'
  | 'reply_drafted'
  | 'reply_approved'
  | 'replied'
  | 'closed'
  | 'redone'
  | 'extended'
  | 'converted';

export interface DemoMailboxCase {
  readonly key: string;
  readonly agency: string;
  readonly source: 'letter' | 'hotline';
  readonly category: MailboxCategory;
  readonly subject: string;
  readonly request: string;
  /** The day it was received (China date) and the hour, China time. */
  readonly receivedOn: string;
  readonly hour: number;
  readonly writer: { readonly name: string; readonly phone: string; readonly email?: string };
  readonly consent: boolean;
  readonly path: DemoPath;
  /** Working days from receipt to the answer (a late one goes past the limit). */
  readonly answerAfter: number;
  readonly rating: MailboxRating;
  readonly reply: string;
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = [
  '建国',
  '丽',
  '志强',
  '秀英',
  '伟',
  '海燕',
  '红',
  '俊',
  '小平',
  '文',
  '桂兰',
  '勇',
  '敏',
  '明',
  '霞',
  '涛',
];

/** What people asked in 2013, with the answer given; consultation and help, as the fixture says. */
const ASKED_2013: readonly [MailboxCategory, string, string, string][] = [
  [
    'consultation',
    '灵活就业人员社保补贴如何申请',
    '本人下岗后灵活就业，想了解社会保险补贴的申请条件和需要的材料。',
    '灵活就业人员社会保险补贴的申请条件、材料和办理地点，已在局网站“办事指南”栏目公开，可持身份证、就业失业登记证到户籍所在地街道劳动保障站申请。',
  ],
  [
    'consultation',
    '失业保险金领取期限',
    '单位缴费满五年后被解除劳动合同，失业保险金最长可以领多少个月？',
    '失业人员失业前所在单位和本人累计缴费满5年不足10年的，领取失业保险金的期限最长为18个月，具体以经办机构核定为准。',
  ],
  [
    'help',
    '孩子就业见习岗位',
    '孩子大学毕业一年仍未就业，能否参加就业见习？向哪里报名？',
    '离校未就业高校毕业生可参加就业见习，请到市就业服务局或各区就业服务中心登记，见习期间按规定享受见习补贴。',
  ],
  [
    'consultation',
    '专业技术资格考试报名时间',
    '2013年度中级经济师考试什么时候报名？',
    '2013年度经济专业技术资格考试报名时间已在局网站“考试信息”栏目和人事考试院窗口公布。',
  ],
  [
    'help',
    '工资被拖欠求助',
    '在某工地干活三个月，包工头拖欠工资不给，怎么办？',
    '已将您反映的情况转劳动保障监察支队核查处理，您也可携带相关证据到监察支队投诉窗口登记。',
  ],
  [
    'consultation',
    '小集体企业参保政策',
    '原街道小集体企业退休人员能否参加基本养老保险？',
    '按照省、市小集体企业人员参保的有关规定，符合条件的人员可补缴后参保，具体条件和补缴标准请向社会保险经办机构咨询。',
  ],
  [
    'consultation',
    '公务员考试加分政策',
    '三支一扶服务期满人员报考公务员有没有加分？',
    '服务期满考核合格的“三支一扶”人员报考公务员按规定享受优惠政策，具体以当年招考公告为准。',
  ],
  [
    'help',
    '档案转移',
    '本人人事档案在人才市场，调动到外省单位，档案怎么转？',
    '请持调动单位的调档函到湘北人才市场档案室办理转递手续。',
  ],
  [
    'consultation',
    '职称计算机考试模块',
    '评中级职称需要考几个计算机模块？',
    '申报中级专业技术职务需取得3个模块合格证书，具体科目要求见人事考试院公布的考试指南。',
  ],
  [
    'consultation',
    '工伤认定时限',
    '单位不给申报工伤，个人最晚什么时候可以申请工伤认定？',
    '用人单位未在规定时限内提出工伤认定申请的，工伤职工或者其近亲属可以在事故伤害发生之日起1年内直接申请。',
  ],
  [
    'suggestion',
    '建议延长服务大厅办公时间',
    '建议社保服务窗口中午不休息，方便上班族办事。',
    '感谢您的建议，我局已在社会保险经办服务窗口试行中午轮班服务。',
  ],
  [
    'help',
    '退休手续办理',
    '父亲下月满60周岁，退休手续需要准备哪些材料？',
    '请单位经办人携带本人档案、身份证和退休申请表到社会保险经办机构办理，办理流程已在大厅电子显示屏公布。',
  ],
];

/** What people asked in 2025. */
const ASKED_2025: readonly [MailboxCategory, string, string, string][] = [
  [
    'consultation',
    '个人养老金开户',
    '想了解个人养老金制度，在哪里开户，每年最多缴多少？',
    '个人养老金每人每年缴费上限为12000元，可通过国家社会保险公共服务平台或商业银行开立账户。',
  ],
  [
    'help',
    '稳岗返还没有到账',
    '公司符合失业保险稳岗返还条件，但至今没有到账，请帮助查询。',
    '经查，贵公司稳岗返还资金已于近日拨付，请向开户银行核对入账情况。',
  ],
  [
    'complaint',
    '窗口工作人员态度差',
    '在社保服务窗口办理业务时，工作人员态度生硬，不耐心解释。',
    '经核实，已对相关工作人员进行批评教育，并在服务窗口开展文明服务整顿。',
  ],
  [
    'suggestion',
    '建议开通线上预约',
    '建议人才市场档案业务开通线上预约，减少排队。',
    '感谢您的建议，档案业务线上预约功能已纳入今年政务服务改进计划。',
  ],
  [
    'consultation',
    '灵活就业参保缴费基数',
    '灵活就业人员2025年养老保险缴费基数的上下限是多少？',
    '2025年度灵活就业人员缴费基数上下限已在局网站公布，可按规定在上下限之间自主选择。',
  ],
  [
    'report',
    '举报企业未签劳动合同',
    '某物流公司招用多名员工一年多未签订劳动合同。',
    '已转劳动保障监察支队立案调查，调查结果将依法处理并告知。',
  ],
  [
    'help',
    '技能培训补贴申领',
    '参加了电工培训并取得证书，培训补贴怎么领？',
    '取得职业资格证书或职业技能等级证书的，可在证书核发之日起12个月内通过湖南人社公共服务平台申领职业技能提升补贴。',
  ],
  [
    'consultation',
    '事业单位招聘体检标准',
    '事业单位公开招聘体检参照什么标准？',
    '事业单位公开招聘体检参照公务员录用体检通用标准执行，具体见招聘公告。',
  ],
  [
    'criticism',
    '网站办事指南没有更新',
    '局网站上的失业登记办事指南还是前年的版本。',
    '感谢您的监督，相关办事指南已更新，并建立了每季度核查机制。',
  ],
  [
    'help',
    '农民工工资保证金',
    '工程完工了，工资保证金什么时候可以退还？',
    '工程完工且未发生拖欠工资的，施工总承包单位可按规定申请返还工资保证金。',
  ],
];

/** Letters that ask for government information, which the office registers as applications (Art. 29). */
const ASKING_FOR_INFORMATION: readonly [string, string][] = [
  ['申请公开就业补助资金使用情况', '请公开本局2024年度就业补助资金的分配方案和使用情况，以电子邮件方式提供。'],
  ['申请获取稳岗返还企业名单', '请提供2025年本县享受失业保险稳岗返还的企业名单和金额。'],
];

const REASONS_RETURNED = '诉求事项属公安机关职责，不属于本部门职能（职能不符），请中心另行派单。';

function phoneOf(n: number): string {
  return `137${String(41000000 + n * 7907).slice(-8)}`;
}

function writerOf(random: () => number, n: number, withEmail: boolean) {
  const name = SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]!;
  return { name, phone: phoneOf(n), ...(withEmail ? { email: `writer${n}@example.cn` } : {}) };
}

/** A weekday of the month: the day-th Monday-to-Thursday after the first of the month. */
function weekdayIn(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  let left = day;
  for (;;) {
    const w = d.getUTCDay();
    if (w >= 1 && w <= 4 && --left < 0) return d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

const RATINGS: readonly MailboxRating[] = [
  'satisfied',
  'satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
];

interface Plan {
  readonly agency: string;
  readonly source: 'letter' | 'hotline';
  readonly paths: readonly DemoPath[];
  /** Of the letters, how many (the first ones) consented to publication. */
  readonly consented?: number;
}

function casesOfYear(year: 2013 | 2025, plans: readonly Plan[]): DemoMailboxCase[] {
  const random = seededRandom(year * 7_919);
  const asked = year === 2013 ? ASKED_2013 : ASKED_2025;
  const out: DemoMailboxCase[] = [];
  let n = year === 2013 ? 0 : 500;
  for (const plan of plans) {
    plan.paths.forEach((path, i) => {
      n++;
      const [category, subject, request, reply] = asked[(n * 5) % asked.length]!;
      const information = path === 'converted' ? ASKING_FOR_INFORMATION[n % ASKING_FOR_INFORMATION.length]! : null;
      const month = 1 + ((i * 7 + n) % 11); // January to November: answered within the year
      out.push({
        key: `${year}-${plan.agency}-${plan.source}-${i}`,
        agency: plan.agency,
        source: plan.source,
        category: information ? 'consultation' : category,
        subject: information ? information[0] : subject,
        request: information ? information[1] : request,
        receivedOn: weekdayIn(year, month, Math.floor(random() * 12)),
        hour: 9 + Math.floor(random() * 7),
        writer: writerOf(random, n, plan.source === 'letter'),
        consent: plan.source === 'letter' && i < (plan.consented ?? 0),
        path,
        // Consultations are due in 3 working days, the rest in 13: most answers come in time,
        // every fifth one late (a working day past a consultation's limit).
        answerAfter: n % 5 === 0 ? (category === 'consultation' || category === 'help' ? 4 : 14) : 1 + (n % 3),
        rating: RATINGS[n % RATINGS.length]!,
        reply,
      });
    });
  }
  return out;
}

const CITY = 'yueyang-hrss';
const COUNTIES = ['yueyang-county-hrss', 'huarong-hrss'] as const;

/** 2013: answered within the year, as the fixture's bureau did; ten public answers at the city. */
export function mailboxCases2013(): DemoMailboxCase[] {
  const closed = (k: number): DemoPath[] => Array.from({ length: k }, () => 'closed');
  return casesOfYear(2013, [
    { agency: CITY, source: 'letter', paths: [...closed(9), 'replied', 'redone', 'extended'], consented: 10 },
    { agency: CITY, source: 'hotline', paths: [...closed(3), 'returned', 'redone', 'extended'] },
    { agency: COUNTIES[0], source: 'letter', paths: ['closed'], consented: 1 },
    { agency: COUNTIES[0], source: 'hotline', paths: ['returned'] },
    { agency: COUNTIES[1], source: 'letter', paths: ['closed'] },
    { agency: COUNTIES[1], source: 'hotline', paths: ['closed'] },
  ]);
}

/** 2025: every way a case ends, and one left open past its limit (reminded, escalated, bulletined). */
export function mailboxCases2025(): DemoMailboxCase[] {
  return casesOfYear(2025, [
    {
      agency: CITY,
      source: 'letter',
      paths: ['closed', 'replied', 'redone', 'extended', 'converted', 'assigned'],
      consented: 2,
    },
    { agency: CITY, source: 'hotline', paths: ['closed', 'closed', 'returned', 'redone', 'replied'] },
    { agency: COUNTIES[0], source: 'letter', paths: ['converted'] },
    { agency: COUNTIES[0], source: 'hotline', paths: ['closed'] },
    { agency: COUNTIES[1], source: 'letter', paths: ['closed'], consented: 1 },
    { agency: COUNTIES[1], source: 'hotline', paths: ['extended'] },
  ]);
}

/** Open cases received in the working days before the load day: one in each open state, city and counties. */
export function openMailboxCases(today: string): DemoMailboxCase[] {
  const random = seededRandom(4_243);
  const states: [string, 'letter' | 'hotline', DemoPath, number][] = [
    [CITY, 'letter', 'dispatched', 0],
    [CITY, 'hotline', 'dispatched', 0],
    [CITY, 'letter', 'signed_for', 1],
    [CITY, 'hotline', 'assigned', 2],
    [CITY, 'letter', 'reply_drafted', 3],
    [CITY, 'hotline', 'reply_approved', 3],
    [CITY, 'letter', 'replied', 5],
    [COUNTIES[0], 'hotline', 'signed_for', 1],
    [COUNTIES[1], 'letter', 'dispatched', 0],
  ];
  return states.map(([agency, source, path, back], i) => {
    const [category, subject, request, reply] = ASKED_2025[(i * 3) % ASKED_2025.length]!;
    const received = new Date(`${today}T00:00:00Z`);
    received.setUTCDate(received.getUTCDate() - back);
    return {
      key: `open-${i}`,
      agency,
      source,
      category,
      subject,
      request,
      receivedOn: received.toISOString().slice(0, 10),
      hour: 9,
      writer: writerOf(random, 900 + i, source === 'letter'),
      consent: source === 'letter' && i % 2 === 0,
      path,
      // A recent answer took the office a few days, as the column's average shows.
      answerAfter: path === 'replied' ? 2 : 0,
      rating: 'satisfied',
      reply,
    };
  });
}

export { REASONS_RETURNED };
