// Who approves a drafted reply (issue 15 item 10): by default the head of the disclosure office
// (officehead, unit head of 政策法规科) or above (leader, chief); the agency's setting narrows it, and
// the case page names whoever the setting allows. Each role tried on a pending draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from './applications.service.ts';
import { useApplicationsApp } from './applications.test-support.ts';
import { parseReplyApprovers, DEFAULT_REPLY_APPROVERS } from './reply-approvers.ts';

const KEY = '3b'.repeat(32);
const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');
const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));

test('the stored list: unknown codes dropped, order fixed, empty is the default', () => {
  assert.deepEqual(parseReplyApprovers(null), DEFAULT_REPLY_APPROVERS);
  assert.deepEqual(parseReplyApprovers(''), DEFAULT_REPLY_APPROVERS);
  assert.deepEqual(parseReplyApprovers('principal_leader,office_head,x'), ['office_head', 'principal_leader']);
});

forEachDialect('applications: who approves a reply', (t) => {
  const state = useApplicationsApp(t, KEY);

  async function signIn(username: string): Promise<Client> {
    const c = new Client(state.app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303, username);
    return c;
  }

  /** A case of the bureau assigned to 就业促进科, with a draft reply by the officer; its id and the draft's. */
  async function drafted(officer: Client): Promise<{ id: number; draft: string }> {
    setClock(() => new Date('2026-07-01T04:00:00.000Z'));
    const employment = await state.db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', state.agencyId)
      .where('name', '=', '就业促进科')
      .executeTakeFirstOrThrow();
    const created = await service.registerAtCounter(state.db, systemContext, state.agencyId, {
      applicant_kind: 'natural_person',
      applicant_name: '张三',
      id_number: ID,
      phone: '13812345678',
      description: '2024年就业补助资金管理办法',
      form_wanted: 'electronic',
      delivery_way: 'online',
      channel: 'in_person',
      submitted_on: '2026-07-01',
      assigned_unit_id: String(employment.id),
    });
    setClock(() => new Date('2026-07-06T04:00:00.000Z'));
    await officer.get(`/admin/applications/${created.id}`);
    const res = await officer.post(`/admin/applications/${created.id}/reply`, {
      outcome: 'disclosed',
      reply_date: '2026-07-06',
      summary: '予以公开',
    });
    assert.equal(res.statusCode, 303);
    const page = await officer.get(`/admin/applications/${created.id}`);
    const draft = /data-pending-draft="(\d+)"/.exec(page.body)?.[1];
    assert.ok(draft);
    return { id: created.id, draft };
  }

  /** What each user gets when approving (status), and whether the page offered the buttons. */
  async function tryApprove(username: string, id: number, draft: string) {
    const c = await signIn(username);
    const page = await c.get(`/admin/applications/${id}`);
    const offered = page.statusCode === 200 && page.body.includes(`action="/admin/applications/${id}/reply/approve"`);
    const onDashboard = (await c.get('/admin')).body.includes(`data-awaiting-approval="${id}"`);
    const res = await c.post(`/admin/applications/${id}/reply/return`, { draft, return_reason: '请补充' });
    return { page: page.statusCode, offered, onDashboard, decided: res.statusCode };
  }

  test('by default the office head, the leader and the chief approve; other roles may not', async () => {
    const officer = await signIn('officer');
    const { id, draft } = await drafted(officer);
    const hint = (await officer.get(`/admin/applications/${id}`)).body;
    assert.match(hint, /data-reply-approvers="office_head leader_in_charge principal_leader"/);
    assert.match(hint, /答复稿经信息公开工作机构负责人、分管领导或主要领导审批同意后才正式答复/);
    const en = (await officer.get(`/admin/applications/${id}?lang=en`)).body;
    assert.match(en, /head of the disclosure office, leader in charge or principal leader approves the draft/);
    // Each decider returns the draft (so it stays open for the next); the officer redrafts after each.
    for (const username of ['officehead', 'leader', 'chief']) {
      const pending = /data-pending-draft="(\d+)"/.exec((await officer.get(`/admin/applications/${id}`)).body)?.[1];
      const r = await tryApprove(username, id, pending ?? draft);
      assert.deepEqual(r, { page: 200, offered: true, onDashboard: true, decided: 303 }, username);
      await officer.get(`/admin/applications/${id}`);
      await officer.post(`/admin/applications/${id}/reply`, {
        outcome: 'disclosed',
        reply_date: '2026-07-06',
        summary: '予以公开',
      });
    }
    const pending = /data-pending-draft="(\d+)"/.exec((await officer.get(`/admin/applications/${id}`)).body)![1]!;
    // The unit head of 就业促进科 reads the case (its unit's) but is not the office's head.
    assert.deepEqual(await tryApprove('unithead', id, pending), {
      page: 200,
      offered: false,
      onDashboard: false,
      decided: 404,
    });
    for (const username of ['officer', 'drafter', 'supervisor', 'reviewer']) {
      const r = await tryApprove(username, id, pending);
      assert.equal(r.offered, false, username);
      assert.equal(r.decided, 403, username);
    }
    for (const username of ['admin', 'yyx-officer']) {
      const r = await tryApprove(username, id, pending);
      assert.ok([403, 404].includes(r.decided), username);
    }
  });

  test('the system administrator narrows it to the chief: the office head and the leader may no longer', async () => {
    const admin = await signIn('admin');
    const form = await admin.get(`/admin/agencies/${state.agencyId}/reply-approvers`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /政策法规科/);
    assert.equal((form.body.match(/name="approvers" value="[a-z_]+" checked/g) ?? []).length, 3);
    const none = await admin.post(`/admin/agencies/${state.agencyId}/reply-approvers`, {});
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /请至少选择一类审批人员/);
    const saved = await admin.post(`/admin/agencies/${state.agencyId}/reply-approvers`, {
      approvers: 'principal_leader',
    });
    assert.equal(saved.statusCode, 303);
    const audit = await state.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'agency.reply_approvers')
      .execute();
    assert.equal(audit.length, 1);

    const officer = await signIn('officer');
    const { id, draft } = await drafted(officer);
    assert.match((await officer.get(`/admin/applications/${id}`)).body, /答复稿经主要领导审批同意后才正式答复/);
    for (const username of ['officehead', 'leader']) {
      const r = await tryApprove(username, id, draft);
      assert.equal(r.offered, false, username);
      assert.equal(r.onDashboard, false, username);
      assert.equal(r.decided, 404, username);
    }
    assert.deepEqual(await tryApprove('chief', id, draft), {
      page: 200,
      offered: true,
      onDashboard: true,
      decided: 303,
    });
    // Back to the default for any later suite on this database.
    await state.db.deleteFrom('agency_reply_approvers').execute();
  });
});
