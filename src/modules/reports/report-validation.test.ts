// Validation before publication: deliberately wrong reports, carry-over across years, required
// sections, and the statutory deadline as dated cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnnualReport } from './report-builder.ts';
import { isLate, passes, publicationDeadline, validateReport } from './report-validation.ts';
import { sampleInputs } from './sample-inputs.test-support.ts';
import type { AnnualReport2021 } from './report-types.ts';

const good = (year = 2025) =>
  structuredClone(buildAnnualReport(sampleInputs(year, 'all'), '2021').report as AnnualReport2021);
const codes = (r: AnnualReport2021, previous?: AnnualReport2021) =>
  validateReport(r, { agencyKind: 'department', previous: previous ?? null, requireSections: false }).map(
    (f) => `${f.code}:${f.cells[0] ?? ''}`,
  );

test('deadline: 2007 Regulation Art. 31 (31 March) before the 2019 report; Art. 49 after', () => {
  const cases: [kind: 'government' | 'department', year: number, due: string][] = [
    ['department', 2013, '2014-03-31'],
    ['government', 2013, '2014-03-31'],
    ['department', 2018, '2019-03-31'],
    ['department', 2019, '2020-01-31'],
    ['government', 2019, '2020-03-31'],
    ['department', 2025, '2026-01-31'],
    ['government', 2025, '2026-03-31'],
  ];
  for (const [kind, year, due] of cases) assert.equal(publicationDeadline(kind, year), due, `${kind} ${year}`);
  assert.equal(isLate('department', 2025, '2026-01-31'), false);
  assert.equal(isLate('department', 2025, '2026-02-01'), true);
  assert.equal(isLate('government', 2025, '2026-02-01'), false);
  assert.equal(isLate('department', 2013, '2014-03-10'), false, 'the fixture was published on 10 March 2014');
});

test('a computed report passes; each broken identity is caught with its cells', () => {
  assert.deepEqual(codes(good()), []);

  const a = good();
  a.applications.newReceived.naturalPerson += 1;
  a.applications.newReceived.total += 1; // row total still right: only (a) breaks, in two columns
  assert.deepEqual(codes(a), ['table3_balance:三/newReceived/naturalPerson', 'table3_balance:三/newReceived/total']);

  const b = good();
  b.applications.outcomes.total.business += 1;
  b.applications.carriedForward.business -= 1; // keeps (a), breaks (b) and the two row totals
  assert.deepEqual(
    codes(b).sort(),
    [
      'table3_outcome_total:三/outcomes.total/business',
      'table3_row_total:三/outcomes.total/total',
      'table3_row_total:三/carriedForward/total',
    ].sort(),
  );

  const c = good();
  c.applications.outcomes.granted.total = 99;
  assert.ok(codes(c).includes('table3_row_total:三/outcomes.granted/total'));

  const d = good();
  d.reviewAndLitigation.litigationDirect.total = 7;
  assert.deepEqual(codes(d), ['table4_group_total:四/litigationDirect/total']);

  const f = good();
  f.applications.carriedOver.otherOrg = -1;
  f.proactive.licences.decisions = 1.5;
  const fc = codes(f);
  assert.ok(fc.includes('invalid_value:三/carriedOver/otherOrg'));
  assert.ok(fc.includes('invalid_value:二/licences/decisions'));
  assert.equal(passes(validateReport(f, { agencyKind: 'department', requireSections: false })), false);
});

test('carry-over: this year’s 二 equals last year’s 四 for computed reports; a changed one warns', () => {
  const previous = good(2024);
  const current = good(2025);
  assert.deepEqual(previous.applications.carriedForward, current.applications.carriedOver);
  assert.deepEqual(codes(current, previous), []);
  const published = structuredClone(previous);
  published.applications.carriedForward.naturalPerson += 1;
  published.applications.carriedForward.total += 1;
  const findings = validateReport(current, { agencyKind: 'department', previous: published, requireSections: false });
  assert.deepEqual(
    findings.map((x) => `${x.code}:${x.severity}:${x.cells[0]}`),
    ['carry_over_mismatch:warning:三/carriedOver/naturalPerson', 'carry_over_mismatch:warning:三/carriedOver/total'],
  );
  assert.equal(passes(findings), true, 'a warning alone does not fail the report');
});

test('required sections must be written before publication; late publication is an error', () => {
  const r = good();
  const findings = validateReport(r, { agencyKind: 'department', publishedOn: '2026-02-03' });
  assert.deepEqual(
    findings.map((x) => x.code),
    ['missing_section', 'late_publication'],
  );
  assert.deepEqual(findings[0]!.cells, ['narrative.problems']);
  r.narrative.problems = '信息公开平台建设有待加强。';
  assert.deepEqual(validateReport(r, { agencyKind: 'department', publishedOn: '2026-01-30' }), []);
});
