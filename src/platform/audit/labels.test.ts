// Every action the code records, and every subject type, has a label once the modules are wired:
// the audit log must never show an auditor a code such as `publishing.unit_approve`. Literal codes
// are found by reading the sources; the workflow's event codes are built from the event lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { wireModules } from '../../composition.ts';
import { auditActionLabel, isLabelledAuditAction, isLabelledAuditSubject } from './labels.ts';
import { itemEvents } from '../../modules/publishing/publishing.ts';
import { REPORT_EVENTS } from '../../modules/reports/publication/publication.ts';
import { COST_FEE_KINDS } from '../../modules/applications/cost-fees-2007.ts';
import { mailboxEvents } from '../../modules/mailbox/mailbox.ts';

const SRC = new URL('../../', import.meta.url).pathname;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|\.test-support\.tsx?$/.test(name)) yield path;
  }
}

/** Codes in `action: …` and `subjectType: …` of files that record audit events. */
export function recordedCodes(source: string): { actions: string[]; subjects: string[] } {
  if (!/\baudit\(|recordAudit\(/.test(source)) return { actions: [], subjects: [] };
  const codes = (re: RegExp) =>
    [...source.matchAll(re)].flatMap((m) =>
      [...m[1]!.matchAll(/(?<!t\()'([a-z_]+(?:\.[a-z0-9_]+)+|[a-z_]+)'/g)].map((c) => c[1]!),
    );
  return {
    actions: [
      ...codes(/\baction: ([^,\n}]+)/g),
      ...[...source.matchAll(/auditFile\(audit, '([^']+)'/g)].map((m) => m[1]!),
    ].filter((c) => c.includes('.')),
    subjects: codes(/\bsubjectType: ([^,\n}]+)/g),
  };
}

test('every action and subject recorded in the sources has a label in both languages', () => {
  wireModules();
  const missing: string[] = [];
  let actions = 0;
  for (const path of sources(SRC)) {
    const found = recordedCodes(readFileSync(path, 'utf8'));
    actions += found.actions.length;
    for (const a of found.actions)
      if (!isLabelledAuditAction(a)) missing.push(`action ${a} (${path.slice(SRC.length)})`);
    for (const s of found.subjects)
      if (!isLabelledAuditSubject(s)) missing.push(`subject ${s} (${path.slice(SRC.length)})`);
  }
  assert.ok(actions > 60, `the scan finds the recorded actions (found ${actions})`);
  assert.deepEqual(missing, []);
});

test('the workflow events of items and annual reports, and the 2007 fee kinds, are labelled', () => {
  wireModules();
  const codes = [
    'publishing.create',
    ...itemEvents.map((e) => `publishing.${e}`),
    'reports.document.create',
    ...REPORT_EVENTS.map((e) => `reports.document.${e}`),
    ...['edit', 'refresh', 'override'].map((e) => `reports.document.${e}`),
    ...COST_FEE_KINDS.map((k) => `applications.cost_fee_2007_${k}`),
    ...mailboxEvents.map((e) => `mailbox.${e}`),
  ];
  assert.deepEqual(
    codes.filter((c) => !isLabelledAuditAction(c)),
    [],
  );
  for (const c of codes) assert.doesNotMatch(auditActionLabel(c).zh, /[A-Za-z]/, `${c} reads in Chinese`);
});

test('the scan reads literal and conditional codes, not page texts', () => {
  const source = `await audit({ action: generated ? 'user.password_reset' : 'user.password_set', subjectType: 'user' });
    const x = { action: t('org.unit.edit') };`;
  assert.deepEqual(recordedCodes(source), {
    actions: ['user.password_reset', 'user.password_set'],
    subjects: ['user'],
  });
  assert.deepEqual(recordedCodes(`{ action: 'a.b' }`).actions, [], 'a file that records nothing is not read');
});

test('an action no module labels still reads as words', () => {
  assert.deepEqual(auditActionLabel('retired.action'), { zh: '其他操作', en: 'Other operation' });
});
