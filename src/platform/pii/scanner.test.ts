import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText, documentTruth, generateCorpus, Rng } from './corpus.ts';
import {
  compactIdentifier,
  isBankCard,
  isCreditCode,
  isEmail,
  isMobile,
  isPassport,
  isResidentId,
  isResidentId15,
  normalizeDigits,
} from './identifiers.ts';
import { maskText, PII_KINDS, scanText, type PiiKind } from './scanner.ts';

// Check characters computed here the way the standards describe them, not the way identifiers.ts
// does, so that the two would have to be wrong in the same way for the tests to pass.

/** ISO 7064 MOD 11-2 in its recursive form: p = 2(p + a) mod 11, then the check makes it 1. */
function mod11_2(first17: string): string {
  let p = 0;
  for (const ch of first17) p = ((p + Number(ch)) * 2) % 11;
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}

/** GB 32100-2015 with the weights written out as the standard lists them. */
function gb32100(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, ch, i) => acc + chars.indexOf(ch) * weights[i]!, 0);
  return chars[(31 - (sum % 31)) % 31]!;
}

/** Luhn by doubling every second digit from the right, digit sums taken literally. */
function luhnDigit(body: string): string {
  const digits = [...body].reverse().map(Number);
  const total = digits.reduce((acc, d, i) => {
    if (i % 2 === 1) return acc + d;
    const twice = d * 2;
    return acc + Math.floor(twice / 10) + (twice % 10);
  }, 0);
  return String((10 - (total % 10)) % 10);
}

const withId = (body17: string): string => body17 + mod11_2(body17);
const withCard = (body: string): string => body + luhnDigit(body);
const withCredit = (body17: string): string => body17 + gb32100(body17);
const kinds = (text: string): string[] => scanText(text).map((f) => f.kind);

describe('identifier validators', () => {
  it('accepts the GB 11643 sample and numbers checked independently', () => {
    assert.equal(mod11_2('11010519491231002'), 'X');
    assert.equal(isResidentId('11010519491231002X'), true);
    assert.equal(isResidentId('11010519491231002x'), true);
    assert.equal(isResidentId('１１０１０５１９４９１２３１００２Ｘ'), true);
    assert.equal(isResidentId('110105 19491231 002X'), true);
    for (const body of ['43060219850317123', '44030520000229123', '81000019991231001', '62010219700101555']) {
      assert.equal(isResidentId(withId(body)), true, body);
    }
  });

  it('rejects wrong check digits, regions and dates', () => {
    assert.equal(isResidentId('110105194912310021'), false); // check digit should be X
    assert.equal(isResidentId(withId('99010519491231002')), false); // no province 99
    assert.equal(isResidentId(withId('20010519491231002')), false); // no province 20
    assert.equal(isResidentId(withId('43060219850230123')), false); // 30 February
    assert.equal(isResidentId(withId('43060219000229123')), false); // 1900 was not a leap year
    assert.equal(isResidentId(withId('43060218990101123')), false); // before 1900
    assert.equal(isResidentId(withId('43060221000101123')), false); // in the future
    assert.equal(isResidentId('11010519491231002'), false);
    assert.equal(isResidentId('11010519491231002X1'), false);
  });

  it('checks the date of 15-digit numbers', () => {
    assert.equal(isResidentId15('130503670401001'), true);
    assert.equal(isResidentId15('430602850229123'), false); // 1985 was not a leap year
    assert.equal(isResidentId15('430602851301123'), false);
    assert.equal(isResidentId15('990602850101123'), false);
    assert.equal(isResidentId15('43060285010112'), false);
  });

  it('validates unified social credit codes', () => {
    for (const body of ['91430600MA4L1234X', '92430602MA4PQR7K3', '11430600006123456', '5243060050123456X']) {
      const code = withCredit(body);
      assert.equal(isCreditCode(code), true, code);
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      assert.equal(isCreditCode(wrong), false, wrong);
    }
    assert.equal(isCreditCode(withCredit('91430600MA4L1234X').toLowerCase()), true); // typed in lower case
    assert.equal(isCreditCode('91430600MA4I1234X0'), false); // I is not in the charset
    assert.equal(isCreditCode('914306O0MA4L1234X0'), false); // nor O, and never in the region
    assert.equal(isCreditCode('91430600MA4L1234'), false);
  });

  it('validates bank cards by Luhn and issuer prefix', () => {
    for (const card of [
      '4111111111111111',
      '5500000000000004',
      '378282246310005',
      '6011111111111117',
      withCard('621700123456789012'),
      withCard('622588123456789'),
      withCard('955880123456789012'),
    ]) {
      assert.equal(isBankCard(card), true, card);
    }
    assert.equal(isBankCard('4111111111111112'), false);
    assert.equal(isBankCard(withCard('123456781234567')), false); // Luhn-valid, no issuer starts with 1
    assert.equal(isBankCard(withCard('70000000000000')), false);
    assert.equal(isBankCard(withCard('62170012345')), false); // 12 digits
    assert.equal(isBankCard(withCard('6217001234567890123')), false); // 20 digits
    assert.equal(isBankCard('6222 0212 3456 7890 128'), isBankCard('6222021234567890128'));
  });

  it('validates mainland mobiles with and without +86', () => {
    for (const m of [
      '13812345678',
      '19912345678',
      '+8613812345678',
      '+86 138 1234 5678',
      '8613812345678',
      '１３８１２３４５６７８',
      '138-1234-5678',
    ]) {
      assert.equal(isMobile(m), true, m);
    }
    for (const m of ['12812345678', '10086123456', '1381234567', '138123456789', '+8612812345678', '07318251965']) {
      assert.equal(isMobile(m), false, m);
    }
  });

  it('validates PRC passport shapes', () => {
    for (const p of ['E12345678', 'EA1234567', 'G12345678', 'P1234567', 'DE1234567', 'SE1234567', 'e12345678']) {
      assert.equal(isPassport(p), true, p);
    }
    for (const p of ['E1234567', 'EI1234567', 'EO1234567', 'A12345678', 'G123456789', 'G1234']) {
      assert.equal(isPassport(p), false, p);
    }
  });

  it('validates e-mail addresses', () => {
    for (const e of ['zhangsan@163.com', 'zhang.san+gk@yueyang.gov.cn', '12345@qq.com', 'a_b-c@sub.example.org']) {
      assert.equal(isEmail(e), true, e);
    }
    for (const e of [
      'zhangsan@',
      '@163.com',
      'zhang..san@163.com',
      '.zs@163.com',
      'zs@163',
      'zs@-a.com',
      'z s@163.com',
    ]) {
      assert.equal(isEmail(e), false, e);
    }
  });

  it('normalises full-width digits without moving offsets', () => {
    const input = '号码４３０６０２ｘ，Ｘ';
    const out = normalizeDigits(input);
    assert.equal(out, '号码430602x，X');
    assert.equal(out.length, input.length);
    assert.equal(normalizeDigits('plain 123'), 'plain 123');
    assert.equal(compactIdentifier(' ４３０６０２-1985 0317 ｘ '), '43060219850317X');
  });
});

