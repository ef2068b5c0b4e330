import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireModules } from '../../composition.ts';
import { parseLetterForm } from './letter-form.ts';
import {
  presentPublicAnswer,
  presentReceipt,
  presentTracked,
  shownCode,
  type LetterFacts,
} from './letter.presenter.ts';

const valid = {
  agency_id: '1',
  category: 'consultation',
  subject: '路灯不亮',
  request: '小区门口路灯不亮已经两周。',
  phone: '13912345678',
};

wireModules();

test('a letter needs a contact; the name is optional; both languages say what is wrong', () => {
  const ok = parseLetterForm(valid);
  assert.deepEqual(ok.issues, []);
  assert.equal(ok.input?.consentToPublish, false);
  assert.equal(ok.input?.writerName, null);
  const none = parseLetterForm({ ...valid, phone: '' });
  assert.equal(none.input, null);
  assert.deepEqual(
    none.issues.map((i) => [i.field, i.message.zh, i.message.en]),
    [['phone', '请填写联系电话或电子邮箱', 'Enter a phone number or an e-mail address']],
  );
  assert.deepEqual(parseLetterForm({ ...valid, phone: '', email: 'a@example.cn' }).issues, []);
  const bad = parseLetterForm({ agency_id: '1', category: 'gossip', subject: '', request: '', email: 'nope' });
  assert.deepEqual(bad.issues.map((i) => i.field).sort(), ['category', 'email', 'request', 'subject']);
});

test('the name is published only with consent and a name', () => {
  const both = parseLetterForm({ ...valid, writer_name: '张三', consent_to_publish: '1', publish_name: '1' });
  assert.equal(both.input?.publishName, true);
  assert.equal(both.input?.consentToPublish, true);
  const noConsent = parseLetterForm({ ...valid, writer_name: '张三', publish_name: '1' });
  assert.deepEqual(
    noConsent.issues.map((i) => i.field),
    ['publish_name'],
  );
  const noName = parseLetterForm({ ...valid, consent_to_publish: '1', publish_name: '1' });
  assert.deepEqual(
    noName.issues.map((i) => i.field),
    ['writer_name'],
  );
});

const letter: LetterFacts = {
  id: 7,
  trackingCode: 'ABCD1234EFGH5',
  agencyName: '示范市人力资源和社会保障局',
  category: 'complaint',
  subject: '张三投诉噪音',
  requestText: '我是张三，电话13912345678，夜间施工噪音扰民。',
  receivedOn: '2025-03-03',
  dueDate: '2025-03-20',
  repliedOn: '2025-03-10',
  writerName: '张三',
  consentToPublish: true,
  publishName: false,
};

test('a public answer exists only for a consented, answered letter, and is guarded throughout', () => {
  assert.equal(presentPublicAnswer({ ...letter, consentToPublish: false }, '已处理。'), null);
  assert.equal(presentPublicAnswer({ ...letter, repliedOn: null }, '已处理。'), null);
  assert.equal(presentPublicAnswer(letter, null), null);
  const shown = presentPublicAnswer(letter, '张三您好：经查，已责令施工单位夜间停工。')!;
  for (const text of [shown.subject, shown.letter, shown.reply]) {
    assert.ok(!text.includes('张三'), text);
    assert.ok(!text.includes('13912345678'), text);
  }
  assert.equal(shown.writerName, null);
  const named = presentPublicAnswer({ ...letter, publishName: true }, '张三您好：已处理。')!;
  assert.equal(named.writerName, '张三');
  assert.ok(named.reply.includes('张三'));
  assert.ok(!named.letter.includes('13912345678'));
});

test('the receipt and the tracking page', () => {
  assert.equal(shownCode('ABCD1234EFGH5'), 'ABCD-1234-EFGH-5');
  assert.equal(presentReceipt(letter).sameDay, false);
  assert.equal(presentReceipt({ ...letter, dueDate: letter.receivedOn }).sameDay, true);
  const open = presentTracked({ ...letter, repliedOn: null }, null, null, false);
  assert.equal(open.state, 'open');
  assert.equal(open.reply, null);
  const answered = presentTracked(letter, '已处理。', 'satisfied', true);
  assert.deepEqual(
    [answered.state, answered.reply, answered.rating, answered.publishedId],
    ['replied', '已处理。', 'satisfied', 7],
  );
});
