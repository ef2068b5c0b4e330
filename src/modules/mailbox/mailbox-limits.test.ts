// The limits of letters and work orders on dated cases, each due date counted by hand on the
// State Council's holiday notices (调休 make-up working days included), and the reminder,
// escalation and bulletin dates that follow an unanswered due date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { computeDue, escalationsDue, limitFor } from './mailbox-limits.ts';
import type { MailboxCategory } from './mailbox.ts';

const calendar = defaultCalendar();

interface Case {
  readonly name: string;
  readonly receivedOn: string;
  readonly category: MailboxCategory;
  readonly configured?: { workingDays: number; sameDay: boolean };
  readonly required?: string;
  readonly due: string;
  /** The first working day after the due date (reminder and escalation), then 5 working days on (bulletin). */
  readonly reminder: string;
  readonly bulletin: string;
}

const CASES: Case[] = [
  {
    // Tue 4 … Thu 20 March 2025: 13 working days, no holiday.
    name: 'a complaint received on a Monday',
    receivedOn: '2025-03-03',
    category: 'complaint',
    due: '2025-03-20',
    reminder: '2025-03-21',
    bulletin: '2025-03-28',
  },
  {
    // Sun 28 Sep (调休上班) 1, 29 2, 30 3, 1–8 Oct National Day off, 9 4, 10 5, Sat 11 Oct (调休上班) 6,
    // 13 7, 14 8, 15 9, 16 10, 17 11, 20 12, 21 13.
    name: 'a suggestion across National Day 2025 and both of its make-up Saturdays and Sundays',
    receivedOn: '2025-09-26',
    category: 'suggestion',
    due: '2025-10-21',
    reminder: '2025-10-22',
    bulletin: '2025-10-29',
  },
  {
    // Sun 26 Jan (调休上班) 1, Mon 27 2, 28 Jan – 4 Feb Spring Festival off, Wed 5 Feb 3.
    name: 'a consultation before the Spring Festival 2025',
    receivedOn: '2025-01-24',
    category: 'consultation',
    due: '2025-02-05',
    reminder: '2025-02-06',
    // Fri 7, Sat 8 Feb (调休上班), Mon 10, 11, 12.
    bulletin: '2025-02-12',
  },
  {
    name: 'an urgent order received on a holiday is due that day; the reminder waits for the next working day',
    receivedOn: '2025-10-01',
    category: 'urgent',
    due: '2025-10-01',
    reminder: '2025-10-09',
    // Fri 10, Sat 11 (调休上班), Mon 13, 14, 15.
    bulletin: '2025-10-15',
  },
  {
    // Dragon Boat Festival 31 May – 2 June 2025 off: Tue 3 June is the first working day.
    name: "the agency's own limit of one working day for help",
    receivedOn: '2025-05-30',
    category: 'help',
    configured: { workingDays: 1, sameDay: false },
    due: '2025-06-03',
    reminder: '2025-06-04',
    bulletin: '2025-06-11',
  },
  {
    name: 'an agency that answers reports the same day',
    receivedOn: '2025-03-03',
    category: 'report',
    configured: { workingDays: 13, sameDay: true },
    due: '2025-03-03',
    reminder: '2025-03-04',
    bulletin: '2025-03-11',
  },
  {
    name: "a 12345 order's required reply date replaces the limit",
    receivedOn: '2025-03-03',
    category: 'complaint',
    required: '2025-03-10',
    due: '2025-03-10',
    reminder: '2025-03-11',
    bulletin: '2025-03-18',
  },
];

for (const c of CASES)
  test(c.name, () => {
    const result = computeDue(
      { receivedOn: c.receivedOn, limit: limitFor(c.category, c.configured), requiredReplyDate: c.required ?? null },
      calendar,
    );
    assert.equal(result.dueDate, c.due);
    assert.equal(result.originalDueDate, c.due);
    assert.equal(result.steps[0]!.date, c.receivedOn);
    assert.equal(result.steps.at(-1)!.date, c.due);
    assert.deepEqual(escalationsDue(c.due, c.reminder, calendar), [
      { kind: 'reminder', dueOn: c.reminder },
      { kind: 'escalation', dueOn: c.reminder },
    ]);
    assert.deepEqual(escalationsDue(c.due, c.due, calendar), [], 'nothing on the due date itself');
    const dayBefore = escalationsDue(c.due, c.bulletin, calendar);
    assert.deepEqual(dayBefore.at(-1), { kind: 'bulletin', dueOn: c.bulletin });
  });

test('the explanation walks every day and names the make-up working days', () => {
  const result = computeDue({ receivedOn: '2025-09-26', limit: limitFor('complaint') }, calendar);
  const days = result.steps.filter((s) => s.kind === 'day');
  assert.equal(days.filter((s) => s.counted).length, 13);
  const sunday = days.find((s) => s.date === '2025-09-28')!;
  assert.equal(sunday.ordinal, 1);
  assert.equal(sunday.text.zh, '调休上班日，第1个工作日');
  assert.equal(days.find((s) => s.date === '2025-10-03')!.counted, false);
  assert.equal(result.steps.at(-1)!.text.zh, '13个工作日期满（默认时限，自受理次日起算）');
});

test('an extension moves the due date and keeps the original', () => {
  const result = computeDue(
    {
      receivedOn: '2025-03-03',
      limit: limitFor('complaint'),
      extensions: [{ on: '2025-03-18', to: '2025-03-31' }],
    },
    calendar,
  );
  assert.equal(result.originalDueDate, '2025-03-20');
  assert.equal(result.dueDate, '2025-03-31');
  assert.equal(result.steps.at(-1)!.kind, 'extension');
});

test('defaults per §9: urgent same day, consultation and help 3, the rest 13', () => {
  assert.deepEqual(
    (['urgent', 'consultation', 'help', 'suggestion', 'criticism', 'complaint', 'report'] as const).map((c) => {
      const l = limitFor(c);
      return l.sameDay ? 'same day' : l.workingDays;
    }),
    ['same day', 3, 3, 13, 13, 13, 13],
  );
});