describe('scanText', () => {
  const id = withId('43060219850317123');

  it('finds identity numbers however they are written, with offsets into the original', () => {
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    const dashed = `${id.slice(0, 6)}-${id.slice(6, 10)}-${id.slice(10, 14)}-${id.slice(14)}`;
    const full = [...id].map((c) => String.fromCharCode(c === 'X' ? 0xff38 : c.charCodeAt(0) - 48 + 0xff10)).join('');
    const text = `张三，身份证号：${spaced}\n李四 ${dashed}；王五（${full}）\n赵六${id}`;
    const found = scanText(text);
    assert.deepEqual(
      found.map((f) => [f.kind, text.slice(f.start, f.end), f.line, f.value]),
      [
        ['resident_id', spaced, 1, id],
        ['resident_id', dashed, 2, id],
        ['resident_id', full, 2, id],
        ['resident_id', id, 3, id],
      ],
    );
    assert.equal(found[0]!.masked, `${id.slice(0, 6)} ******** ${id.slice(14)}`);
    assert.equal(found[1]!.masked, `${id.slice(0, 6)}-****-****-${id.slice(14)}`);
    assert.equal(found[3]!.masked, `${id.slice(0, 6)}********${id.slice(14)}`);
  });

  it('finds the GB 11643 sample with its X and the 15-digit form where IDs are discussed', () => {
    assert.deepEqual(kinds('公民身份号码 11010519491231002X。'), ['resident_id']);
    assert.deepEqual(kinds('身份证号码：130503670401001'), ['resident_id_15']);
    assert.deepEqual(kinds('注册号：130503670401001'), []); // an old business registration number
  });

  it('finds mobiles, with a +86 prefix inside the span', () => {
    const text = '联系人：李明，手机 +86 138 1234 5678，或13912345678。';
    const found = scanText(text);
    assert.deepEqual(
      found.map((f) => [f.kind, text.slice(f.start, f.end), f.masked]),
      [
        ['mobile', '+86 138 1234 5678', '+86 138 **** 5678'],
        ['mobile', '13912345678', '139****5678'],
      ],
    );
  });

  it('does not flag ordinary numbers', () => {
    const negatives = [
      '岳人社发〔2013〕12号',
      '成文日期：2013-05-20，发布日期：2013年5月20日',
      '罚款人民币12,345.00元，合计1234567890123.45元',
      '联系电话：0731-8251965，0730-8888888，（0730）8251965，0731 82519651',
      '邮编：414000',
      '索引号：000014349/2017-00110',
      '索引号：11341702486344515H/202110-00013',
      '订单号：2021031512345678901',
      `身份证号码：${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`, // wrong check digit
      '许可证编号：10012345678、12812345678',
      '服务热线：400-888-1234，12345，12333',
      '身份证号：430602********1234，手机：138****5678',
      '设备编号：S1234567，车次：G1502',
      `编号ABC${id}、No.13812345678`, // glued to letters: part of a code
      `${id}9`, // a longer digit run is something else
      '813812345678',
      '统计年度：2019-2020，增长3.56%',
    ];
    for (const text of negatives) assert.deepEqual(scanText(text), [], text);
  });

  it('reports bank cards only with a card context or the UnionPay 16/19-digit shape', () => {
    const unionPay = withCard('621700123456789012');
    const visa = withCard('436742123456789');
    assert.deepEqual(kinds(`转入 ${unionPay}`), ['bank_card']);
    assert.deepEqual(kinds(`流水 ${visa}`), []);
    assert.deepEqual(kinds(`银行卡号：${visa}`), ['bank_card']);
    assert.deepEqual(kinds(`姓名\t卡号\n张三\t${visa}`), ['bank_card']); // a column header covers the list
    assert.deepEqual(kinds(`订单号：${unionPay}，交易流水号：${unionPay}`), []); // named as something else
    assert.deepEqual(kinds(`存折账号 ${withCard('955880123456')}`), ['bank_card']); // 13 digits, card word close by
    const spaced = unionPay.replace(/(\d{4})(?=\d)/g, '$1 ');
    const found = scanText(`开户行：农业银行 ${spaced}`);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.masked, `${unionPay.slice(0, 4)} **** **** ***${unionPay[15]} ${unionPay.slice(16)}`);
  });

  it('reports credit codes of individual businesses and people, not of companies, by default', () => {
    const company = withCredit('91430600MA4L1234X');
    const business = withCredit('92430602MA4PQR7K3');
    const decision = `当事人：岳阳市华实建筑工程有限公司\n统一社会信用代码：${company}\n法定代表人：张三`;
    assert.deepEqual(kinds(decision), []);
    assert.deepEqual(kinds(`当事人：张三小吃店（个体工商户），统一社会信用代码：${business}`), ['credit_code']);
    assert.deepEqual(kinds(`经营者：李四，统一社会信用代码：${withCredit('93430600MA4PQR7K3')}`), ['credit_code']);
    assert.deepEqual(
      scanText(decision, { creditCodes: 'always' }).map((f) => f.kind),
      ['credit_code'],
    );
    assert.deepEqual(scanText(`个体工商户 ${business}`, { creditCodes: 'never' }), []);
    const found = scanText(`个体工商户 ${business}`)[0]!;
    assert.equal(found.masked, `${business.slice(0, 8)}********${business.slice(16)}`);
  });

  it('reports e-mail addresses in lists and beside identities, not an office contact', () => {
    assert.deepEqual(kinds('联系邮箱：yyrsj@163.com'), []);
    assert.deepEqual(kinds('王一 wangyi@163.com\n李二 lier@qq.com'), ['email', 'email']);
    assert.deepEqual(kinds('邮箱：yyrsj@163.com，投稿请发 yyrsj@163.com'), []); // one address, twice
    assert.deepEqual(kinds(`${id} zhangsan@qq.com`), ['resident_id', 'email']);
    assert.deepEqual(kinds('姓名：张三 邮箱：zhangsan@qq.com'), ['email']);
    assert.deepEqual(kinds('专家：王一 wangyi＠163.com，李二 lier＠qq.com'), ['email', 'email']);
    const mine = scanText('邮箱：13812345678@139.com');
    assert.deepEqual(
      mine.map((f) => [f.kind, f.masked]),
      [['email', '1**********@139.com']],
    );
  });

  it('reports passports, trusting D/S/P numbers only when the text says passport', () => {
    assert.deepEqual(kinds('护照号码：E12345678，EA1234567；G12345678'), ['passport', 'passport', 'passport']);
    assert.deepEqual(kinds('公务护照 P1234567'), ['passport']);
    assert.deepEqual(kinds('档案号 P1234567'), []);
    assert.equal(scanText('护照 EA1234567')[0]!.masked, 'EA****567');
  });

  it('gives one finding per occurrence and never overlaps', () => {
    const card = withCard('621700123456789012');
    const text = `1 ${id} 13812345678 ${card} 1,500.00\n2 ${id}`;
    const found = scanText(text);
    assert.deepEqual(
      found.map((f) => f.kind),
      ['resident_id', 'mobile', 'bank_card', 'resident_id'],
    );
    for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end);
  });
});

