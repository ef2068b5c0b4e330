import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLICANT_KIND_COLUMNS,
  APPLICANT_KINDS,
  applicantColumn,
  chineseNumber,
  isOutcomeCode,
  OUTCOME_CODES,
  OUTCOMES,
  outcomeRow2019,
  outcomeRow2021,
  REPLY_TEMPLATE_KINDS,
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  type OutcomeCode,
} from './outcome.ts';
import { APPLICANT_KEYS, OUTCOME_GROUPS } from '../reports/report-types.ts';

// Expected rows, copied by hand from docs/domain/annual-report.md#table-3-rows (ids, exact labels, group cells).
const EXPECTED_2021: [OutcomeCode, string, string, string | undefined][] = [
  ['disclosed', 'r3.1', '（一）予以公开', undefined],
  ['partially_disclosed', 'r3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', undefined],
  ['withheld_state_secret', 'r3.3.1', '1.属于国家秘密', '（三）不予公开'],
  ['withheld_prohibited_by_law', 'r3.3.2', '2.其他法律行政法规禁止公开', '（三）不予公开'],
  ['withheld_security_stability', 'r3.3.3', '3.危及“三安全一稳定”', '（三）不予公开'],
  ['withheld_third_party_rights', 'r3.3.4', '4.保护第三方合法权益', '（三）不予公开'],
  ['withheld_internal_affairs', 'r3.3.5', '5.属于三类内部事务信息', '（三）不予公开'],
  ['withheld_process_information', 'r3.3.6', '6.属于四类过程性信息', '（三）不予公开'],
  ['withheld_enforcement_file', 'r3.3.7', '7.属于行政执法案卷', '（三）不予公开'],
  ['withheld_administrative_query', 'r3.3.8', '8.属于行政查询事项', '（三）不予公开'],
  ['unable_not_held', 'r3.4.1', '1.本机关不掌握相关政府信息', '（四）无法提供'],
  ['unable_needs_creation', 'r3.4.2', '2.没有现成信息需要另行制作', '（四）无法提供'],
  ['unable_unclear_after_correction', 'r3.4.3', '3.补正后申请内容仍不明确', '（四）无法提供'],
  ['not_processed_petition', 'r3.5.1', '1.信访举报投诉类申请', '（五）不予处理'],
  ['not_processed_duplicate', 'r3.5.2', '2.重复申请', '（五）不予处理'],
  ['not_processed_publication', 'r3.5.3', '3.要求提供公开出版物', '（五）不予处理'],
  ['not_processed_excessive', 'r3.5.4', '4.无正当理由大量反复申请', '（五）不予处理'],
  ['not_processed_confirmation', 'r3.5.5', '5.要求行政机关确认或重新出具已获取信息', '（五）不予处理'],
  [
    'other_no_correction',
    'r3.6.1',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '（六）其他处理',
  ],
  [
    'other_fee_unpaid',
    'r3.6.2',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）其他处理',
  ],
  ['other', 'r3.6.3', '3.其他', '（六）其他处理'],
];

describe('outcome codes and table 三 rows (2021 format)', () => {
  it('one code per outcome row, in printed order', () => {
    assert.deepEqual(
      [...OUTCOME_CODES],
      EXPECTED_2021.map(([code]) => code),
    );
  });

  for (const [code, id, label, group] of EXPECTED_2021) {
    it(`${code} → ${id} ${label}`, () => {
      const row = outcomeRow2021(code);
      assert.equal(row.id, id);
      assert.equal(row.label, label);
      assert.equal(row.group?.label, group);
      assert.ok(row.en.length > 0);
      assert.equal(OUTCOMES[code].code, code);
    });
  }

  it('lists every row of table 三 with 22 rows under 三', () => {
    assert.deepEqual(
      TABLE3_ROWS_2021.map((r) => r.id),
      ['r1', 'r2', ...EXPECTED_2021.map(([, id]) => id), 'r3.7', 'r4'],
    );
    assert.equal(TABLE3_ROWS_2021.filter((r) => r.id.startsWith('r3.')).length, 22);
    const label = (id: string) => TABLE3_ROWS_2021.find((r) => r.id === id)!.label;
    assert.equal(label('r1'), '一、本年新收政府信息公开申请数量');
    assert.equal(label('r2'), '二、上年结转政府信息公开申请数量');
    assert.equal(label('r3.7'), '（七）总计');
    assert.equal(label('r4'), '四、结转下年度继续办理');
  });

  it('each outcome points at a cell group that exists in the report schema', () => {
    const groups = OUTCOME_GROUPS as Record<string, readonly string[]>;
    for (const code of OUTCOME_CODES) {
      const path = OUTCOMES[code].reportPath.split('.');
      assert.deepEqual(path.slice(0, 2), ['applications', 'outcomes'], code);
      if (path.length === 3) assert.ok(['granted', 'partiallyGranted'].includes(path[2]!), code);
      else assert.ok(groups[path[2]!]?.includes(path[3]!), code);
      assert.equal(outcomeRow2021(code).reportPath, OUTCOMES[code].reportPath);
    }
    const paths = OUTCOME_CODES.map((c) => OUTCOMES[c].reportPath);
    assert.equal(new Set(paths).size, paths.length, 'no two codes share a cell');
  });

  it('rejects unknown codes', () => {
    assert.equal(isOutcomeCode('disclosed'), true);
    assert.equal(isOutcomeCode('granted'), false);
    assert.throws(() => outcomeRow2021('granted' as OutcomeCode), RangeError);
    assert.throws(() => outcomeRow2019('granted' as OutcomeCode), RangeError);
  });
});

