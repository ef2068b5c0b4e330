// The full roll-up annual report (2021 format, every query of the report over the province and all
// 2,000 agencies beneath it) against one hand-written aggregate SQL statement over the same tables
// computing the same counts without provenance, in the same run on the same SQLite file.
// Run: npm run bench -- report   (GONGKAI_BENCH_SCALE=0.1 for a tenth of the items and applications;
// GONGKAI_BENCH_DB=FILE keeps the generated SQLite file there and reuses it on the next run)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { computeAnnualReport } from '../../src/modules/reports/index.ts';
import { checkReportArithmetic } from '../../src/modules/reports/index.ts';
import type { AnnualReport2021 } from '../../src/modules/reports/index.ts';
import { FULL_SIZE, generate, type DatasetSize } from './generate.ts';

export interface ReportBenchResult {
  size: DatasetSize;
  generateSeconds: number;
  reportSeconds: number;
  baselineSeconds: number;
  ratio: number;
  /** CPU seconds of this process (best of three each): steadier than wall time on a shared machine. */
  reportCpuSeconds: number;
  baselineCpuSeconds: number;
  cpuRatio: number;
  newReceived: number;
  baselineNewReceived: number;
  arithmeticIssues: number;
}

const YEAR = 2025;

// One statement: the subtree, then table 三 by (new|carried over) × (outcome|carried forward) × kind,
// normative documents issued and in force, processing fees, table 四, yearly figures: what the
// 2021-format report prints, without the record ids.
const BASELINE_SQL = `
with recursive tree(id) as (
  select id from agencies where code = ?
  union all select a.id from agencies a join tree t on a.parent_id = t.id
)
select 'app' as part, case when received_on >= '${YEAR}-01-01' then 'new' else 'over' end as k1,
       case when outcome_on <= '${YEAR}-12-31' then outcome else 'forward' end as k2, applicant_kind as k3, count(*) as n
  from (select received_on, outcome_on, outcome, applicant_kind from applications where agency_id in (select id from tree)
          and received_on between '${YEAR}-01-01' and '${YEAR}-12-31'
        union all select received_on, outcome_on, outcome, applicant_kind from applications where agency_id in (select id from tree)
          and outcome_on >= '${YEAR}-01-01' and received_on < '${YEAR}-01-01'
        union all select received_on, outcome_on, outcome, applicant_kind from applications where agency_id in (select id from tree)
          and outcome_on is null and received_on < '${YEAR}-01-01')
 group by 2, 3, 4
union all
select 'normative', case when formation_date >= '${YEAR}-01-01' then 'issued' else 'older' end,
       (select v.validity from item_validity_history v where v.item_id = i.id and v.effective_date <= '${YEAR}-12-31' order by v.effective_date desc, v.id desc limit 1), null, count(*)
  from information_items i where agency_id in (select id from tree) and is_normative = 1 and publication_date <= '${YEAR}-12-31' group by 2, 3
union all
select 'fee', e.kind, null, null, count(distinct e.application_id) from application_events e join applications a on a.id = e.application_id
 where a.agency_id in (select id from tree) and e.kind in ('fee_paid', 'fee_waived') and e.occurred_on between '${YEAR}-01-01' and '${YEAR}-12-31' group by e.kind
union all
select 'review', kind, coalesce(result, 'pending'), null, count(*) from review_cases where agency_id in (select id from tree)
   and filed_on between '${YEAR}-01-01' and '${YEAR}-12-31' group by kind, result
union all
select 'figure', kind, null, null, sum(coalesce(decisions, amount_fen)) from yearly_figures where agency_id in (select id from tree) and year = ${YEAR} group by kind
`;