describe('maskText', () => {
  it('masks every finding in place and keeps the length', () => {
    const id = withId('43060219850317123');
    const text = `张三 ${id} 手机 13812345678 邮箱 zs@163.com\n李四 ls@qq.com`;
    const masked = maskText(text, scanText(text));
    assert.equal(masked.length, text.length);
    assert.equal(
      masked,
      `张三 ${id.slice(0, 6)}********${id.slice(14)} 手机 138****5678 邮箱 z*@163.com\n李四 l*@qq.com`,
    );
    assert.deepEqual(scanText(masked), []); // masking removes what the guard looks for
  });

  it('ignores overlapping or out-of-range spans', () => {
    assert.equal(
      maskText('13812345678', [
        { kind: 'mobile', start: 0, end: 11 },
        { kind: 'mobile', start: 5, end: 11 },
      ]),
      '138****5678',
    );
    assert.equal(maskText('abc', [{ kind: 'mobile', start: 1, end: 9 }]), 'abc');
  });
});

describe('corpus', () => {
  it('is deterministic and its labels point at valid identifiers', () => {
    const a = generateCorpus({ seed: 7, lines: 500 });
    const b = generateCorpus({ seed: 7, lines: 500 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(generateCorpus({ seed: 8, lines: 500 }), a);
    const validators: Partial<Record<PiiKind, (s: string) => boolean>> = {
      resident_id: isResidentId,
      resident_id_15: isResidentId15,
      mobile: isMobile,
      bank_card: isBankCard,
      credit_code: isCreditCode,
      passport: isPassport,
      email: (s) => isEmail(s.replace('＠', '@')),
    };
    for (const doc of a) {
      for (const line of doc.lines) {
        for (const t of line.truth)
          assert.ok(validators[t.kind]!(line.text.slice(t.start, t.end)), `${t.kind} ${line.text}`);
      }
    }
    const rng = new Rng(1);
    assert.notEqual(rng.next(), rng.next());
  });

  it('measures precision and recall on 12,000 generated lines', () => {
    const docs = generateCorpus({ seed: 20240601, lines: 12_000 });
    const counts = new Map<PiiKind, { tp: number; fp: number; fn: number }>(
      PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]),
    );
    let lines = 0;
    for (const doc of docs) {
      lines += doc.lines.length;
      const text = documentText(doc);
      const key = (x: { kind: string; start: number; end: number }): string => `${x.kind}@${x.start}-${x.end}`;
      const truth = new Set(documentTruth(doc).map(key));
      const found = scanText(text);
      const foundKeys = new Set(found.map(key));
      for (const f of found) counts.get(f.kind)![truth.has(key(f)) ? 'tp' : 'fp']++;
      for (const t of documentTruth(doc)) if (!foundKeys.has(key(t))) counts.get(t.kind)!.fn++;
    }
    assert.ok(lines >= 10_000);
    const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
    const total = { tp: 0, fp: 0, fn: 0 };
    const parts: string[] = [];
    for (const [kind, c] of counts) {
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
      parts.push(
        `${kind} P=${ratio(c.tp, c.tp + c.fp).toFixed(4)} R=${ratio(c.tp, c.tp + c.fn).toFixed(4)} n=${c.tp + c.fn}`,
      );
    }
    const precision = ratio(total.tp, total.tp + total.fp);
    const recall = ratio(total.tp, total.tp + total.fn);
    console.log(
      `pii corpus: ${lines} lines; overall P=${precision.toFixed(4)} R=${recall.toFixed(4)}; ${parts.join('; ')}`,
    );
    const ids = counts.get('resident_id')!;
    assert.ok(ids.tp + ids.fn > 1000);
    assert.ok(ratio(ids.tp, ids.tp + ids.fn) >= 0.99);
    assert.ok(precision >= 0.99);
  });
});
