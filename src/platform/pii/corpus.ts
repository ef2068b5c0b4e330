// A deterministic generator of public-notice text with the true personal-data occurrences labelled,
// for measuring the guard's precision and recall and for the benchmark. It computes check digits
// itself rather than through identifiers.ts, so that a wrong validator cannot make its own mistakes
// look right. Hard negatives (wrong check digits, order numbers, landlines, amounts, index and
// document numbers, company credit codes) are built to be negative by construction.
// The identifiers themselves and how people write them are in corpus-identifiers.ts.
import type { PiiKind } from './scanner.ts';
import {
  Rng,
  hasInnerSpace,
  makeCard,
  makeCreditCode,
  makeEmail,
  makeMobile,
  makePassport,
  makeResidentId,
  makeResidentId15,
  makeWrongCheckId,
  pad,
  writeCard,
  writeId,
  writeMobile,
} from './corpus-identifiers.ts';

export { Rng, idCheck, makeCreditCode, makeResidentId } from './corpus-identifiers.ts';

export type Genre =
  | 'subsidy'
  | 'legacy'
  | 'exam'
  | 'penalty'
  | 'meeting'
  | 'catalog'
  | 'experts'
  | 'travel'
  | 'statistics';

export interface TruthSpan {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
}

export interface CorpusLine {
  readonly text: string;
  /** Offsets into this line's text. */
  readonly truth: readonly TruthSpan[];
}

export interface CorpusDocument {
  readonly genre: Genre;
  readonly lines: readonly CorpusLine[];
}

/** sfc32: small, fast, and the same sequence on every platform for a given seed. */

/** Builds one line and remembers where the personal data went. */
class Line {
  text = '';
  readonly truth: TruthSpan[] = [];
  add(...parts: string[]): this {
    this.text += parts.join('');
    return this;
  }
  pii(kind: PiiKind, s: string): this {
    this.truth.push({ kind, start: this.text.length, end: this.text.length + s.length });
    this.text += s;
    return this;
  }
  done(): CorpusLine {
    return { text: this.text, truth: this.truth };
  }
}

const plain = (text: string): CorpusLine => ({ text, truth: [] });

