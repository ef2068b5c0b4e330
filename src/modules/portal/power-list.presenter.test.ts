// The service guides' workflow: one step a line, blank lines and surrounding spaces dropped; the
// details on one line without the empty ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentGuides } from './power-list.presenter.ts';

test('a guide reads as its steps and one line of details', () => {
  const [guide] = presentGuides([
    {
      id: 1,
      name: '某证办理',
      steps: ' 申请\r\n\n 受理 \n审查',
      time_limit: '5个工作日',
      place: '',
      hours: '工作日',
      phone: '0730-1',
      item_id: 8,
    },
  ]);
  assert.deepEqual(guide, {
    name: '某证办理',
    steps: ['申请', '受理', '审查'],
    details: '5个工作日 · 工作日 · 0730-1',
    itemId: 8,
  });
});
