// Report inputs without a database (pure builder, view and export tests): the fixture's applications
// with their fixture numbers as ids, plus review and channel figures as the other modules return them.
import type { ReportInputs } from './report-builder.ts';
import type { ApplicationFact } from './queries/applications.ts';
import type { ExternalFigures } from './queries/external.ts';
import { figure, ZERO } from './queries/figure.ts';
import { FIXTURE_APPLICATIONS } from './report-fixture.test-support.ts';
import type { ApplicantKind, OutcomeCode } from '../applications/outcome.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export function sampleExternal(): ExternalFigures {
  const rc = (upheld: number, corrected: number, other: number, pending: number, prefix: string) => ({
    upheld: figure(ids(`${prefix}u`, upheld)),
    corrected: figure(ids(`${prefix}c`, corrected)),
    other: figure(ids(`${prefix}o`, other)),
    pending: figure(ids(`${prefix}p`, pending)),
    total: figure([
      ...ids(`${prefix}u`, upheld),
      ...ids(`${prefix}c`, corrected),
      ...ids(`${prefix}o`, other),
      ...ids(`${prefix}p`, pending),
    ]),
  });
  return {
    totalPublished: figure(ids('t', 12)),
    byChannel: {
      governmentPortal: figure(ids('gp', 5)),
      ownWebsite: figure(ids('ow', 4)),
      weibo: figure(ids('wb', 3)),
    },
    byCategory: { 规范性文件: figure(ids('nd', 2)) },
    websiteItems: figure(ids('w', 6)),
    yearly: {
      licences: figure(ids('l', 12)),
      penalties: figure(ids('p', 3)),
      coercion: ZERO,
      administrativeFeesTenThousandYuan: 1.25,
    },
    powerItems: figure(ids('pi', 120)),
    workflows: figure(ids('wf', 153)),
    reviews: {
      reconsideration: rc(2, 1, 0, 1, 'r'),
      litigationDirect: rc(1, 0, 1, 0, 'd'),
      litigationAfterReconsideration: rc(0, 1, 0, 2, 'a'),
    },
    mailbox: null,
    unavailable: [],
  };
}

export function sampleInputs(year = 2025, agencyOnly: 'a' | 'all' = 'a'): ReportInputs {
  const rows = FIXTURE_APPLICATIONS.filter((r) => agencyOnly === 'all' || r[1] === 'a');
  const applications: ApplicationFact[] = rows.map(([n, , kind, receivedOn, outcome, outcomeOn]) => ({
    id: n,
    applicantKind: kind as ApplicantKind,
    receivedOn,
    outcome: outcome as OutcomeCode | null,
    outcomeOn,
  }));
  return {
    agency: { code: 'rpt-a', name: '测试市人力资源和社会保障局', parentCode: null, kind: 'department' },
    year,
    scope: agencyOnly === 'a' ? 'agency' : 'rollup',
    agencyCount: agencyOnly === 'a' ? 1 : 2,
    applications,
    received: rows
      .filter((r) => r[3].startsWith(String(year)))
      .map(([n, , , , outcome, outcomeOn]) => ({ id: n, channel: 'online', outcome, outcomeOn })),
    normative: {
      regulations: { issued: ZERO, repealed: ZERO, inForce: ZERO },
      normativeDocuments: { issued: figure([101, 102]), repealed: figure([90]), inForce: figure([80, 101, 102]) },
    },
    fees: { collectedYuan: 100, waivedYuan: 50, chargedApplicationIds: [4], waivedApplicationIds: [5] },
    external: sampleExternal(),
    previousWebsiteItems: figure(ids('pw', 4)),
    generatedAt: '2026-01-20T08:00:00.000Z',
  };
}
