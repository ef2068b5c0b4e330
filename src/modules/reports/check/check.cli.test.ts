// gongkai report check, in-process: exit 0 on a clean report, 1 on failed identities (listed with
// their cells), 2 on a file that is missing or not a report; --json for machines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReportCommand } from '../report-cli.test-support.ts';
import { buildAnnualReport } from '../report-builder.ts';
import { renderReport } from '../export/render.ts';
import { sampleInputs } from '../sample-inputs.test-support.ts';
import type { AnnualReport2021 } from '../report-types.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-report-check-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runReportCommand('check', ...args);

const built = buildAnnualReport(sampleInputs(2025, 'all'), '2021');

test('clean files exit 0 whatever their name; a broken one exits 1 and lists the identity', async () => {
  for (const format of ['json', 'xlsx', 'html', 'docx'] as const) {
    // A misleading extension: the format is told by content.
    const path = join(dir, `clean-${format}.dat`);
    writeFileSync(path, await renderReport(built, format));
    const r = await run(path);
    assert.equal(r.code, 0, `${format}: ${r.out}${r.err}`);
    assert.match(r.out, /All identities hold/);
  }
  const broken = structuredClone(built.report) as AnnualReport2021;
  broken.reviewAndLitigation.litigationDirect.pending += 1;
  const path = join(dir, 'broken.json');
  writeFileSync(path, JSON.stringify(broken));
  const r = await run(path);
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    /✗ 1项核对未通过： \/ 1 check failed:\n1\. 表四“行政诉讼·未经复议直接起诉”：总计\(\d+\) ≠ 结果维持/,
  );
  assert.match(
    r.out,
    /单元格 \/ cells: reviewAndLitigation\.litigationDirect\.total; reviewAndLitigation\.litigationDirect\.upheld/,
  );
  const json = await run(path, '--json');
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.out);
  assert.equal(parsed.passes, false);
  assert.deepEqual(
    parsed.findings.map((f: { code: string }) => f.code),
    ['table4_group_total'],
  );
});

test('a missing or unreadable file exits 2 with one line saying why', async () => {
  const missing = await run(join(dir, 'nope.xlsx'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^gongkai: 无法读取文件 .*nope\.xlsx \/ cannot read .*ENOENT\n$/);
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'hello');
  const bad = await run(text);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /无法识别的文件.*\/ unrecognised file/);
  assert.equal(bad.out, '');
  assert.equal((await run()).code, 2);
});
