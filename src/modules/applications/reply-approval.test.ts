// Approval of the answer: the office drafts, the agency's leader approves (issuing the reply with
// its notice) or returns it; a drafter never approves their own draft. And the catalog search
// panel of the case page, whose ticked results go into the draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from './applications.service.ts';
import { catalogSearchSeeds } from './applications.events.ts';
import { useApplicationsApp } from './applications.test-support.ts';

const KEY = '2a'.repeat(32);
const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');
const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));

function at(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`)); // noon in China
}

const person = {
  applicant_kind: 'natural_person',
  applicant_name: '张三',
  id_number: ID,
  phone: '13812345678',
  description: '2026年就业补助资金管理办法，请提供全文',
  form_wanted: 'electronic',
  delivery_way: 'online',
};

async function countRows(
  db: Db,
  table: 'application_events' | 'audit_events',
  where?: { action: string },
): Promise<number> {
  if (where)
    return Number(
      (
        await db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', where.action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function userCtx(db: Db, username: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { actorUserId: user.id, actorName: user.display_name, ip: null };
}

forEachDialect('applications: approval of the answer', (t) => {
  const state = useApplicationsApp(t, KEY);

  async function signIn(username: string): Promise<Client> {
    const c = new Client(state.app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303);
    return c;
  }

  async function register(): Promise<number> {
    const created = await service.registerAtCounter(state.db, await userCtx(state.db, 'officer'), state.agencyId, {
      ...person,
      channel: 'in_person',
      submitted_on: '2026-07-01',
    });
    return created.id;
  }

  const caseRow = (id: number) =>
    state.db
      .selectFrom('applications')
      .select(['status', 'outcome', 'outcome_on', 'due_date'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const draftOn = (body: string) => /data-pending-draft="(\d+)"/.exec(body)?.[1];

  test('the draft does not answer the case; the leader returns it, then approves the redraft with its notice', async () => {
    at('2026-07-01');
    const id = await register();
    const before = await caseRow(id);
    at('2026-07-06');
    const o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    const drafted = await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'partially_disclosed',
      reply_date: '2026-07-06',
      summary: '名单中的身份证号码已遮盖',
      redactions: '身份证号码（个人隐私）',
    });
    assert.equal(drafted.statusCode, 303);
    assert.match(drafted.headers.location ?? '', /recorded=reply_drafted/);
    assert.deepEqual(await caseRow(id), before, 'not answered: status, outcome and due date unchanged');

    // The officer sees the draft, and no buttons to decide on it.
    const officerPage = await o.get(`/admin/applications/${id}`);
    const firstDraft = draftOn(officerPage.body);
    assert.ok(firstDraft);
    assert.doesNotMatch(officerPage.body, /reply\/approve/);
    assert.equal((await o.post(`/admin/applications/${id}/reply/approve`, { draft: firstDraft })).statusCode, 403);

    const leader = await signIn('leader');
    assert.match(
      (await leader.get('/admin')).body,
      new RegExp(`data-awaiting-approval="${id}"`),
      "on the leader's start page",
    );
    assert.doesNotMatch((await o.get('/admin')).body, /data-panel="awaiting-approval"/, "not on the officer's");
    const leaderPage = await leader.get(`/admin/applications/${id}`);
    assert.match(leaderPage.body, new RegExp(`action="/admin/applications/${id}/reply/approve"`));
    const events = await countRows(state.db, 'application_events');
    const noReason = await leader.post(`/admin/applications/${id}/reply/return`, {
      draft: firstDraft!,
      return_reason: '',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /请填写“退回理由”/);
    assert.equal(await countRows(state.db, 'application_events'), events, 'nothing stored');
    const returned = await leader.post(`/admin/applications/${id}/reply/return`, {
      draft: firstDraft!,
      return_reason: '请写明遮盖的页码',
    });
    assert.equal(returned.statusCode, 303);
    const afterReturn = await o.get(`/admin/applications/${id}`);
    assert.equal(draftOn(afterReturn.body), undefined, 'no draft pending after the return');
    assert.match(afterReturn.body, /请写明遮盖的页码/);

    await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'partially_disclosed',
      reply_date: '2026-07-06',
      summary: '名单中的身份证号码已遮盖',
      redactions: '第2至4页的身份证号码（个人隐私）',
    });
    const secondDraft = draftOn((await leader.get(`/admin/applications/${id}`)).body);
    assert.ok(secondDraft && secondDraft !== firstDraft);
    const stale = await leader.post(`/admin/applications/${id}/reply/approve`, { draft: firstDraft! });
    assert.equal(stale.statusCode, 422);
    assert.match(stale.body, /答复稿已更新或已处理/);
    assert.equal((await caseRow(id)).status, before.status);

    const replies = await countRows(state.db, 'audit_events', { action: 'application.reply' });
    const approved = await leader.post(`/admin/applications/${id}/reply/approve`, { draft: secondDraft! });
    assert.equal(approved.statusCode, 303);
    const row = await caseRow(id);
    assert.deepEqual(
      { status: row.status, outcome: row.outcome, outcome_on: row.outcome_on },
      { status: 'closed', outcome: 'partially_disclosed', outcome_on: '2026-07-06' },
    );
    const replied = await state.db
      .selectFrom('application_events')
      .select(['detail_json', 'actor_user_id'])
      .where('application_id', '=', id)
      .where('kind', '=', 'replied')
      .executeTakeFirstOrThrow();
    const detail = JSON.parse(replied.detail_json);
    assert.equal(detail.draftId, Number(secondDraft));
    assert.equal(detail.redactions, '第2至4页的身份证号码（个人隐私）');
    assert.equal(detail.template.key, 'reply.partial_disclosure');
    assert.equal(replied.actor_user_id, (await userCtx(state.db, 'leader')).actorUserId);
    assert.equal(await countRows(state.db, 'audit_events', { action: 'application.reply' }), replies + 1);
    const audit = await state.db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'application.reply')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.after_json ?? '{}').draftedBy, (await userCtx(state.db, 'officer')).actorUserId);
    assert.doesNotMatch((await leader.get('/admin')).body, new RegExp(`data-awaiting-approval="${id}"`));
    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /notices\/reply\.docx/);
    assert.equal(draftOn(page.body), undefined);
    // Approving again: the case is closed.
    assert.equal(
      (await leader.post(`/admin/applications/${id}/reply/approve`, { draft: secondDraft! })).statusCode,
      422,
    );
  });

  test('a drafter may not approve their own draft (separation of duties)', async () => {
    at('2026-07-01');
    const id = await register();
    const leader = await userCtx(state.db, 'leader');
    const { draftId } = await service.draftReply(state.db, leader, id, {
      outcome: 'unable_not_held',
      reply_date: '2026-07-01',
      summary: '本机关未制作该信息',
    });
    const events = await countRows(state.db, 'application_events');
    await assert.rejects(
      service.approveReply(state.db, leader, id, { draft: String(draftId) }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues[0]!.message.zh.includes('不能审批自己起草的答复稿') &&
        e.issues[0]!.message.en.includes('someone else'),
    );
    assert.equal(await countRows(state.db, 'application_events'), events);
    assert.equal((await caseRow(id)).status, 'open');
    await service.approveReply(state.db, await userCtx(state.db, 'chief'), id, { draft: String(draftId) });
    assert.equal((await caseRow(id)).outcome, 'unable_not_held');
  });

  test('the catalog search panel finds published items and puts the ticked ones into the draft', async () => {
    const item = await state.db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'i.index_number', 'v.title'])
      .where('i.agency_id', '=', state.agencyId)
      .where('i.status', '=', 'published')
      .where('i.disclosure_mode', '=', 'proactive')
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    at('2026-07-01');
    const id = await register();
    const o = await signIn('officer');
    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /data-search-catalog="true"/);
    // Pre-filled with the request's significant words (issue 15 item 11), and they find items.
    const seeded = /name="q"[^>]*value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    assert.ok(catalogSearchSeeds({ description: person.description, document_number_hint: null }).includes(seeded));
    assert.match(seeded, /就业/);
    const fromSeed = await o.get(`/admin/applications/${id}/catalog-search?${new URLSearchParams({ q: seeded })}`);
    assert.ok(Number(/data-catalog-results="(\d+)"/.exec(fromSeed.body)?.[1] ?? 0) > 0, 'the seed finds items');
    const q = item.title.slice(0, 8);
    const found = await o.get(`/admin/applications/${id}/catalog-search?${new URLSearchParams({ q })}`);
    assert.equal(found.statusCode, 200);
    assert.match(found.body, new RegExp(`data-catalog-hit="${item.index_number.replace(/[/.]/g, '\\$&')}"`));
    const none = await o.get(
      `/admin/applications/${id}/catalog-search?${new URLSearchParams({ q: '没有这样的信息标题zzzz' })}`,
    );
    assert.match(none.body, /data-catalog-results="0"/);
    const tooLong = await o.get(
      `/admin/applications/${id}/catalog-search?${new URLSearchParams({ q: '长'.repeat(101) })}`,
    );
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /不能超过 100 个字符/);
    const linked = await o.get(
      `/admin/applications/${id}/catalog-search?${new URLSearchParams({ q, link: item.index_number, to_reply: '1' })}`,
    );
    assert.match(
      linked.body,
      new RegExp(`name="catalog_items"[^>]*value="${item.index_number.replace(/[/.]/g, '\\$&')}"`),
    );
    // Ticked results repeat `link` and every one is kept; a repeated `q` (a mangled link) reads as its first.
    const two = new URLSearchParams([
      ['q', q],
      ['q', 'zzzz'],
      ['link', item.index_number],
      ['link', 'ABC-2026-000001'],
      ['to_reply', '1'],
    ]);
    const both = await o.get(`/admin/applications/${id}/catalog-search?${two}`);
    assert.equal(both.statusCode, 200);
    assert.match(both.body, new RegExp(`data-catalog-hit="${item.index_number.replace(/[/.]/g, '\\$&')}"`));
    assert.match(
      both.body,
      new RegExp(`name="catalog_items"[^>]*value="${item.index_number.replace(/[/.]/g, '\\$&')}，ABC-2026-000001"`),
    );
    // The leader reads and approves but does not handle the case: no panel, no search.
    const leader = await signIn('leader');
    assert.doesNotMatch((await leader.get(`/admin/applications/${id}`)).body, /data-search-catalog/);
    assert.equal((await leader.get(`/admin/applications/${id}/catalog-search?q=x`)).statusCode, 403);
  });
});
