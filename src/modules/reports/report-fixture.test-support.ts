// A small set of records for the report tests, inserted directly (no services: the figures, not the
// workflows, are under test). Two agencies, a parent department and one beneath it, with applications
// around the 2025 year boundaries, fee events and normative documents. The expected tables are written
// by hand in the tests, not here.
import type { Executor } from '../../db/database.ts';
import { insertItemRows } from '../publishing/publishing.test-support.ts';

const NOW = '2026-01-15T00:00:00.000Z';

export interface ReportFixture {
  readonly parentId: number;
  readonly childId: number;
  /** Application ids by fixture number (1–13). */
  readonly app: Record<number, number>;
  /** Item ids by fixture label. */
  readonly item: Record<string, number>;
}

type AppSpec = [
  n: number,
  agency: 'a' | 'b',
  kind: string,
  receivedOn: string,
  outcome: string | null,
  outcomeOn: string | null,
];

// n, agency, applicant kind, received, outcome, decided
export const FIXTURE_APPLICATIONS: readonly AppSpec[] = [
  [1, 'a', 'natural_person', '2024-12-20', 'disclosed', '2025-01-10'],
  [2, 'a', 'business', '2024-11-01', null, null],
  [3, 'a', 'natural_person', '2024-06-01', 'disclosed', '2024-06-20'],
  [4, 'a', 'natural_person', '2025-03-01', 'partially_disclosed', '2025-03-20'],
  [5, 'a', 'research_institution', '2025-04-01', 'withheld_state_secret', '2025-04-15'],
  [6, 'a', 'public_interest_org', '2025-05-01', 'unable_not_held', '2025-05-10'],
  [7, 'a', 'legal_service_org', '2025-06-01', 'not_processed_duplicate', '2025-06-05'],
  [8, 'a', 'other_org', '2025-07-01', 'other_fee_unpaid', '2025-08-20'],
  [9, 'a', 'natural_person', '2025-12-20', null, null],
  [10, 'a', 'natural_person', '2025-12-28', 'disclosed', '2026-01-05'],
  [11, 'a', 'natural_person', '2026-01-03', null, null],
  [12, 'b', 'business', '2025-02-01', 'withheld_third_party_rights', '2025-02-20'],
  [13, 'b', 'natural_person', '2024-12-30', 'other_no_correction', '2025-01-20'],
];

