// A province-sized dataset for the report benchmark, written with direct bulk inserts on SQLite (one
// prepared statement per table, one transaction per batch): 2,000 agencies in a tree (province →
// cities → departments and counties), 5,000,000 information items over 2015–2025 (2 % normative,
// with versions and validity histories), 500,000 applications over 2016–2025 with outcomes and fee
// events, channel publications, yearly figures and review cases. `scale` shrinks every count but
// the agencies proportionally (0.01 → 50,000 items and 5,000 applications).
import type BetterSqlite3 from 'better-sqlite3';
import { OUTCOME_CODES } from '../../src/modules/applications/index.ts';
import { APPLICANT_KINDS } from '../../src/modules/applications/index.ts';
import { seededRandom } from '../../src/platform/seeded-random.ts';

export interface DatasetSize {
  agencies: number;
  items: number;
  applications: number;
}

export const FULL_SIZE: DatasetSize = { agencies: 2000, items: 5_000_000, applications: 500_000 };

const pad = (n: number) => String(n).padStart(2, '0');
function dateIn(rand: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rand() * (toYear - fromYear + 1));
  return `${y}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
}
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const NOW = '2026-01-10T00:00:00.000Z';
const CHANNELS = [
  'weibo',
  'wechat',
  'display_screen',
  'newspaper',
  'tv',
  'hotline',
  'government_portal',
  'own_website',
];
const RECONSIDERATION_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
const RECONSIDERATION_RESULTS = ['upheld', 'corrected', 'other', null];

export function generate(
  sqlite: BetterSqlite3.Database,
  size: DatasetSize,
  log: (s: string) => void = () => {},
): { rootCode: string } {
  const rand = seededRandom(20261129);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const batch = <T>(rows: number, fn: (i: number) => T) => {
    const step = 50_000;
    for (let from = 0; from < rows; from += step)
      sqlite.transaction(() => {
        for (let i = from; i < Math.min(rows, from + step); i++) fn(i);
      })();
  };

  // Agencies: 1 province, 20 cities, the rest split evenly under the cities.
  const insAgency = sqlite.prepare(
    `insert into agencies (code, name, level, kind, parent_id, created_at, updated_at) values (?, ?, ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  const insUnit = sqlite.prepare(
    `insert into units (agency_id, name, kind, created_at, updated_at) values (?, '办公室', 'department', '${NOW}', '${NOW}')`,
  );
  const agencyIds: number[] = [];
  const unitOf = new Map<number, number>();
  sqlite.transaction(() => {
    const root = Number(insAgency.run('bench-province', '省人民政府', 'province', 'government', null).lastInsertRowid);
    agencyIds.push(root);
    const cities: number[] = [];
    for (let c = 0; c < 20 && agencyIds.length < size.agencies; c++) {
      const id = Number(insAgency.run(`bench-city-${c}`, `市${c}人民政府`, 'city', 'government', root).lastInsertRowid);
      cities.push(id);
      agencyIds.push(id);
    }
    for (let i = 0; agencyIds.length < size.agencies; i++) {
      const parent = cities[i % cities.length]!;
      agencyIds.push(
        Number(
          insAgency.run(`bench-dept-${i}`, `部门${i}`, 'city', i % 10 === 0 ? 'government' : 'department', parent)
            .lastInsertRowid,
        ),
      );
    }
    for (const id of agencyIds) unitOf.set(id, Number(insUnit.run(id).lastInsertRowid));
  })();
  log(`agencies: ${agencyIds.length}`);

  const insItem = sqlite.prepare(
    `insert into information_items (agency_id, index_number, status, disclosure_mode, catalog_category, responsible_unit_id, formation_date, publication_date, is_normative, created_at, updated_at) values (?, ?, 'published', 'proactive', ?, ?, ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  const insVersion = sqlite.prepare(
    `insert into item_versions (item_id, version_no, title, issuing_agencies, body_html, created_at) values (?, 1, '规范性文件', '[]', '<p></p>', '${NOW}')`,
  );
  const setVersion = sqlite.prepare('update information_items set current_version_id = ? where id = ?');
  const insValidity = sqlite.prepare(
    `insert into item_validity_history (item_id, validity, effective_date, created_at) values (?, ?, ?, '${NOW}')`,
  );
  const insChannel = sqlite.prepare(
    `insert into channel_publications (agency_id, channel, published_on, title, item_id, created_at) values (?, ?, ?, '信息', ?, '${NOW}')`,
  );
  const categories = ['work_news', 'normative_documents', 'personnel', 'budget', 'licensing', 'other'];
  batch(size.items, (i) => {
    const agency = agencyIds[Math.floor(rand() * agencyIds.length)]!;
    const formed = dateIn(rand, 2015, 2025);
    const published = plusDays(formed, Math.floor(rand() * 20));
    const normative = rand() < 0.02 ? 1 : 0;
    const id = Number(
      insItem.run(agency, `B${i}`, categories[i % categories.length], unitOf.get(agency), formed, published, normative)
        .lastInsertRowid,
    );
    if (normative) {
      setVersion.run(Number(insVersion.run(id).lastInsertRowid), id);
      insValidity.run(id, 'in_force', published);
      if (rand() < 0.1) insValidity.run(id, 'repealed', dateIn(rand, Number(published.slice(0, 4)), 2025));
    }
    // One item in ten is also announced on another channel.
    if (i % 10 === 0) insChannel.run(agency, CHANNELS[Math.floor(rand() * CHANNELS.length)], published, id);
  });
  log(`items: ${size.items}`);

  const insApp = sqlite.prepare(
    `insert into applications (agency_id, tracking_code, channel, applicant_kind, description, form_wanted, delivery_way, received_on, rules, status, outcome, outcome_on, created_at, updated_at) values (?, ?, 'online', ?, '申请', 'electronic', 'email', ?, '2019', ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  const insEvent = sqlite.prepare(
    `insert into application_events (application_id, kind, occurred_on, detail_json, public, created_at) values (?, ?, ?, ?, 0, '${NOW}')`,
  );
  batch(size.applications, (i) => {
    const agency = agencyIds[Math.floor(rand() * agencyIds.length)]!;
    const received = dateIn(rand, 2016, 2025);
    const decided = rand() < 0.95;
    const outcome = decided ? OUTCOME_CODES[Math.floor(rand() * OUTCOME_CODES.length)]! : null;
    const outcomeOn = decided ? plusDays(received, 1 + Math.floor(rand() * 40)) : null;
    const id = Number(
      insApp.run(
        agency,
        `T${i}`,
        APPLICANT_KINDS[Math.floor(rand() * APPLICANT_KINDS.length)],
        received,
        decided ? 'closed' : 'open',
        outcome,
        outcomeOn,
      ).lastInsertRowid,
    );
    if (i % 50 === 0) {
      insEvent.run(id, 'fee_notice_sent', plusDays(received, 3), JSON.stringify({ amountYuan: 100 }));
      insEvent.run(id, i % 100 === 0 ? 'fee_paid' : 'fee_waived', plusDays(received, 6), '{}');
    }
  });
  log(`applications: ${size.applications}`);

  const insFigure = sqlite.prepare(
    `insert into yearly_figures (agency_id, year, kind, decisions, amount_fen, source, updated_at) values (?, ?, ?, ?, ?, 'entered', '${NOW}')`,
  );
  const insReview = sqlite.prepare(
    `insert into review_cases (agency_id, kind, body, filed_on, decided_on, result, created_at, updated_at) values (?, ?, '复议机关', ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  sqlite.transaction(() => {
    for (const a of agencyIds) {
      for (const kind of ['licence', 'penalty', 'coercion'])
        insFigure.run(a, 2025, kind, Math.floor(rand() * 500), null);
      insFigure.run(a, 2025, 'fee', null, Math.floor(rand() * 1_000_000));
    }
    for (let i = 0; i < Math.max(10, size.applications / 100); i++) {
      const filed = dateIn(rand, 2020, 2025);
      const result = RECONSIDERATION_RESULTS[Math.floor(rand() * RECONSIDERATION_RESULTS.length)]!;
      insReview.run(
        agencyIds[Math.floor(rand() * agencyIds.length)],
        RECONSIDERATION_KINDS[i % 3],
        filed,
        result ? plusDays(filed, 60) : null,
        result,
      );
    }
  })();
  sqlite.exec('analyze');
  return { rootCode: 'bench-province' };
}
