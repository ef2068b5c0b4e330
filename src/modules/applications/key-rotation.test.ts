// After a personal-data key rotation (a new key put in front, the old one kept to decrypt), on both
// engines: an applicant who applied under the old key is still recognised as the same applicant
// by the duplicate detector — on the case page too — and their correction key still opens the
// form. Before, the identity number's blind index was computed under the newest key only, so the
// repeat applicant was not matched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import { useClock } from '../../../test/support/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from './applications.service.ts';
import { applicationsStore } from './applications.store.ts';
import { applicantKeyMatches } from './applicant-key.ts';
import { detectDuplicates } from './duplicates.ts';
import { useApplicationsApp } from './applications.test-support.ts';

const OLD_KEY = '3a'.repeat(32);
const NEW_KEY = '5c'.repeat(32);
const ID = '43060219880512123';
const ID_NUMBER = ID + residentIdCheckChar(ID);

forEachDialect('personal-data key rotation', (t) => {
  useClock('2026-11-25T02:00:00Z');
  // The app runs after the rotation: the new key first, the old one still configured.
  const state = useApplicationsApp(t, NEW_KEY, { personalDataKeys: [NEW_KEY, OLD_KEY] });
  const before = createApplicationsService(createVault('aes-256-gcm', [OLD_KEY]));
  const after = createApplicationsService(createVault('aes-256-gcm', [NEW_KEY, OLD_KEY]));

  const register = (service: typeof before, name: string, description: string) =>
    service.registerAtCounter(state.db, systemContext, state.agencyId, {
      channel: 'in_person',
      submitted_on: '2026-11-20',
      applicant_kind: 'natural_person',
      applicant_name: name,
      id_number: ID_NUMBER,
      phone: '13912345678',
      description,
      form_wanted: 'electronic',
      delivery_way: 'pickup',
    });

  test('a repeat applicant is matched across the rotation, on the case page too', async () => {
    const earlier = await register(before, '周 国强', '2024年本单位部门预算');
    const later = await register(after, '周国强', '岳阳县人社局办公楼维修工程招标文件');
    const rows = [await applicationsStore.byId(state.db, earlier.id), await applicationsStore.byId(state.db, later.id)];
    assert.notEqual(rows[0]!.id_number_index, rows[1]!.id_number_index, 'indexed under different keys');

    const report = await after.duplicates(state.db, rows[1]!);
    assert.deepEqual(
      report.similar.map((s) => [s.id, s.sameApplicant]),
      [[earlier.id, true]],
    );
    // What the detector found before: the newest key's index alone matches nothing.
    const candidates = await applicationsStore.duplicateCandidates(state.db, state.agencyId, '2026-11-20');
    assert.deepEqual(detectDuplicates(rows[1]!, candidates).similar, []);

    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const page = await officer.get(`/admin/applications/${later.id}`);
    assert.match(page.body, /data-duplicates="1"/);
    assert.match(page.body, /同一申请人/);
  });

  test('a correction key issued before the rotation still opens the correction form', async () => {
    const earlier = await register(before, '吴敏', '2025年就业补助资金分配文件');
    const row = (await applicationsStore.byId(state.db, earlier.id))!;
    const rotated = createVault('aes-256-gcm', [NEW_KEY, OLD_KEY]);
    assert.ok(applicantKeyMatches(rotated, row.tracking_code, earlier.applicantKey, row.applicant_key_hash));
    assert.ok(!applicantKeyMatches(rotated, row.tracking_code, 'ABCDE-FGHJK', row.applicant_key_hash));
    const other = (await applicationsStore.byId(state.db, (await register(after, '郑华', '另一份文件')).id))!;
    assert.ok(!applicantKeyMatches(rotated, other.tracking_code, earlier.applicantKey, other.applicant_key_hash));
  });
});