function scaled(): DatasetSize {
  const arg = process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? process.env.GONGKAI_BENCH_SCALE;
  const scale = arg ? Number(arg) : 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${arg}`);
  return {
    agencies: FULL_SIZE.agencies,
    items: Math.round(FULL_SIZE.items * scale),
    applications: Math.round(FULL_SIZE.applications * scale),
  };
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

export async function run(): Promise<ReportBenchResult> {
  const size = scaled();
  const keep = process.env.GONGKAI_BENCH_DB;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'gongkai-report-bench-'));
  const file = keep ?? join(dir!, 'bench.sqlite');
  const reuse = keep !== undefined && existsSync(keep);
  const handle = connectSqlite(file);
  try {
    await migrateToLatest(handle.db);
    let t = process.hrtime.bigint();
    const rootCode = reuse
      ? 'bench-province'
      : generate(handle.sqlite!, size, (s) => console.log(`  generated ${s} (${seconds(t).toFixed(1)} s)`)).rootCode;
    const generateSeconds = reuse ? 0 : seconds(t);
    if (reuse) {
      const count = (table: string) =>
        Number((handle.sqlite!.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
      size.agencies = count('agencies');
      size.items = count('information_items');
      size.applications = count('applications');
    }
    const statement = handle.sqlite!.prepare(BASELINE_SQL);
    // Warm the page cache for both, then time each three times and keep the best (noisy machine).
    statement.all(rootCode);
    let built = await computeAnnualReport(handle.db, {
      agencyCode: rootCode,
      year: YEAR,
      rollup: true,
      template: '2021',
    });
    let reportSeconds = Infinity;
    let baselineSeconds = Infinity;
    let reportCpuSeconds = Infinity;
    let baselineCpuSeconds = Infinity;
    let rows: { part: string; k1: string | null; n: number }[] = [];
    for (let i = 0; i < 3; i++) {
      let cpu = process.cpuUsage();
      t = process.hrtime.bigint();
      rows = statement.all(rootCode) as typeof rows;
      baselineSeconds = Math.min(baselineSeconds, seconds(t));
      baselineCpuSeconds = Math.min(baselineCpuSeconds, cpuSeconds(cpu));
      cpu = process.cpuUsage();
      t = process.hrtime.bigint();
      built = await computeAnnualReport(handle.db, {
        agencyCode: rootCode,
        year: YEAR,
        rollup: true,
        template: '2021',
      });
      reportSeconds = Math.min(reportSeconds, seconds(t));
      reportCpuSeconds = Math.min(reportCpuSeconds, cpuSeconds(cpu));
    }
    const report = built.report as AnnualReport2021;
    return {
      size,
      generateSeconds,
      reportSeconds,
      baselineSeconds,
      ratio: reportSeconds / baselineSeconds,
      reportCpuSeconds,
      baselineCpuSeconds,
      cpuRatio: reportCpuSeconds / baselineCpuSeconds,
      newReceived: report.applications.newReceived.total,
      baselineNewReceived: rows.filter((r) => r.part === 'app' && r.k1 === 'new').reduce((n, r) => n + Number(r.n), 0),
      arithmeticIssues: checkReportArithmetic(report).length,
    };
  } finally {
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function report(r: ReportBenchResult): void {
  console.log(
    `dataset: ${r.size.agencies} agencies, ${r.size.items} items, ${r.size.applications} applications (${r.generateSeconds ? `generated in ${r.generateSeconds.toFixed(1)} s` : 'reused'})`,
  );
  console.log(`full roll-up report (${YEAR}, 2021 format, with provenance): ${r.reportSeconds.toFixed(3)} s`);
  console.log(`hand-written aggregate SQL, same tables:        ${r.baselineSeconds.toFixed(3)} s`);
  console.log(`ratio report / SQL: ${r.ratio.toFixed(2)}× (target ≤ 2×; report < 10 s)`);
  console.log(
    `CPU time: report ${r.reportCpuSeconds.toFixed(3)} s, SQL ${r.baselineCpuSeconds.toFixed(3)} s, ratio ${r.cpuRatio.toFixed(2)}×`,
  );
  console.log(
    `check: new applications ${r.newReceived} (report) vs ${r.baselineNewReceived} (SQL); arithmetic issues: ${r.arithmeticIssues}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) report(await run());