describe('2019 trial format', () => {
  it('has one （六）其他处理 row and 20 rows under 三', () => {
    assert.equal(TABLE3_ROWS_2019.filter((r) => r.id.startsWith('r3.')).length, 20);
    assert.deepEqual(TABLE3_ROWS_2019.map((r) => r.id).slice(-4), ['r3.5.5', 'r3.6', 'r3.7', 'r4']);
    for (const code of ['other_no_correction', 'other_fee_unpaid', 'other'] as const) {
      const row = outcomeRow2019(code);
      assert.equal(row.id, 'r3.6');
      assert.equal(row.label, '（六）其他处理');
      assert.equal(row.reportPath, undefined, 'the 2021 schema has no single r3.6 cell');
    }
  });

  it('maps every other code to the same row as 2021', () => {
    for (const [code, id, label] of EXPECTED_2021.filter(([, id]) => !id.startsWith('r3.6.'))) {
      assert.deepEqual([outcomeRow2019(code).id, outcomeRow2019(code).label], [id, label]);
    }
  });
});

describe('legal basis and reply notices', () => {
  const articles = (code: OutcomeCode) => OUTCOMES[code].basis.map((b) => b.article);

  it('follows the outcome mapping of docs/domain/annual-report.md#outcome-mapping', () => {
    assert.deepEqual(articles('disclosed'), ['36(二)', '36(一)']);
    assert.deepEqual(articles('partially_disclosed'), ['37']);
    for (const c of ['withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability'] as const)
      assert.deepEqual(articles(c), ['14', '36(三)']);
    assert.deepEqual(articles('withheld_third_party_rights'), ['15', '36(三)']);
    for (const c of ['withheld_internal_affairs', 'withheld_process_information', 'withheld_enforcement_file'] as const)
      assert.deepEqual(articles(c), ['16', '36(三)']);
    assert.deepEqual(articles('withheld_administrative_query'), ['36(七)']);
    assert.deepEqual(articles('unable_not_held'), ['36(四)', '36(五)']);
    assert.deepEqual(articles('unable_needs_creation'), ['38']);
    assert.deepEqual(articles('unable_unclear_after_correction'), ['30']);
    assert.deepEqual(articles('not_processed_petition'), ['39¶1']);
    assert.deepEqual(articles('not_processed_duplicate'), ['36(六)']);
    assert.deepEqual(articles('not_processed_publication'), ['39¶2']);
    assert.deepEqual(articles('not_processed_excessive'), ['35']);
    assert.deepEqual(articles('not_processed_confirmation'), [], 'no article in the outcome mapping: none guessed');
    assert.deepEqual(articles('other_no_correction'), ['30']);
    assert.deepEqual(
      OUTCOMES.other_fee_unpaid.basis.map((b) => b.instrument),
      ['regulation_2019', 'fee_measure_2020'],
    );
    assert.deepEqual(articles('other'), []);
  });

  it('writes citations as a reply notice does', () => {
    assert.equal(
      OUTCOMES.withheld_state_secret.basis[1]!.cite,
      '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
    );
    assert.equal(OUTCOMES.withheld_state_secret.basis[0]!.cite, '《中华人民共和国政府信息公开条例》第十四条');
    assert.equal(OUTCOMES.not_processed_petition.basis[0]!.cite, '《中华人民共和国政府信息公开条例》第三十九条第一款');
    assert.match(OUTCOMES.other_fee_unpaid.basis[1]!.cite, /国办函〔2020〕109号/);
  });

  it('chineseNumber covers article numbers', () => {
    assert.deepEqual([1, 10, 14, 20, 30, 36, 42, 99].map(chineseNumber), [
      '一',
      '十',
      '十四',
      '二十',
      '三十',
      '三十六',
      '四十二',
      '九十九',
    ]);
    assert.throws(() => chineseNumber(0), RangeError);
    assert.throws(() => chineseNumber(100), RangeError);
  });

  it('uses known template kinds, and every kind is used', () => {
    const used = new Set(OUTCOME_CODES.flatMap((c) => OUTCOMES[c].templates));
    for (const kind of used) assert.ok((REPLY_TEMPLATE_KINDS as readonly string[]).includes(kind), kind);
    assert.deepEqual([...used].sort(), [...REPLY_TEMPLATE_KINDS].sort());
    assert.deepEqual(OUTCOMES.unable_not_held.templates, ['not_exist', 'not_this_agency']);
    assert.equal(OUTCOMES.disclosed.templates[0], 'disclosure');
  });
});

describe('applicant kinds', () => {
  it('map to the table 三 columns in printed order', () => {
    assert.deepEqual(APPLICANT_KINDS.map(applicantColumn), [...APPLICANT_KEYS]);
    assert.deepEqual(
      APPLICANT_KINDS.map((k) => APPLICANT_KIND_COLUMNS[k].label),
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    );
    assert.equal(APPLICANT_KIND_COLUMNS.natural_person.parent, null);
    for (const k of APPLICANT_KINDS.slice(1)) assert.equal(APPLICANT_KIND_COLUMNS[k].parent, '法人或其他组织');
  });
});
