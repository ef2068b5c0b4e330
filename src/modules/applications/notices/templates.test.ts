// The notice templates as text: which placeholders each may use, the check an edited text must
// pass (unknown placeholders, stray braces, the required legal basis and remedies), filling as
// plain text, and the built-in texts, which seed every agency's templates, passing that check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../../../test/support/docx.ts';
import { OUTCOME_CODES } from '../outcome.ts';
import { officialDocx } from './official-docx.ts';
import { BUILT_IN, previewNotice, replyNotice, type NoticeCase } from './notice-texts.ts';
import { remedySentence } from './remedies.ts';
import {
  checkTemplate,
  fillTemplate,
  placeholdersFor,
  placeholdersIn,
  replyTemplateKey,
  TEMPLATE_KEYS,
} from './templates.ts';

const CASE: NoticeCase = {
  id: 7,
  applicantName: '王小明',
  receivedOn: '2026-03-02',
  description: '2025年失业保险金发放标准',
  agencyName: '岳阳市人力资源和社会保障局',
  trackingCode: 'ABCD1234EFGH5',
};

test('every built-in text passes the check of its template (the seeds are valid versions)', () => {
  for (const key of TEMPLATE_KEYS) assert.deepEqual(checkTemplate(key, BUILT_IN[key]), [], key);
});

test('every outcome has a reply template', () => {
  for (const code of OUTCOME_CODES) assert.ok(TEMPLATE_KEYS.includes(replyTemplateKey(code)), code);
  assert.equal(replyTemplateKey('other_no_correction'), 'reply.no_correction');
  assert.equal(replyTemplateKey('other_fee_unpaid'), 'reply.fee_unpaid');
  assert.equal(replyTemplateKey('partially_disclosed'), 'reply.partial_disclosure');
});

test('an unknown placeholder is refused naming it and listing the allowed ones, in Chinese and English', () => {
  const issues = checkTemplate('reply.partial_disclosure', {
    title: '答复告知书',
    body: '{{applicant_name}}：{{身份证号}}{{phone}}\n{{legal_basis}}\n{{remedies}}',
  });
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.field, 'body');
  assert.match(issues[0]!.message.zh, /本模板不能使用占位符 \{\{身份证号\}\}、\{\{phone\}\}/);
  assert.match(issues[0]!.message.zh, /\{\{applicant_name\}\}/);
  assert.match(issues[0]!.message.en, /cannot use the placeholder/);
  // A placeholder of another template is unknown here.
  assert.equal(
    checkTemplate('correction', { title: 'x', body: '{{correction_note}}{{correct_by}}{{fee_amount}}' }).length,
    1,
  );
});

test('stray braces, an empty title, a missing legal basis or remedies, and over-long text are each named', () => {
  const stray = checkTemplate('reply.general', {
    title: '告知书',
    body: '{{legal_basis}}{{remedies}} {{applicant_name}',
  });
  assert.ok(stray.some((i) => /不成对/.test(i.message.zh)));
  const missing = checkTemplate('reply.general', { title: '', body: '特此告知。' });
  assert.ok(missing.some((i) => i.field === 'title' && /请填写标题/.test(i.message.zh)));
  assert.ok(missing.some((i) => /必须包含 \{\{legal_basis\}\}、\{\{remedies\}\}/.test(i.message.zh)));
  const long = checkTemplate('reply.general', {
    title: '告知书',
    body: '{{legal_basis}}{{remedies}}' + '字'.repeat(8000),
  });
  assert.ok(long.some((i) => /不能超过8000个字/.test(i.message.zh)));
  assert.deepEqual(
    checkTemplate('fee', { title: '通知', body: '{{ fee_amount }}{{pay_by}}' }),
    [],
    'spaces inside the braces are allowed',
  );
});

test('filling is plain text: a value that looks like markup or a placeholder stays as typed', () => {
  const { title, paragraphs } = fillTemplate(
    { title: '致{{applicant_name}}', body: '申请人：{{applicant_name}}\n\n{{summary}}\n{{legal_basis}}' },
    { applicant_name: '<b>王</b>&{{remedies}}', summary: '第一行\n第二行' },
  );
  assert.equal(title, '致<b>王</b>&{{remedies}}');
  assert.deepEqual(paragraphs, ['申请人：<b>王</b>&{{remedies}}', '第一行', '第二行']);
  assert.deepEqual(placeholdersIn('{{a}} {{ b }} {{a}}'), ['a', 'b']);
  assert.ok(
    placeholdersFor('fee').includes('fee_breakdown') && !placeholdersFor('correction').includes('fee_breakdown'),
  );
});

test('a notice made with an edited template carries its wording, the case and the remedies; the DOCX holds markup as text', async () => {
  const template = {
    title: '政府信息公开申请答复书',
    body: '{{applicant_name}}（查询码{{tracking_code}}）：\n经研究，部分公开。{{summary}}\n依据{{legal_basis}}。\n{{remedies}}',
  };
  const notice = replyNotice(
    { ...CASE, applicantName: '<w:t>赵</w:t>' },
    { outcome: 'partially_disclosed', date: '2026-03-20', summary: '遮盖了身份证号码' },
    template,
  );
  assert.equal(notice.title, '政府信息公开申请答复书');
  assert.equal(notice.paragraphs[0], '<w:t>赵</w:t>（查询码ABCD1234EFGH5）：');
  assert.ok(
    notice.paragraphs.includes(
      remedySentence('partially_disclosed', '2026-03-20', { reconsiderationBody: null, court: null }),
    ),
  );
  const docx = await readDocx(await officialDocx(notice));
  assert.ok(docx.text.includes('<w:t>赵</w:t>（查询码ABCD1234EFGH5）：'), 'the value is text in the DOCX, not XML');
  assert.ok(docx.text.includes('第三十七条'));
});

test('the preview of every template reads a sample case', () => {
  for (const key of TEMPLATE_KEYS) {
    const n = previewNotice(key, BUILT_IN[key], '示例机关', '2026-03-02');
    assert.ok(n.paragraphs.length >= 2, key);
    assert.ok(!n.paragraphs.join('').includes('{{'), `${key} has no placeholder left`);
  }
});
