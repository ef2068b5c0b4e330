import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import {
  addThreeMonths,
  guardPublicText,
  interactionIndicators,
  NAME_MARK,
  publicWriterName,
} from './public-answers.ts';

test('the guard masks personal data in a published text and strikes the name unless it is to be shown', () => {
  const text = '我是张三，电话13912345678，身份证110101199003074514，反映小区路灯不亮。';
  const hidden = guardPublicText(text, '张三', false);
  assert.ok(!hidden.includes('张三'), hidden);
  assert.ok(hidden.includes(NAME_MARK));
  assert.ok(!hidden.includes('13912345678'), hidden);
  assert.ok(!hidden.includes('110101199003074514'), hidden);
  assert.ok(hidden.includes('反映小区路灯不亮'));
  const named = guardPublicText(text, '张三', true);
  assert.ok(named.includes('张三'));
  assert.ok(!named.includes('13912345678'), 'the number is masked even when the name is shown');
  assert.equal(guardPublicText('没有个人信息。', null, false), '没有个人信息。');
});

test('the name is shown only with consent, on request, and when given', () => {
  assert.equal(publicWriterName({ consent: true, publishName: true, writerName: ' 李四 ' }), '李四');
  assert.equal(publicWriterName({ consent: true, publishName: false, writerName: '李四' }), null);
  assert.equal(publicWriterName({ consent: false, publishName: true, writerName: '李四' }), null);
  assert.equal(publicWriterName({ consent: true, publishName: true, writerName: '  ' }), null);
});

test('three months on from a receipt date (a month-end clamps to the shorter month)', () => {
  const cases: [string, string][] = [
    ['2025-08-20', '2025-11-20'],
    ['2025-11-30', '2026-02-28'],
    ['2023-11-30', '2024-02-29'], // 2024 is a leap year
    ['2025-10-31', '2026-01-31'],
    ['2025-12-31', '2026-03-31'],
  ];
  for (const [from, to] of cases) assert.equal(addThreeMonths(from), to, from);
});

test('average working days count from the day after receipt, holidays out and make-up days in', () => {
  const calendar = defaultCalendar();
  // 2025-09-26 (Fri) → 2025-10-09 (Thu): 09-27 Sat off; 09-28 Sun make-up working day (1);
  // 09-29 (2), 09-30 (3); 10-01…10-08 National Day and Mid-Autumn holiday; 10-09 (4). Four days.
  // 2025-03-03 (Mon) → 2025-03-10 (Mon): 03-04…03-07 (4), weekend, 03-10 (5). Five days.
  const figures = interactionIndicators(
    [
      { receivedOn: '2025-09-26', repliedOn: '2025-10-09' },
      { receivedOn: '2025-03-03', repliedOn: '2025-03-10' },
    ],
    '2025-12-01',
    calendar,
  );
  assert.deepEqual(figures, { received: 2, answered: 2, averageWorkingDays: 4.5, unansweredOverThreeMonths: 0 });
});

test('unanswered over three months: within the year before today, late answers included', () => {
  const calendar = defaultCalendar();
  const today = '2025-12-01';
  const letters = [
    { receivedOn: '2025-08-20', repliedOn: null }, // three months on 11-20, before today: counts
    { receivedOn: '2025-09-05', repliedOn: null }, // three months on 12-05, not yet: does not count
    { receivedOn: '2025-05-10', repliedOn: '2025-09-01' }, // answered after 08-10: counts
    { receivedOn: '2025-06-02', repliedOn: '2025-06-05' }, // answered in time
    { receivedOn: '2024-12-02', repliedOn: null }, // inside the year: counts
    { receivedOn: '2024-12-01', repliedOn: null }, // exactly a year before: outside the window
    { receivedOn: '2025-12-02', repliedOn: null }, // after today (a clock skew): not counted
  ];
  const figures = interactionIndicators(letters, today, calendar);
  assert.equal(figures.received, 5);
  assert.equal(figures.answered, 2);
  assert.equal(figures.unansweredOverThreeMonths, 3);
  assert.deepEqual(interactionIndicators([], today, calendar), {
    received: 0,
    answered: 0,
    averageWorkingDays: null,
    unansweredOverThreeMonths: 0,
  });
});
