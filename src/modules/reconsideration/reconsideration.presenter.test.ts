// The reconsideration presenter: a case without a result shows as pending (尚未审结), the
// application link needs both the case's link and the application's code, and a prior case is
// offered by date, body and case number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTrackingCode } from '../applications/index.ts';
import { presentCase, presentListItem, presentPrior } from './reconsideration.presenter.ts';
import type { ReconsiderationListRow } from './reconsideration.store.ts';

const row: ReconsiderationListRow & { applicant_name: string | null } = {
  id: 3,
  agency_id: 1,
  application_id: 8,
  kind: 'reconsideration',
  prior_case_id: null,
  body: '市人民政府',
  case_number: null,
  applicant_name_enc: 'v1.gcm.sealed',
  applicant_name_clear: null,
  applicant_name: '张三',
  filed_on: '2026-02-10',
  decided_on: null,
  result: null,
  summary: null,
  created_by: null,
  created_at: '2026-02-10T00:00:00Z',
  updated_at: '2026-02-10T00:00:00Z',
  agency_name: '市教育局',
  tracking_code: 'GK20260008',
};

test('an undecided case is pending; a decided one keeps its result', () => {
  assert.equal(presentListItem(row).result, 'pending');
  assert.equal(presentCase(row).result, 'pending');
  const decided = presentCase({ ...row, result: 'corrected', decided_on: '2026-04-01' });
  assert.equal(decided.result, 'corrected');
  assert.equal(decided.decidedOn, '2026-04-01');
});

test('the challenged application is linked by its formatted code, and only when known', () => {
  assert.deepEqual(presentListItem(row).application, { id: 8, trackingCode: formatTrackingCode('GK20260008') });
  assert.equal(presentListItem({ ...row, tracking_code: null }).application, null);
  assert.equal(presentListItem({ ...row, application_id: null }).application, null);
});

test('a prior case is offered by date, body and case number', () => {
  assert.deepEqual(presentPrior({ id: 2, body: '市人民政府', case_number: '复〔2026〕1号', filed_on: '2026-01-05' }), {
    id: 2,
    label: '2026-01-05 市人民政府 复〔2026〕1号',
  });
  assert.equal(
    presentPrior({ id: 2, body: '市人民政府', case_number: null, filed_on: '2026-01-05' }).label,
    '2026-01-05 市人民政府',
  );
});
