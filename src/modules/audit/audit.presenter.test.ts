// The audit presenter: the system is recognised by both its recorded id and name (a person who
// calls themself "system" stays a person), labels follow the page's language, and long records
// are clipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEventRow } from '../../platform/audit/audit.table.ts';
import { auditActor, presentAuditEvent } from './audit.presenter.ts';

const row: AuditEventRow = {
  id: 1,
  seq: 41,
  occurred_at: '2026-03-01T16:30:00.000Z',
  actor_user_id: 5,
  actor_name: 'officer',
  ip: '10.0.0.8',
  action: 'nothing.labels.this',
  subject_type: 'nothing_labels_this',
  subject_id: '17',
  before_json: null,
  after_json: JSON.stringify({ text: 'x'.repeat(400) }),
  algorithm: 'sha256',
  prev_hash: '',
  hash: '',
};

test('the system is the system only by its recorded id and name together', () => {
  assert.deepEqual(auditActor({ actor_user_id: null, actor_name: 'system' }), { system: true, name: 'system' });
  assert.deepEqual(auditActor({ actor_user_id: 5, actor_name: 'system' }), { system: false, name: 'system' });
  assert.deepEqual(auditActor({ actor_user_id: null, actor_name: 'cli:admin' }), {
    system: false,
    name: 'cli:admin',
  });
});

test('an event reads in the page language, its record clipped', () => {
  const zh = presentAuditEvent(row, 'zh-CN');
  assert.equal(zh.actionLabel, '其他操作');
  assert.equal(zh.subject, '其他对象 17');
  assert.equal(zh.before, null);
  assert.equal(zh.after!.length, 301);
  assert.ok(zh.after!.endsWith('…'));
  const en = presentAuditEvent({ ...row, subject_id: null }, 'en');
  assert.equal(en.actionLabel, 'Other operation');
  assert.equal(en.subject, 'Other subject');
  assert.equal(presentAuditEvent({ ...row, subject_type: null }, 'en').subject, '');
});
