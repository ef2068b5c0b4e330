// The demo applications: loaded into a fresh database of each dialect through the services,
// they give table 三 and table 四 for 2025 a non-zero figure in every section, and 2013 none.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/database.ts';
import { DEMO_PASSWORD } from '../support/app.ts';
import { configureAudit } from '../../src/platform/audit/audit.ts';
import { calendarService } from '../../src/modules/calendar/calendar.service.ts';
import { loadDemo } from '../../src/demo/demo.ts';
import { createVault } from '../../src/platform/crypto/personal-data.ts';
import { APPLICANT_KINDS, OUTCOME_CODES, OUTCOMES } from '../../src/modules/applications/outcome.ts';
import {
  reconsiderationCounts,
  reconsiderationNumbers,
} from '../../src/modules/reconsideration/reconsideration.store.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';

const KEY = 'a'.repeat(64);

forEachDialect('demo applications', (t) => {
  let hrss = 0;
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, { mustChange: false, vault: createVault('aes-256-gcm', [KEY]) });
    hrss = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });

  const apps = () =>
    t.handle.db
      .selectFrom('applications')
      .select(['id', 'agency_id', 'applicant_kind', 'received_on', 'status', 'outcome', 'outcome_on'])
      .execute();

  test('2025 has new applications of every applicant kind (table 三 row 一)', async () => {
    const rows = (await apps()).filter((a) => a.agency_id === hrss && a.received_on.startsWith('2025'));
    for (const kind of APPLICANT_KINDS)
      assert.ok(
        rows.some((a) => a.applicant_kind === kind),
        `no 2025 application of kind ${kind}`,
      );
  });

  test('2025 has cases carried over from 2024 and into 2026 (rows 二 and 四)', async () => {
    const rows = (await apps()).filter((a) => a.agency_id === hrss);
    assert.ok(
      rows.some((a) => a.received_on < '2025-01-01' && a.outcome_on !== null && a.outcome_on >= '2025-01-01'),
      'row 二 is empty',
    );
    assert.ok(
      rows.some((a) => a.received_on.startsWith('2025') && (a.outcome_on === null || a.outcome_on > '2025-12-31')),
      'row 四 is empty',
    );
  });

  test('every outcome category of table 三 is answered in 2025', async () => {
    const answered = new Set(
      (await apps()).filter((a) => a.agency_id === hrss && a.outcome_on?.startsWith('2025')).map((a) => a.outcome),
    );
    for (const code of OUTCOME_CODES)
      assert.ok(answered.has(code), `no 2025 answer with outcome ${code} (${OUTCOMES[code].category})`);
  });

  test('some cases were corrected, consulted, extended and charged', async () => {
    const kinds = new Set(
      (
        await t.handle.db
          .selectFrom('application_events')
          .select('kind')
          .where('occurred_on', '>=', '2025-01-01')
          .where('occurred_on', '<=', '2025-12-31')
          .execute()
      ).map((e) => e.kind),
    );
    for (const k of [
      'correction_requested',
      'correction_received',
      'consultation_started',
      'consultation_ended',
      'extension_approved',
      'fee_notice_sent',
      'fee_paid',
    ])
      assert.ok(kinds.has(k), `no ${k} in 2025`);
  });

  test('table 四 for 2025 has cases in each group, with their ids', async () => {
    const table = await reconsiderationCounts(t.handle.db, [hrss], 2025);
    const n = reconsiderationNumbers(table);
    assert.deepEqual(n, {
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
      litigationDirect: { upheld: 0, corrected: 0, other: 1, pending: 1, total: 2 },
      litigationAfterReconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
    });
    assert.equal(table.reconsideration.total.ids.length, 3);
    const linked = await t.handle.db
      .selectFrom('review_cases')
      .select('id')
      .where('application_id', 'is not', null)
      .execute();
    assert.ok(linked.length >= 4);
  });

  test('the fixture year 2013 has no application and no review case', async () => {
    assert.equal((await apps()).filter((a) => a.received_on.startsWith('2013')).length, 0);
    assert.deepEqual(
      reconsiderationNumbers(await reconsiderationCounts(t.handle.db, [hrss], 2013)).reconsideration.total,
      0,
    );
  });

  test('the dashboards have open cases due soon, overdue, waiting and paused', async () => {
    const statuses = new Set((await apps()).filter((a) => a.status !== 'closed').map((a) => a.status));
    for (const s of ['open', 'awaiting_correction', 'paused']) assert.ok(statuses.has(s), `no open case in state ${s}`);
  });

  test('the audit chain of the demo load verifies', async () => {
    const result = await verifyAuditChain(t.handle.db, undefined);
    assert.equal(result.ok, true);
  });
});
