import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOfficialText } from './check.ts';

const kinds = (text: string) => checkOfficialText(text).map((p) => p.kind);

test('the checker finds each kind of fault in the texts seen in issue 12', () => {
  assert.deepEqual(kinds('本机关予以公开，现向您提供（或告知获取的方式、途径和时间如下）。'), ['alternative']);
  assert.deepEqual(kinds('申请获取“2025年预算。”。'), ['doubled_punctuation']);
  assert.deepEqual(kinds('理由如下，，'), ['doubled_punctuation']);
  assert.deepEqual(kinds('具体情况：{{summary}}'), ['empty_placeholder']);
  assert.deepEqual(kinds('申请人：【】'), ['empty_placeholder']);
  assert.deepEqual(kinds('文号：＿＿＿'), ['empty_placeholder']);
  assert.deepEqual(kinds('复议机关：undefined'), ['empty_placeholder']);
  assert.deepEqual(kinds('法院：null'), ['empty_placeholder']);
  assert.deepEqual(kinds('按内容：licensing_result（条）'), ['code_identifier']);
  assert.deepEqual(kinds('yearlyFigures: 缺少'), ['code_identifier']);
  assert.ok(kinds('统计明细：applications.newReceived.naturalPerson').includes('code_identifier'));
});

test('the checker passes ordinary official text, with numbers, index numbers and English words', () => {
  for (const ok of [
    '本机关于2026年12月7日收到您提出的政府信息公开申请。',
    '《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十六条第（二）项。',
    '《2025年就业补助资金使用情况》（索引号：000000000/2026-00001）',
    '京人社依公开答〔2026〕3号',
    '第31至100页：70 × 10元 = 700元',
    'Records counted: new applications from natural persons',
    '（一）予以公开',
  ])
    assert.deepEqual(checkOfficialText(ok), [], ok);
});

test('half-width brackets in Chinese text are found', () => {
  assert.deepEqual(kinds('《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)'), [
    'ascii_punctuation',
    'ascii_punctuation',
  ]);
});
