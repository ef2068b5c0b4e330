import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, sanitizeBody } from './sanitize.ts';

// What a drafter types or pastes into the body box, and what is stored and shown.
const cases: readonly { name: string; input: string; stored: string }[] = [
  { name: 'empty', input: '', stored: '' },
  { name: 'one line of text', input: '根据工作安排', stored: '<p>根据工作安排</p>' },
  {
    name: 'typed lines are paragraphs; blank lines and indentation go',
    input: '　　第一段。\r\n　　第二段。\n\n\n第三段。',
    stored: '<p>第一段。</p>\n<p>第二段。</p>\n<p>第三段。</p>',
  },
  {
    name: 'plain text with comparison signs stays text',
    input: '年龄<60 且 收入>0 & 在职',
    stored: '<p>年龄&lt;60 且 收入&gt;0 &amp; 在职</p>',
  },
  {
    name: 'markup keeps its paragraphs and links, loses script and handlers',
    input: '<p onclick="x()">甲</p><script>alert(1)</script><p>乙 <a href="javascript:alert(1)">链</a></p>',
    stored: '<p>甲</p><p>乙 <a rel="noopener noreferrer">链</a></p>',
  },
  {
    name: 'Word pads with empty paragraphs; they go, empty cells stay',
    input:
      '<p class=MsoNormal>甲<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><table><tr><td>一</td><td></td></tr></table>',
    stored: '<p>甲</p><table><tr><td>一</td><td></td></tr></table>',
  },
  {
    name: 'Word bulleted paragraphs become a list',
    input:
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;</span></span><![endif]>甲项<o:p></o:p></p>\n" +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>乙项</p>",
    stored: '<ul><li>甲项</li>\n<li>乙项</li></ul>',
  },
  {
    name: 'Word numbered paragraphs (1. or 一、) become a numbered list',
    input:
      "<p style='mso-list:l1 level1 lfo2'><![if !supportLists]>一、<![endif]>第一</p>" +
      "<p style='mso-list:l1 level1 lfo2'><![if !supportLists]>二、<![endif]>第二</p><p class=MsoNormal>后文</p>",
    stored: '<ol><li>第一</li><li>第二</li></ol><p>后文</p>',
  },
  {
    name: 'a whole Word clipboard document: head, styles and comments go',
    input:
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><title>文档1</title><style>p.MsoNormal{margin:0}</style></head>' +
      '<body><!--StartFragment--><p class=MsoNormal style="text-indent:2em"><b>通知</b></p>' +
      '<table class=MsoTableGrid border=1><tr><td width=120 style="border:solid"><p class=MsoNormal>单元</p></td></tr></table><!--EndFragment--></body></html>',
    stored: '<p><b>通知</b></p><table><tr><td><p>单元</p></td></tr></table>',
  },
];

for (const c of cases) {
  test(`body: ${c.name}`, () => {
    const stored = sanitizeBody(c.input);
    assert.equal(stored, c.stored);
    assert.equal(sanitizeBody(stored), stored, 'saving again changes nothing');
  });
}

test('the text of a body for summaries and search reads as words', () => {
  assert.equal(bodyText(sanitizeBody('第一段\n第二段')), '第一段 第二段');
});