export async function insertReportFixture(db: Executor, prefix = 'rpt'): Promise<ReportFixture> {
  const agency = async (code: string, name: string, parentId: number | null) =>
    (
      await db
        .insertInto('agencies')
        .values({
          code,
          name,
          level: 'city',
          kind: 'department',
          parent_id: parentId,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const parentId = await agency(`${prefix}-a`, '测试市人力资源和社会保障局', null);
  const childId = await agency(`${prefix}-b`, '测试县人力资源和社会保障局', parentId);
  const app: Record<number, number> = {};
  for (const [n, who, kind, receivedOn, outcome, outcomeOn] of FIXTURE_APPLICATIONS) {
    const row = await db
      .insertInto('applications')
      .values({
        agency_id: who === 'a' ? parentId : childId,
        tracking_code: `${prefix}-${n}`,
        channel: n % 2 ? 'online' : 'in_person',
        applicant_kind: kind,
        applicant_name_enc: null,
        applicant_name_index: null,
        id_number_enc: null,
        id_number_index: null,
        phone_enc: null,
        address_enc: null,
        email_enc: null,
        organisation_credit_code: null,
        description: '测试申请',
        document_number_hint: null,
        form_wanted: 'electronic',
        delivery_way: 'email',
        received_on: receivedOn,
        rules: '2019',
        status: outcome ? 'closed' : 'open',
        due_date: null,
        waiting_until: null,
        outcome,
        outcome_on: outcomeOn,
        reply_summary: null,
        assigned_unit_id: null,
        created_by: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    app[n] = row.id;
  }
  const event = (n: number, kind: string, on: string, detail: Record<string, unknown>) =>
    db
      .insertInto('application_events')
      .values({
        application_id: app[n]!,
        kind,
        occurred_on: on,
        detail_json: JSON.stringify(detail),
        public: 0,
        actor_user_id: null,
        created_at: NOW,
      })
      .execute();
  // App 4: 100 yuan noticed and paid in 2025 (the payment does not repeat the amount).
  await event(4, 'fee_notice_sent', '2025-03-05', { amountYuan: 100, method: 'by_count' });
  await event(4, 'fee_paid', '2025-03-08', {});
  // App 5: 50 yuan noticed, then waived.
  await event(5, 'fee_notice_sent', '2025-04-03', { amountYuan: 50, method: 'by_count' });
  await event(5, 'fee_waived', '2025-04-04', {});
  // App 1: paid in 2024 — not a 2025 figure.
  await event(1, 'fee_notice_sent', '2024-12-22', { amountYuan: 30 });
  await event(1, 'fee_paid', '2024-12-23', { amountYuan: 30 });

  const item = await insertNormativeItems(db, prefix, parentId);
  return { parentId, childId, app, item };
}

type ItemSpec = [
  label: string,
  normative: number,
  genre: string | null,
  formed: string,
  published: string | null,
  validity: [string, string][],
];

// label, normative, genre, formed, published, validity records
const NORMATIVE_ITEMS: readonly ItemSpec[] = [
  ['old-in-force', 1, null, '2023-05-01', '2023-05-10', [['in_force', '2023-05-10']]],
  [
    'old-repealed-2025',
    1,
    null,
    '2022-01-01',
    '2022-01-05',
    [
      ['in_force', '2022-01-05'],
      ['repealed', '2025-06-30'],
    ],
  ],
  [
    'old-repealed-2024',
    1,
    null,
    '2021-01-01',
    '2021-01-05',
    [
      ['in_force', '2021-01-05'],
      ['repealed', '2024-03-01'],
    ],
  ],
  ['new-2025', 1, null, '2025-02-01', '2025-02-10', [['in_force', '2025-02-10']]],
  [
    'new-2025-amended',
    1,
    null,
    '2025-03-01',
    '2025-03-05',
    [
      ['in_force', '2025-03-05'],
      ['amended', '2025-09-01'],
    ],
  ],
  ['new-2025-unpublished', 1, null, '2025-11-01', null, []],
  [
    'new-2025-repealed-2026',
    1,
    null,
    '2025-04-01',
    '2025-04-02',
    [
      ['in_force', '2025-04-02'],
      ['repealed', '2026-01-10'],
    ],
  ],
  ['not-normative', 0, null, '2025-02-01', '2025-02-02', []],
  ['regulation-2025', 0, '规章', '2025-05-01', '2025-05-03', [['in_force', '2025-05-03']]],
];

/** Normative documents (and two items that are not) of the parent agency, with their validity records. */
async function insertNormativeItems(db: Executor, prefix: string, parentId: number): Promise<Record<string, number>> {
  const unit = (
    await db
      .insertInto('units')
      .values({ agency_id: parentId, name: '政策法规科', kind: 'department', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const item: Record<string, number> = {};
  let seq = 0;
  for (const [label, normative, genre, formed, published, validity] of NORMATIVE_ITEMS) {
    seq += 1;
    const { id, versionId: version } = await insertItemRows(
      db,
      NOW,
      {
        agency_id: parentId,
        index_number: `${prefix}/${seq}`,
        status: published ? 'published' : 'draft',
        disclosure_mode: 'proactive',
        non_disclosure_basis: null,
        art20_item: 1,
        catalog_category: 'normative_documents',
        responsible_unit_id: unit,
        formation_date: formed,
        disclosure_due_on: null,
        scheduled_on: null,
        publication_date: published,
        is_normative: normative,
        document_kind: genre === '规章' ? 'regulation' : normative ? 'normative_document' : null,
        interprets_item_id: null,
        created_by: null,
      },
      {
        title: label,
        document_number: null,
        issuing_agencies: '[]',
        topic: null,
        genre,
        keywords: null,
        summary: null,
        body_html: '<p>x</p>',
        change_note: null,
        created_by: null,
      },
    );
    for (const [v, on] of validity)
      await db
        .insertInto('item_validity_history')
        .values({ item_id: id, validity: v, effective_date: on, note: null, created_by: null, created_at: NOW })
        .execute();
    item[label] = id;
  }
  return item;
}
