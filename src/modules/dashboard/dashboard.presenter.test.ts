// The dashboard presenter: a reminder's sentence takes its values from the recorded detail (the
// tracking code formatted), and a detail that does not parse leaves them empty rather than failing
// the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTrackingCode } from '../applications/index.ts';
import type { NotificationRow } from '../notifications/index.ts';
import { presentNotice, presentUrgentCase } from './dashboard.presenter.ts';

const notice: NotificationRow = {
  id: 3,
  user_id: 9,
  dedupe_key: 'k',
  kind: 'due_soon',
  application_id: 12,
  detail_json: JSON.stringify({ trackingCode: 'GK20260001', dueDate: '2026-05-08' }),
  created_on: '2026-05-01',
  read_at: null,
  created_at: '2026-05-01T01:00:00Z',
};

test('a reminder reads its sentence values from the recorded detail', () => {
  const code = formatTrackingCode('GK20260001');
  assert.deepEqual(presentNotice(notice), {
    id: 3,
    kind: 'due_soon',
    applicationId: 12,
    code,
    params: { code, due: '2026-05-08', date: '', from: '' },
  });
});

test('a reminder whose detail does not parse shows its sentence without values', () => {
  const shown = presentNotice({ ...notice, application_id: null, detail_json: '{not json' });
  assert.equal(shown.code, '');
  assert.deepEqual(shown.params, { code: '', due: '', date: '', from: '' });
  assert.equal(shown.applicationId, null);
});

test('an urgent case without a due date shows the end of its wait', () => {
  const c = {
    id: 5,
    agency_id: 1,
    tracking_code: 'GK20260002',
    applicant_kind: 'person',
    status: 'paused',
    due_date: null,
    waiting_until: '2026-06-01',
    assigned_unit_id: null,
    unit_name: null,
  };
  assert.deepEqual(presentUrgentCase(c, 'overdue'), {
    id: 5,
    trackingCode: formatTrackingCode('GK20260002'),
    due: '2026-06-01',
    attention: 'overdue',
    unitName: null,
  });
});
