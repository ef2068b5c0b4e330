// Table 三 of one year from the applications' receipt dates, outcome dates and applicant kinds (pure).
// 一 new: received in the year. 二 carried over: received before the year, not decided before it.
// 三 outcomes: decided in the year, in the outcome's row (outcome.ts). 四 carried forward: received by
// the end of the year and not decided by then. So 一 + 二 = 三(七) + 四 holds by construction for
// every column, which the arithmetic check then confirms (docs/domain/annual-report.md#check-a).
import { APPLICANT_KIND_COLUMNS, OUTCOMES, TABLE3_ROWS_2021, type ApplicantKind } from '../applications/outcomes.ts';
import { APPLICANT_KEYS, type ApplicantCounts, type Applications2021, type Provenance } from './report-types.ts';
import { yearEnd, yearStart, type RecordId } from './queries/figure.ts';
import type { ApplicationFact } from './queries/applications.ts';

/** Every row path of table 三 (applications.newReceived … applications.carriedForward) in printed order. */
export const TABLE3_PATHS: readonly string[] = TABLE3_ROWS_2021.map((r) => r.reportPath!);

function columnOf(kind: ApplicantKind): (typeof APPLICANT_KEYS)[number] {
  // An unknown kind is counted as 其他 (organisation) rather than dropped, so the identities still hold.
  return APPLICANT_KIND_COLUMNS[kind]?.column ?? 'otherOrg';
}

export interface Table3Result {
  readonly table: Applications2021;
  /** Keys `applications.<row>.<column>` → application ids. */
  readonly provenance: Provenance;
}

export function computeTable3(facts: readonly ApplicationFact[], year: number): Table3Result {
  const start = yearStart(year);
  const end = yearEnd(year);
  const cells = new Map<string, RecordId[]>();
  const add = (row: string, fact: ApplicationFact) => {
    for (const column of [columnOf(fact.applicantKind), 'total']) {
      const key = `${row}.${column}`;
      const list = cells.get(key);
      if (list) list.push(fact.id);
      else cells.set(key, [fact.id]);
    }
  };
  for (const f of facts) {
    if (f.receivedOn > end) continue;
    if (f.outcomeOn !== null && f.outcomeOn < start) continue;
    add(f.receivedOn >= start ? 'applications.newReceived' : 'applications.carriedOver', f);
    if (f.outcome && f.outcomeOn !== null && f.outcomeOn <= end) {
      add(OUTCOMES[f.outcome].reportPath, f);
      add('applications.outcomes.total', f);
    } else add('applications.carriedForward', f);
  }
  const counts = (row: string): ApplicantCounts => {
    const c = {} as ApplicantCounts;
    for (const column of [...APPLICANT_KEYS, 'total'] as const) c[column] = cells.get(`${row}.${column}`)?.length ?? 0;
    return c;
  };
  const group = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, counts(`${prefix}.${k}`)])) as Record<K, ApplicantCounts>;
  const o = 'applications.outcomes';
  const table: Applications2021 = {
    newReceived: counts('applications.newReceived'),
    carriedOver: counts('applications.carriedOver'),
    outcomes: {
      granted: counts(`${o}.granted`),
      partiallyGranted: counts(`${o}.partiallyGranted`),
      withheld: group(`${o}.withheld`, [
        'stateSecret',
        'prohibitedByLaw',
        'endangersSecurityOrStability',
        'thirdPartyRights',
        'internalAffairs',
        'processInformation',
        'enforcementFiles',
        'administrativeQuery',
      ] as const),
      unableToProvide: group(`${o}.unableToProvide`, ['notHeld', 'needsCreation', 'unclearAfterCorrection'] as const),
      notProcessed: group(`${o}.notProcessed`, [
        'petitionOrComplaint',
        'duplicate',
        'publication',
        'massRepeated',
        'confirmation',
      ] as const),
      otherHandling: group(`${o}.otherHandling`, ['noCorrection', 'feeNotPaid', 'other'] as const),
      total: counts(`${o}.total`),
    },
    carriedForward: counts('applications.carriedForward'),
  };
  return { table, provenance: Object.fromEntries(cells) };
}
