// The pure rules of report documents, by tables: which findings block publication, which workflow
// rows a report uses, and what a version comparison reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportFinding } from '../report-validation.ts';
import {
  ANNUAL_REPORT_STEPS,
  blockingFindings,
  unfinishedSections,
  changedFigures,
  changedSections,
  mayPublish,
  reportWorkflowTable,
} from './publication.ts';

const finding = (code: ReportFinding['code'], severity: 'error' | 'warning'): ReportFinding => ({
  code,
  severity,
  cells: [],
  message: { zh: code, en: code },
});

test('publication is blocked by errors, not by warnings or lateness, unless overridden', () => {
  const cases: [ReportFinding[], boolean, boolean][] = [
    [[], false, true],
    [[finding('carry_over_mismatch', 'warning')], false, true],
    [[finding('late_publication', 'error')], false, true],
    [[finding('missing_section', 'error')], false, false],
    [[finding('missing_section', 'error')], true, true],
    [[finding('late_publication', 'error'), finding('carry_over_mismatch', 'warning')], false, true],
  ];
  for (const [findings, override, expected] of cases) {
    assert.equal(
      mayPublish(findings, override),
      expected,
      JSON.stringify({ findings: findings.map((f) => f.code), override }),
    );
  }
  assert.deepEqual(
    blockingFindings([finding('late_publication', 'error'), finding('missing_section', 'error')]).map((f) => f.code),
    ['missing_section'],
  );
});

test('the report workflow: the item chain up to the principal leader, without scheduling, emergencies or corrections', () => {
  const table = reportWorkflowTable(ANNUAL_REPORT_STEPS);
  const path = ['submit', 'unit_approve', 'confidentiality_approve', 'leader_check', 'principal_approve', 'publish'];
  let state = 'draft';
  for (const event of path) {
    const row = table.find((r) => r.from === state && r.event === event);
    assert.ok(row, `${event} from ${state}`);
    state = row.to;
  }
  assert.equal(state, 'published');
  const roles = Object.fromEntries(path.map((e) => [e, table.find((r) => r.event === e)!.requires]));
  assert.deepEqual(roles, {
    submit: 'drafter',
    unit_approve: 'unit_head',
    confidentiality_approve: 'confidentiality_reviewer',
    leader_check: 'leader_in_charge',
    principal_approve: 'principal_leader',
    publish: 'disclosure_officer',
  });
  for (const e of ['schedule', 'emergency_publish', 'approve_emergency', 'correct'])
    assert.ok(!table.some((r) => r.event === e), e);
  assert.ok(
    table.some(
      (r) =>
        r.from === 'leader_checked' &&
        r.event === 'return' &&
        r.requires === 'principal_leader' &&
        r.needs.includes('reason'),
    ),
  );
  assert.ok(table.some((r) => r.from === 'published' && r.event === 'withdraw' && r.needs.includes('reason')));
  // An agency may shorten the chain (configured under 'annual_report'), never below Art. 17's review.
  const short = reportWorkflowTable(['unit_head', 'confidentiality']);
  assert.ok(short.some((r) => r.from === 'confidentiality_reviewed' && r.event === 'publish'));
  assert.throws(() => reportWorkflowTable(['unit_head', 'leader']));
});

test('version comparison: changed sections in printed order, changed figures by path', () => {
  const before = { overview: 'a', proactive: 'b', problems: 'c' };
  const after = { overview: 'a', proactive: 'B', problems: 'C' };
  assert.deepEqual(
    changedSections('2008', before, after).map((c) => [c.key, c.before, c.after]),
    [
      ['proactive', 'b', 'B'],
      ['problems', 'c', 'C'],
    ],
  );
  assert.deepEqual(changedSections('2021', { overview: 'x' }, { overview: 'x' }), []);
  const r1 = {
    year: 2013,
    proactive: { totalPublished: 702, byChannel: { website: 275 } },
    narrative: { overview: 'a' },
    provenance: { x: [1] },
  };
  const r2 = {
    year: 2013,
    proactive: { totalPublished: 703, byChannel: { website: 275, press: 4 } },
    narrative: { overview: 'b' },
    provenance: { x: [1, 2] },
  };
  assert.deepEqual(changedFigures(r1, r2), [
    { path: 'proactive.byChannel.press', before: null, after: 4 },
    { path: 'proactive.totalPublished', before: 702, after: 703 },
  ]);
});

test('a section that still carries the drafting note is not finished', () => {
  const note = '（本节由政府信息公开工作机构根据本年度工作情况撰写。）';
  const cases: [Record<string, string>, string[]][] = [
    [
      { overview: `本报告统计数据的期限自2013年1月1日至2013年12月31日。${note}`, problems: '已写' },
      ['narrative.overview'],
    ],
    [{ overview: '已写', problems: '已写' }, []],
    [{ overview: '本节由我们撰写。', problems: '（本节由办公室撰写。）' }, ['narrative.problems']],
  ];
  for (const [sections, cells] of cases)
    assert.deepEqual(
      unfinishedSections('2008', sections, []).flatMap((f) => f.cells),
      cells,
      JSON.stringify(sections),
    );
  // Already reported by the validator (the whole section is the note): not twice.
  assert.deepEqual(
    unfinishedSections(
      '2008',
      { problems: note },
      [finding('missing_section', 'error')].map((f) => ({ ...f, cells: ['narrative.problems'] })),
    ),
    [],
  );
});
