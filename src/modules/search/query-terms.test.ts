import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSinglePhrase, parseTerms, splitTerms, variantsOf, widen, widenedWith, wordsOf } from './query-terms.ts';

const groups = [
  ['社保', '社会保险', '社会保障'],
  ['公积金', '住房公积金'],
  ['人社', '人力资源和社会保障'],
];

test('parseTerms: spaces (ASCII and U+3000) outside quotes split, quotes make one phrase', () => {
  const cases: [string, { text: string; quoted: boolean }[]][] = [
    ['社会保险', [{ text: '社会保险', quoted: false }]],
    [
      '就业 通知',
      [
        { text: '就业', quoted: false },
        { text: '通知', quoted: false },
      ],
    ],
    [
      '2025　养老保险',
      [
        { text: '2025', quoted: false },
        { text: '养老保险', quoted: false },
      ],
    ],
    ['  就业   就业 ', [{ text: '就业', quoted: false }]],
    [
      '"就业 通知" 社保',
      [
        { text: '就业 通知', quoted: true },
        { text: '社保', quoted: false },
      ],
    ],
    ['“社保”', [{ text: '社保', quoted: true }]],
    ['＂ＡＢ＂', [{ text: 'ab', quoted: true }]],
    [
      'a"b c',
      [
        { text: 'a', quoted: false },
        { text: 'b c', quoted: true },
      ],
    ],
    ['"" ', []],
    ['岳人社发[2013]12号', [{ text: '岳人社发〔2013〕12号', quoted: false }]],
  ];
  for (const [q, expected] of cases) assert.deepEqual(parseTerms(q), expected, q);
  assert.equal(parseTerms('a b c d e f g h i j').length, 8, 'at most eight terms');
});

test('variantsOf: substring replacement, longest member first, covered forms dropped', () => {
  const cases: [string, string[]][] = [
    ['社保', ['社保', '社会保险', '社会保障']],
    ['社会保险', ['社会保险', '社保', '社会保障']],
    ['社保卡', ['社保卡', '社会保险卡', '社会保障卡']],
    ['社会保障卡', ['社会保障卡', '社保卡', '社会保险卡']],
    // 住房公积金 contains 公积金: the shorter form finds everything the longer does.
    ['住房公积金', ['公积金']],
    ['公积金', ['公积金']],
    ['公积金贷款', ['公积金贷款']],
    ['人社局', ['人社局', '人力资源和社会保障局']],
    ['就业', ['就业']],
  ];
  for (const [term, expected] of cases) assert.deepEqual(variantsOf(term, groups), expected, term);
  assert.ok(variantsOf('社保社保', [['社保', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']], 3).length <= 3);
});

test('widen: quoted terms keep one form; single phrase and what was widened', () => {
  const plain = widen(parseTerms('就业创业'), groups);
  assert.ok(isSinglePhrase(plain));
  assert.deepEqual(widenedWith(plain), []);
  const quoted = widen(parseTerms('"社保"'), groups);
  assert.ok(isSinglePhrase(quoted));
  const widened = widen(parseTerms('社保 通知'), groups);
  assert.ok(!isSinglePhrase(widened));
  assert.deepEqual(widenedWith(widened), ['社会保险', '社会保障']);
  assert.ok(!isSinglePhrase(widen(parseTerms('社保'), groups)), 'one word with forms is not one phrase');
  assert.deepEqual(widenedWith(widen(parseTerms('住房公积金'), groups)), ['公积金']);
});

test('wordsOf and splitTerms: Chinese phrases split into words without function words', () => {
  assert.deepEqual(wordsOf('养老保险缴费'), ['养老', '保险', '缴费']);
  assert.deepEqual(wordsOf('关于做好就业工作的通知'), ['关于', '做好', '就业', '工作', '通知']);
  assert.ok(wordsOf('残疾人两项补贴').every((w) => Array.from(w).length > 1));
  assert.deepEqual(splitTerms(parseTerms('养老保险缴费 2025')), [
    { text: '养老', quoted: false },
    { text: '保险', quoted: false },
    { text: '缴费', quoted: false },
    { text: '2025', quoted: false },
  ]);
  assert.equal(splitTerms(parseTerms('"养老保险缴费"')), null, 'a quoted phrase is never split');
  assert.equal(splitTerms(parseTerms('就业')), null, 'two characters are one word');
  assert.equal(splitTerms(parseTerms('abcdef')), null, 'no Chinese, no split');
  assert.equal(splitTerms(parseTerms('岳人社发〔2013〕12号')), null, 'a document number is never split');
});
