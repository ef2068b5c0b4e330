// The demo's letters and work orders, loaded through the services on both engines: every state of
// the workflow, 2013 and 2025 at the bureau and both county bureaus, the 2013 figures the fixture
// allows (ten public answers at the city, no application), the conversions keeping their dates, the
// complaint passed on from an application, and each step dated the day it happened.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../test/support/database.ts';
import { seedDemoOrganisation } from '../../test/support/app.ts';
import { useClock } from '../../test/support/clock.ts';
import { createVault } from '../platform/crypto/personal-data.ts';
import { mailboxStatuses } from '../modules/mailbox/mailbox.ts';
import { mailboxFigures, mailboxYear, yearPeriod } from '../modules/mailbox/mailbox-figures.store.ts';
import { loadDemoApplications } from './demo-applications.ts';
import { loadDemoMailbox } from './demo-mailbox.ts';
import { mailboxCases2013, mailboxCases2025 } from './demo-mailbox-cases.ts';

const vault = createVault('aes-256-gcm', ['00'.repeat(32)]);
const TODAY = '2026-06-15';

test('the demo’s cases are the same on every load (seeded)', () => {
  assert.deepEqual(mailboxCases2013(), mailboxCases2013());
  assert.deepEqual(mailboxCases2025(), mailboxCases2025());
});

forEachDialect('demo mailbox', (t) => {
  useClock(`${TODAY}T02:00:00.000Z`);
  const agencies = new Map<string, number>();

  before(async () => {
    await seedDemoOrganisation(t.handle);
    const rows = await t.handle.db.selectFrom('agencies').select(['id', 'code']).execute();
    for (const r of rows) agencies.set(r.code, r.id);
    const units = await t.handle.db.selectFrom('units').select(['id', 'agency_id', 'name']).execute();
    const code = new Map(rows.map((r) => [r.id, r.code]));
    const unitIds = new Map(units.map((u) => [`${code.get(u.agency_id)}/${u.name}`, u.id]));
    const apps = await loadDemoApplications(t.handle, vault, agencies, unitIds, TODAY);
    await loadDemoMailbox(t.handle, vault, agencies, unitIds, apps.ids.get('2025-not_processed_petition')!.id, TODAY);
  });

  test('every state of the workflow has cases, and the converted ones', async () => {
    const rows = await t.handle.db.selectFrom('mailbox_cases').select('status').distinct().execute();
    const seen = new Set(rows.map((r) => r.status));
    for (const s of [...mailboxStatuses, 'converted']) assert.ok(seen.has(s), s);
  });

  test('2013 and 2025, letters and orders, at the bureau and both county bureaus', async () => {
    for (const code of ['yueyang-hrss', 'yueyang-county-hrss', 'huarong-hrss'])
      for (const year of [2013, 2025]) {
        const y = await mailboxYear(t.handle.db, [agencies.get(code)!], year);
        assert.ok(y.lettersReceived > 0 && y.ordersReceived > 0, `${code} ${year}`);
      }
  });

  test('2013 at the city: ten public answers, everything answered within the year, no application', async () => {
    const city = agencies.get('yueyang-hrss')!;
    const y = await mailboxYear(t.handle.db, [city], 2013);
    assert.equal(y.publicAnswers, 10);
    const f = (await mailboxFigures(t.handle.db, [city], yearPeriod(2013), { by: 'agency', today: TODAY })).get(city)!;
    assert.equal(f.answered + f.handledElsewhere, f.received);
    assert.ok(f.redone > 0 && f.answeredInTime < f.answered, 'a redo and a late answer');
    const applications = await t.handle.db
      .selectFrom('applications')
      .select('id')
      .where('received_on', '<', '2014-01-01')
      .execute();
    assert.equal(applications.length, 0);
  });

  test('conversions keep the letter’s date; the complaint was passed on; steps carry their days', async () => {
    const converted = await t.handle.db
      .selectFrom('mailbox_cases as c')
      .innerJoin('applications as a', 'a.id', 'c.application_id')
      .select(['c.received_on as letter', 'a.received_on as application'])
      .execute();
    assert.ok(converted.length >= 2);
    for (const r of converted) assert.equal(r.application, r.letter);
    const passed = await t.handle.db
      .selectFrom('mailbox_cases')
      .select(['status', 'received_on'])
      .where('from_application_id', 'is not', null)
      .execute();
    assert.deepEqual(
      passed.map((p) => p.status),
      ['closed'],
    );
    // A 2013 answer was recorded in 2013, not on the load day.
    const old = await t.handle.db
      .selectFrom('mailbox_status_history as h')
      .innerJoin('mailbox_cases as c', 'c.id', 'h.case_id')
      .select(['h.created_at'])
      .where('c.received_on', '<', '2014-01-01')
      .where('h.event', '=', 'reply')
      .execute();
    assert.ok(old.length > 0 && old.every((h) => h.created_at.startsWith('2013')));
  });
});