// ---- document furniture ----

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华文辉建国红玉梅志强海燕春林波宇浩然欣怡子涵梓萱雨轩佳琪晨阳思远',
];
const TOWNS = [
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
const ROADS = ['巴陵东路', '五里牌路', '金鹗中路', '岳阳大道', '洞庭南路', '青年中路', '建设路', '求索路'];
const SUBSIDIES = [
  '就业见习补贴',
  '一次性创业补贴',
  '职业技能培训补贴',
  '灵活就业人员社会保险补贴',
  '公益性岗位补贴',
  '高龄津贴',
];
const COMPANIES = [
  '建筑工程有限公司',
  '劳务派遣有限公司',
  '物业管理有限公司',
  '餐饮管理有限公司',
  '电子科技有限公司',
  '机械制造有限责任公司',
];
const SHOPS = ['小吃店', '五金店', '便利店', '理发店', '农家乐', '汽车修理部'];
const CELL_SEPS = ['\t', '  ', ' | ', '，', ' '];

const name = (rng: Rng): string => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
const year = (rng: Rng): number => rng.int(2008, 2024);
const docNo = (rng: Rng): string =>
  `岳${rng.pick(['人社', '政', '财', '人社监罚'])}${rng.pick(['发', '函', '字'])}〔${year(rng)}〕${rng.int(1, 120)}号`;
const cnDate = (rng: Rng): string => `${year(rng)}年${rng.int(1, 12)}月${rng.int(1, 28)}日`;
const isoDate = (rng: Rng): string => `${year(rng)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
const amount = (rng: Rng): string => {
  const v = rng.int(100, 99_999_999);
  return `${v.toLocaleString('en-US')}.${pad(rng.int(0, 99), 2)}`;
};
const landline = (rng: Rng): string =>
  rng.pick([
    `0730-${rng.int(2, 8)}${rng.digits(6)}`,
    `0731-${rng.int(2, 8)}${rng.digits(7)}`,
    `（0730）${rng.int(2, 8)}${rng.digits(6)}`,
    `0730 ${rng.int(2, 8)}${rng.digits(6)}`,
  ]);
const indexNo = (rng: Rng): string =>
  rng.chance(0.5)
    ? `${rng.digits(9)}/${year(rng)}-${rng.digits(5)}`
    : `${makeCreditCode(rng, '11')}/${year(rng)}${pad(rng.int(1, 12), 2)}-${rng.digits(5)}`;

function masked(rng: Rng, id: string): string {
  return rng.chance(0.5) ? `${id.slice(0, 6)}********${id.slice(14)}` : `${id.slice(0, 3)}***********${id.slice(14)}`;
}

// ---- documents ----

function subsidy(rng: Rng, legacy: boolean): CorpusDocument {
  const y = legacy ? rng.int(1998, 2003) : year(rng);
  const lines: CorpusLine[] = [
    plain(`关于${y}年度${rng.pick(TOWNS)}${rng.pick(SUBSIDIES)}发放名单的公示`),
    plain(
      `根据《岳阳市${rng.pick(SUBSIDIES)}管理办法》（${docNo(rng)}）规定，经审核，现将符合条件的人员名单予以公示，公示期为${cnDate(rng)}至${rng.int(1, 12)}月${rng.int(1, 28)}日。`,
    ),
  ];
  const sep = rng.pick(CELL_SEPS);
  lines.push(plain(['序号', '姓名', '身份证号码', '联系电话', '银行卡号', '补贴金额（元）'].join(sep)));
  const rows = rng.int(5, 40);
  for (let i = 1; i <= rows; i++) {
    const line = new Line().add(String(i), sep, name(rng), sep);
    const id = legacy && rng.chance(0.7) ? makeResidentId15(rng) : makeResidentId(rng);
    const idText = id.length === 15 ? id : writeId(rng, id);
    const mobile = writeMobile(rng, makeMobile(rng));
    const card = writeCard(rng, makeCard(rng));
    // Cells that contain spaces are never separated by a single space: nobody could read that row.
    const cell = sep === ' ' && (hasInnerSpace(idText) || hasInnerSpace(mobile) || hasInnerSpace(card)) ? '\t' : sep;
    const r = rng.next();
    if (r < 0.08) line.add(masked(rng, id));
    else if (r < 0.11) line.add(makeWrongCheckId(rng));
    else line.pii(id.length === 15 ? 'resident_id_15' : 'resident_id', idText);
    line.add(cell);
    if (rng.chance(0.1)) line.add(`${mobile.slice(0, 3)}****${makeMobile(rng).slice(7)}`);
    else line.pii('mobile', mobile);
    line
      .add(cell)
      .pii('bank_card', card)
      .add(cell, rng.pick([amount(rng), String(rng.int(1, 30) * 100), '1,500.00']));
    lines.push(line.done());
  }
  lines.push(
    plain(
      `公示期间如有异议，请向${rng.pick(TOWNS)}人力资源和社会保障局反映。监督电话：${landline(rng)}，邮编：414000。`,
    ),
  );
  lines.push(plain(`岳阳市人力资源和社会保障局    ${cnDate(rng)}`));
  return { genre: legacy ? 'legacy' : 'subsidy', lines };
}

function exam(rng: Rng): CorpusDocument {
  const y = year(rng);
  const lines: CorpusLine[] = [
    plain(`${y}年岳阳市事业单位公开招聘工作人员考试综合成绩公示`),
    plain(['序号', '准考证号', '姓名', '身份证号', '笔试成绩', '面试成绩', '综合成绩', '是否入围体检'].join('\t')),
  ];
  const rows = rng.int(10, 60);
  for (let i = 1; i <= rows; i++) {
    // Admission numbers: 11 digits from the year, or starting 10/12, which no mobile does.
    const ticket = rng.chance(0.5) ? `${y}${rng.digits(7)}` : `${rng.pick(['10', '12'])}${rng.digits(9)}`;
    const line = new Line().add(String(i), '\t', ticket, '\t', name(rng), '\t');
    const id = makeResidentId(rng);
    if (rng.chance(0.4)) line.add(masked(rng, id));
    else line.pii('resident_id', writeId(rng, id));
    const w = rng.int(5000, 9500) / 100;
    const o = rng.int(6000, 9500) / 100;
    line.add('\t', w.toFixed(2), '\t', o.toFixed(2), '\t', ((w + o) / 2).toFixed(2), '\t', rng.pick(['是', '否']));
    lines.push(line.done());
  }
  lines.push(
    plain(
      `公示时间：${cnDate(rng)}至${rng.int(1, 12)}月${rng.int(1, 28)}日（7个工作日）。监督电话：${landline(rng)}。`,
    ),
  );
  return { genre: 'exam', lines };
}

function penalty(rng: Rng): CorpusDocument {
  const lines: CorpusLine[] = [plain('岳阳市人力资源和社会保障局行政处罚决定书'), plain(docNo(rng))];
  if (rng.chance(0.6)) {
    const company = `岳阳市${rng.pick(['华实', '洞庭', '巴陵', '天岳', '君山', '金鹗'])}${rng.pick(COMPANIES)}`;
    const code = makeCreditCode(rng, '91');
    if (rng.chance(0.5)) {
      lines.push(plain(`当事人：${company}`), plain(`统一社会信用代码：${code}`), plain(`法定代表人：${name(rng)}`));
    } else {
      // A legal representative's ID on the company's line: the ID is personal, the code is not.
      lines.push(
        new Line()
          .add(`当事人：${company}，统一社会信用代码：${code}，法定代表人：${name(rng)}，身份证号码：`)
          .pii('resident_id', writeId(rng, makeResidentId(rng)))
          .done(),
      );
    }
    lines.push(
      plain(`注册号：430600000${rng.digits(6)}，住所：岳阳市${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 999)}号`),
    );
  } else {
    const owner = name(rng);
    lines.push(
      plain(`当事人：${rng.pick(TOWNS)}${owner}${rng.pick(SHOPS)}（个体工商户）`),
      new Line().add('统一社会信用代码：').pii('credit_code', makeCreditCode(rng, '92')).done(),
      new Line()
        .add(`经营者：${owner}，身份证号码：`)
        .pii('resident_id', writeId(rng, makeResidentId(rng)))
        .add('，联系电话：')
        .pii('mobile', writeMobile(rng, makeMobile(rng)))
        .done(),
    );
  }
  lines.push(
    plain(
      `经查，当事人于${cnDate(rng)}至${cnDate(rng)}期间拖欠${rng.int(2, 80)}名劳动者工资共计${amount(rng)}元，违反了《保障农民工工资支付条例》第十五条的规定。`,
    ),
    plain(`依据《劳动保障监察条例》第二十六条，决定给予罚款人民币${amount(rng)}元的行政处罚。`),
    plain(
      `请于收到本决定书之日起15日内将罚款缴至指定银行（户名：岳阳市财政局，账号：${rng.pick([`18-0111010400${rng.digits(5)}`, `1907021109${rng.digits(9)}`, `43001520061052${rng.digits(6)}`])}，开户行：中国农业银行岳阳分行）。`,
    ),
    plain(
      `如不服本决定，可在收到本决定书之日起60日内向岳阳市人民政府申请行政复议，或者在6个月内向岳阳楼区人民法院提起行政诉讼。`,
    ),
    plain(`岳阳市人力资源和社会保障局    ${cnDate(rng)}`),
  );
  return { genre: 'penalty', lines };
}

function meeting(rng: Rng): CorpusDocument {
  const y = year(rng);
  const lines: CorpusLine[] = [
    plain(`关于召开${y}年全市人力资源和社会保障工作会议的通知`),
    plain('各县市区人力资源和社会保障局，市局各科室、局属各单位：'),
    plain(
      `经研究，定于${y}年${rng.int(1, 12)}月${rng.int(1, 28)}日（星期${rng.pick([...'一二三四五'])}）上午${rng.int(8, 10)}:${rng.pick(['00', '30'])}在市人社局三楼会议室召开全市人社工作会议，会期${rng.int(1, 2)}天。`,
    ),
  ];
  const contact = new Line().add(
    `请各单位于${rng.int(1, 12)}月${rng.int(1, 28)}日前将参会回执报送市局办公室。联系人：${name(rng)}，联系电话：${landline(rng)}`,
  );
  if (rng.chance(0.7)) contact.add('，手机：').pii('mobile', writeMobile(rng, makeMobile(rng)));
  lines.push(contact.add(`，传真：${landline(rng)}。`).done());
  if (rng.chance(0.9)) {
    const mail = new Line().add('电子邮箱：');
    // An address spelled from a mobile number gives the number away; an office mailbox does not.
    if (rng.chance(0.1)) mail.pii('email', `${makeMobile(rng)}@139.com`);
    else
      mail.add(
        `yy${rng.pick(['rsj', 'rsjbgs', 'zcfgk', 'xxgk'])}@${rng.pick(['163.com', '126.com', 'yueyang.gov.cn'])}`,
      );
    lines.push(mail.done());
  }
  lines.push(
    plain(
      `地址：岳阳市${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 999)}号，邮编：${rng.pick(['414000', '414100', '414400', '410000'])}。政务服务便民热线：12345，咨询电话：12333。`,
    ),
    plain(`附件：1. 参会回执  2. ${y}年工作要点（${docNo(rng)}）`),
    plain(`岳阳市人力资源和社会保障局办公室    ${cnDate(rng)}`),
  );
  return { genre: 'meeting', lines };
}

function catalog(rng: Rng): CorpusDocument {
  const lines: CorpusLine[] = [];
  const items = rng.int(3, 12);
  for (let i = 0; i < items; i++) {
    lines.push(
      plain(`索引号：${indexNo(rng)}`),
      plain(`文号：${docNo(rng)}    成文日期：${isoDate(rng)}    发布日期：${isoDate(rng)}`),
      plain(
        `发布机构：岳阳市人力资源和社会保障局    统一社会信用代码：${makeCreditCode(rng, '11')}    公开方式：主动公开    有效性：有效`,
      ),
    );
  }
  return { genre: 'catalog', lines };
}

function experts(rng: Rng): CorpusDocument {
  const lines: CorpusLine[] = [
    plain(`岳阳市职称评审专家库${year(rng)}年度入库专家名单`),
    plain(['序号', '姓名', '工作单位', '职称', '手机号码', '电子邮箱'].join('\t')),
  ];
  const rows = rng.int(4, 25);
  for (let i = 1; i <= rows; i++) {
    const line = new Line().add(
      `${i}\t${name(rng)}\t岳阳市${rng.pick(['第一人民医院', '职业技术学院', '建筑设计院', '第一中学'])}\t${rng.pick(['高级工程师', '副主任医师', '教授', '高级讲师'])}\t`,
    );
    line.pii('mobile', writeMobile(rng, makeMobile(rng))).add('\t');
    // Addresses appear on most rows, so every list holds at least two.
    // The full-width ＠ is a common defence against address harvesters; it still names a person.
    if (i <= 2 || rng.chance(0.7))
      line.pii('email', rng.chance(0.1) ? makeEmail(rng).replace('@', '＠') : makeEmail(rng));
    lines.push(line.done());
  }
  return { genre: 'experts', lines };
}

function travel(rng: Rng): CorpusDocument {
  const lines: CorpusLine[] = [plain(`岳阳市人力资源和社会保障局因公出国（境）情况公示（${docNo(rng)}）`)];
  const people = rng.int(1, 6);
  for (let i = 0; i < people; i++) {
    lines.push(
      new Line()
        .add(`姓名：${name(rng)}，职务：${rng.pick(['副局长', '科长', '科员'])}，护照号码：`)
        .pii('passport', makePassport(rng))
        .add(
          `，出访国家：${rng.pick(['德国', '新加坡', '日本', '澳大利亚'])}，出访时间：${cnDate(rng)}至${rng.int(1, 12)}月${rng.int(1, 28)}日，经费预算：${amount(rng)}元`,
        )
        .done(),
    );
  }
  lines.push(plain(`公示期间如有意见，请与市局人事科联系，电话：${landline(rng)}，车次：G${rng.int(1, 1999)}次。`));
  return { genre: 'travel', lines };
}

function statistics(rng: Rng): CorpusDocument {
  const lines: CorpusLine[] = [plain(`${year(rng)}年1-${rng.int(3, 12)}月全市人力资源和社会保障主要指标完成情况`)];
  const count = rng.int(6, 20);
  for (let i = 0; i < count; i++) {
    lines.push(
      plain(
        rng.pick([
          `城镇新增就业${rng.int(1, 9)}.${rng.int(10, 99)}万人，完成年度目标任务的${rng.int(30, 120)}.${rng.int(0, 9)}%；发放创业担保贷款${rng.int(1000, 99999).toLocaleString('en-US')}万元。`,
          `订单号：${year(rng)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${rng.digits(rng.int(8, 12))}，交易流水号：${rng.digits(20)}`,
          `项目资金合计：${rng.int(1, 9)}${rng.digits(rng.int(8, 11))}.${rng.digits(2)}元（大写略），其中中央资金${amount(rng)}元，占比${rng.int(10, 90)}.${rng.digits(2)}%。`,
          `许可证编号：${rng.pick(['10', '12'])}${rng.digits(9)}，有效期至${isoDate(rng)}。`,
          `原登记身份证号码${makeWrongCheckId(rng)}校验不通过，已退回重新采集。`,
          `编号${rng.pick(['9', '0'])}${rng.digits(17)}、${rng.digits(16).replace(/^./, '1')}已作废。`,
          `办公电话：${landline(rng)}转${rng.int(8000, 8999)}，传真：${landline(rng)}，服务热线：400-${rng.digits(3)}-${rng.digits(4)}。`,
          `设备编号：S${rng.digits(7)}，合同编号：HT-${year(rng)}-${rng.digits(6)}，采购金额${amount(rng)}元。`,
          `统计年度：${year(rng)}-${year(rng)}，数据截至${isoDate(rng)}，来源：岳阳市统计局（${docNo(rng)}）。`,
          `商品条码：69${rng.digits(11)}，发票代码：0${rng.digits(11)}，发票号码：${rng.digits(8)}，开票时间：${year(rng)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${rng.digits(6)}。`,
          `统计用区划代码：430602${rng.digits(6)}，城乡分类代码：${rng.int(111, 220)}。`,
          `已脱敏：身份证号${masked(rng, makeResidentId(rng))}，手机${makeMobile(rng).slice(0, 3)}****${rng.digits(4)}。`,
        ]),
      ),
    );
  }
  return { genre: 'statistics', lines };
}

const MAKERS: readonly [number, (rng: Rng) => CorpusDocument][] = [
  [0.24, (r) => subsidy(r, false)],
  [0.03, (r) => subsidy(r, true)],
  [0.14, exam],
  [0.13, penalty],
  [0.12, meeting],
  [0.1, catalog],
  [0.08, experts],
  [0.05, travel],
  [0.11, statistics],
];

export interface CorpusOptions {
  readonly seed?: number;
  /** Stop once at least this many lines exist. */
  readonly lines?: number;
  /** Stop once the text reaches this many UTF-8 bytes. */
  readonly bytes?: number;
}

export function generateCorpus(options: CorpusOptions = {}): CorpusDocument[] {
  const rng = new Rng(options.seed ?? 20130512);
  const wantLines = options.lines ?? (options.bytes === undefined ? 10_000 : Infinity);
  const wantBytes = options.bytes ?? Infinity;
  const docs: CorpusDocument[] = [];
  let lines = 0;
  let bytes = 0;
  while (lines < wantLines && bytes < wantBytes) {
    let r = rng.next();
    let make = MAKERS[MAKERS.length - 1]![1];
    for (const [weight, maker] of MAKERS) {
      if (r < weight) {
        make = maker;
        break;
      }
      r -= weight;
    }
    const doc = make(rng);
    docs.push(doc);
    lines += doc.lines.length;
    if (options.bytes !== undefined) for (const l of doc.lines) bytes += Buffer.byteLength(l.text, 'utf8') + 1;
  }
  return docs;
}

export function documentText(doc: CorpusDocument): string {
  return doc.lines.map((l) => l.text).join('\n');
}

/** The document's truth with offsets into documentText(doc). */
export function documentTruth(doc: CorpusDocument): TruthSpan[] {
  const out: TruthSpan[] = [];
  let offset = 0;
  for (const line of doc.lines) {
    for (const t of line.truth) out.push({ kind: t.kind, start: t.start + offset, end: t.end + offset });
    offset += line.text.length + 1;
  }
  return out;
}
