import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  documentNumberKey,
  escapeHtml,
  htmlToText,
  indexTokens,
  JUNCTION_MARK as J,
  normalise,
  QUAD_MARK as Q,
  queryPlan,
  snippet,
  WIDE_JUNCTION_MARK as W,
} from './tokenizer.ts';

describe('search tokenizer', () => {
  test('normalise maps one code point to one code point', () => {
    const cases: [string, string][] = [
      ['岳人社发〔2013〕12号', '岳人社发〔2013〕12号'],
      ['岳人社发[2013]12号', '岳人社发〔2013〕12号'],
      ['岳人社发(2013)12号', '岳人社发〔2013〕12号'],
      ['岳人社发（2013）12号', '岳人社发〔2013〕12号'],
      ['岳人社发【2013】12号', '岳人社发〔2013〕12号'],
      ['岳人社发［２０１３］１２号', '岳人社发〔2013〕12号'],
      ['GDP\u3000增长', 'gdp 增长'],
      ['a\tb\nc', 'a b c'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(normalise(input), expected, input);
      assert.equal(Array.from(normalise(input)).length, Array.from(input).length, `length of ${input}`);
    }
  });

  test('index tokens: bigrams of each run, its last character, junctions between runs, ASCII terms and digit quads last', () => {
    const cases: [string, string[]][] = [
      ['社保', ['社保', '保']],
      ['社会保险', ['社会', '会保', '保险', '险']],
      ['社 保', ['社', `社${J}保`, '保']],
      ['gdp增长', ['gd', 'dp', 'p增', '增长', '长', 'gdp']],
      ['〔2013〕12号', ['20', '01', '13', '3', `3${J}1`, '12', '2号', '号', '2013', `${Q}2013`, `13${W}12`]],
      [
        '0730-812345',
        [
          '07',
          '73',
          '30',
          '0',
          `0${J}8`,
          '81',
          '12',
          '23',
          '34',
          '45',
          '5',
          '0730',
          '812345',
          `${Q}0730`,
          `30${W}81`,
          `${Q}8123`,
          `${Q}1234`,
          `${Q}2345`,
        ],
      ],
      ['社保，养老 x', ['社保', '保', `保${J}养`, '养老', '老', `老${J}x`, 'x', `社保${W}养老`]],
      ['第123号', ['第1', '12', '23', '3号', '号', '123']],
      ['a12345b', ['a1', '12', '23', '34', '45', '5b', 'b', 'a12345b', `${Q}1234`, `${Q}2345`]],
      ['', []],
    ];
    for (const [input, expected] of cases) assert.deepEqual(indexTokens(normalise(input)), expected, input);
  });

  test('Intl.Segmenter words of three or more characters are added on request', () => {
    const tokens = indexTokens(normalise('中华人民共和国政府信息公开条例'), { words: true });
    assert.ok(tokens.includes('中华'));
    assert.ok(
      tokens.some((t) => Array.from(t).length >= 3),
      'at least one segmenter word',
    );
  });

  test('query plans: the phrase of tokens every occurrence leaves, a lone one-character run by prefix', () => {
    const cases: [string, { all: string[]; prefixes: string[]; exact: boolean; selective?: string[] }][] = [
      ['社保', { all: ['社保'], prefixes: [], exact: true }],
      ['社会保险', { all: ['社会', '会保', '保险'], prefixes: [], exact: true }],
      ['保', { all: [], prefixes: ['保'], exact: false }],
      [
        '[2013]12',
        {
          all: ['20', '01', '13', '3', `3${J}1`, '12'],
          prefixes: [],
          exact: false,
          selective: [`13${W}12`, `${Q}2013`],
        },
      ],
      ['社 保', { all: ['社', `社${J}保`], prefixes: [], exact: false }],
      ['保，', { all: ['保'], prefixes: [], exact: false }],
      ['，保', { all: [], prefixes: ['保'], exact: false }],
      [
        '岳人社发〔2013〕12号',
        {
          all: ['岳人', '人社', '社发', '发', `发${J}2`, '20', '01', '13', '3', `3${J}1`, '12', '2号'],
          prefixes: [],
          exact: false,
          selective: [`社发${W}20`, `13${W}12`, `${Q}2013`],
        },
      ],
      [
        '0730-8123',
        {
          all: ['07', '73', '30', '0', `0${J}8`, '81', '12', '23'],
          prefixes: [],
          exact: false,
          selective: [`30${W}81`, `${Q}0730`, `${Q}8123`],
        },
      ],
      [
        '１２３４５６７８９',
        {
          all: ['12', '23', '34', '45', '56', '67', '78', '89'],
          prefixes: [],
          exact: true,
          selective: [`${Q}1234`, `${Q}6789`],
        },
      ],
      ['123', { all: ['12', '23'], prefixes: [], exact: true }],
      ['〔2013〕1', { all: ['20', '01', '13', '3', `3${J}1`], prefixes: [], exact: false, selective: [`${Q}2013`] }],
      ['GDP', { all: ['gd', 'dp'], prefixes: [], exact: true }],
      ['Σσ', { all: ['Σσ'], prefixes: [], exact: false }],
      ['12', { all: ['12'], prefixes: [], exact: true }],
      ['〔〕', { all: [], prefixes: [], exact: false }],
    ];
    for (const [q, expected] of cases) {
      const plan = queryPlan(q);
      assert.deepEqual(
        { all: plan.all, prefixes: plan.prefixes, exact: plan.exact, selective: plan.selective },
        { selective: [], ...expected },
        q,
      );
    }
  });

  test('every substring of a text is covered by its tokens at consecutive positions (the candidate guarantee)', () => {
    const text = normalise(
      '关于做好2013年度社会保险（养老）补贴发放工作的通知，岳人社发〔2013〕12号；GDP增长8%。a 保 b 电话0730-8123456。',
    );
    const stream = indexTokens(text);
    const tokens = new Set(stream);
    const stringOf = (ts: string[]) => ts.map((t) => `[${t}]`).join('');
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      for (let len = 1; len <= 12 && i + len <= chars.length; len++) {
        const plan = queryPlan(chars.slice(i, i + len).join(''));
        if (plan.needle.trim() !== plan.needle) continue;
        if (plan.all.length)
          assert.ok(stringOf(stream).includes(stringOf(plan.all)), `${plan.needle}: phrase ${plan.all.join(' ')}`);
        for (const p of plan.prefixes)
          assert.ok(
            [...tokens].some((t) => t.startsWith(p)),
            `${plan.needle}: ${p}*`,
          );
        for (const token of plan.selective) assert.ok(tokens.has(token), `${plan.needle}: ${token}`);
      }
    }
  });

  test('document-number keys ignore brackets, 年 and 号', () => {
    const key = documentNumberKey('岳人社发〔2013〕12号');
    assert.equal(key, '岳人社发201312');
    for (const loose of ['岳人社发2013年12号', '岳人社发[2013]12号', '岳人社发(2013)12', '岳人社发 2013 12'])
      assert.equal(documentNumberKey(loose), key, loose);
    assert.equal(documentNumberKey('社保补贴'), null);
  });

  test('htmlToText strips tags and decodes entities', () => {
    assert.equal(
      htmlToText('<p>各有关单位：</p><p>a &lt;b&gt; &amp; c&#x4E2D;&#25991;</p>'),
      '各有关单位： a <b> & c中文',
    );
    assert.equal(htmlToText('<style>p{}</style><p>x</p>'), 'x');
  });

  test('snippets escape HTML and mark every match', () => {
    assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    assert.equal(snippet('社保<script>社保', '社保'), '<mark>社保</mark>&lt;script&gt;<mark>社保</mark>');
    assert.equal(snippet('a<b', '<b'), 'a<mark>&lt;b</mark>');
    const long = snippet('前'.repeat(100) + '社保' + '后'.repeat(100), '社保', 40);
    assert.ok(long.startsWith('…') && long.endsWith('…') && long.includes('<mark>社保</mark>'));
  });
});
