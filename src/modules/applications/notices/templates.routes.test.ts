// Notice templates and notices as HTML through the real pipeline, on both engines: the office
// edits a template (unknown placeholders and missing reasons refused with nothing stored, a
// preview that escapes what was typed, immutable versions with who/when/why, audited); notices
// are made with the version current when they were issued and say which; the HTML notice escapes
// the case's values; the reply delivered online opens for the applicant with the correction key
// only; and the case page lists the reconsideration and litigation cases over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../../test/support/app.ts';
import { readDocx } from '../../../../test/support/docx.ts';
import type { Db } from '../../../db/database.ts';
import { setClock } from '../../../platform/clock.ts';
import { residentIdCheckChar } from '../../../platform/pii/identifiers.ts';
import { replyWithApproval, solvedForm, useApplicationsApp } from '../applications.test-support.ts';
import { SEED_REASON } from './templates.service.ts';

const ID = '43060219850304123';
const ID_NUMBER = ID + residentIdCheckChar(ID);
const KEY = 'e1'.repeat(32);

function at(date: string) {
  setClock(() => new Date(`${date}T02:00:00.000Z`)); // 10:00 in China
}

async function versions(db: Db, key: string) {
  return db
    .selectFrom('notice_template_versions')
    .selectAll()
    .where('template_key', '=', key)
    .orderBy('agency_id')
    .orderBy('version')
    .execute();
}

async function auditCount(db: Db, action: string): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

const PARTIAL = 'reply.partial_disclosure';
const NEW_BODY = [
  '本机关于{{received_date}}收到您的申请（查询码{{tracking_code}}），经审查，所申请信息中含有个人隐私，本机关作区分处理后部分公开。',
  '具体情况：{{summary}}',
  '依据{{legal_basis}}的规定，特此告知。',
  '{{remedies}}',
].join('\r\n');

forEachDialect('notice templates and HTML notices', (t) => {
  const state = useApplicationsApp(t, KEY, { powDifficulty: 8 });

  async function signIn(username: string): Promise<Client> {
    const c = new Client(state.app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303);
    return c;
  }

  async function apply(description: string, idNumber = ID_NUMBER): Promise<{ code: string; key: string; id: number }> {
    const client = new Client(state.app);
    const res = await client.post(
      '/apply',
      await solvedForm(client, {
        agency_id: String(state.agencyId),
        applicant_kind: 'natural_person',
        applicant_name: '赵六',
        id_number: idNumber,
        phone: '13612345678',
        description,
        form_wanted: 'electronic',
        delivery_way: 'online',
      }),
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(res.body)![1]!;
    const key = /data-applicant-key="([0-9A-Z]{10})"/.exec(res.body)![1]!;
    const id = (
      await state.db.selectFrom('applications').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()
    ).id;
    return { code, key, id };
  }

  test('the office edits a template: bad text refused with nothing stored, a preview, versions with who/when/why', async () => {
    at('2026-03-02');
    const o = await signIn('officer');
    const list = await o.get('/admin/notice-templates');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /答复告知书：部分公开/);
    assert.match(list.body, /系统内置文本/);
    const edit = await o.get(`/admin/notice-templates/${PARTIAL}`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /\{\{applicant_name\}\}<\/code> — 申请人姓名或名称/);
    assert.match(edit.body, /\{\{remedies\}\}<\/code> — 救济途径[^<]*<strong>（必填）/);
    assert.match(edit.body, /data-preview="true"/);

    const unknown = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'save',
      based_on: '0',
      title: '答复告知书',
      body: NEW_BODY + '\n身份证：{{id_number}}',
      reason: '调整文字',
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /本模板不能使用占位符 \{\{id_number\}\}/);
    const noReason = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'save',
      based_on: '0',
      title: '答复告知书',
      body: NEW_BODY,
      reason: '',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /请填写修改原因/);
    assert.equal((await versions(state.db, PARTIAL)).length, 0, 'nothing stored');

    const preview = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'preview',
      based_on: '0',
      title: '答复告知书<script>alert(1)</script>',
      body: NEW_BODY,
      reason: '',
    });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h2 class="notice-document__title">答复告知书&lt;script>alert\(1\)&lt;\/script><\/h2>/);
    assert.doesNotMatch(preview.body, /<script>alert/);
    assert.match(preview.body, /查询码0000-0000-0000-0/, 'the sample case fills the placeholders');
    assert.equal((await versions(state.db, PARTIAL)).length, 0, 'a preview stores nothing');

    const saved = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'save',
      based_on: '0',
      title: '政府信息公开申请答复告知书',
      body: NEW_BODY,
      reason: '按法制科意见写明个人隐私',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/admin/notice-templates/${PARTIAL}?saved=2`);
    const rows = await versions(state.db, PARTIAL);
    assert.deepEqual(
      rows.map((r) => [r.version, r.reason, r.created_by === null]),
      [
        [1, SEED_REASON, true],
        [2, '按法制科意见写明个人隐私', false],
      ],
    );
    assert.ok(!rows[1]!.body.includes('\r'), 'line endings are stored as LF');
    assert.equal(await auditCount(state.db, 'notice_template.save'), 1);
    const after = await o.get(`/admin/notice-templates/${PARTIAL}?saved=2`);
    assert.match(after.body, /已保存为第2版/);
    assert.match(after.body, /按法制科意见写明个人隐私/);
    assert.match((await o.get('/admin/notice-templates')).body, /第2版/);

    const same = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'save',
      based_on: '2',
      title: '政府信息公开申请答复告知书',
      body: NEW_BODY,
      reason: '再存一次',
    });
    assert.equal(same.statusCode, 422);
    assert.match(same.body, /与当前版本相同/);
    const stale = await o.post(`/admin/notice-templates/${PARTIAL}`, {
      action: 'save',
      based_on: '1',
      title: '答复',
      body: NEW_BODY + '\n特此告知。',
      reason: '旧页面',
    });
    assert.equal(stale.statusCode, 422);
    assert.match(stale.body, /他人已保存了第2版/);
    assert.equal((await versions(state.db, PARTIAL)).length, 2);

    // Saved versions cannot be changed or removed, even with SQL.
    await assert.rejects(
      state.db.updateTable('notice_template_versions').set({ body: '改' }).where('id', '=', rows[0]!.id).execute(),
      /immutable/,
    );
    await assert.rejects(
      state.db.deleteFrom('notice_template_versions').where('id', '=', rows[0]!.id).execute(),
      /immutable/,
    );

    // Templates are the agency's: another bureau's office still has the built-in text.
    const other = await signIn('yyx-officer');
    assert.match(
      (await other.get(`/admin/notice-templates/${PARTIAL}`)).body,
      /经审查，您申请获取的政府信息中含有不应当公开的内容/,
    );
    assert.equal((await o.get('/admin/notice-templates/reply.nonsense')).statusCode, 404);
  });

  test('notices use the version current when issued and say which; the HTML notice escapes; online delivery opens it with the key', async () => {
    at('2026-03-02');
    const { code, key, id } = await apply('2025年就业见习补贴<b>名单</b> & 标准');
    at('2026-03-03');
    let o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    assert.equal(
      (
        await o.post(`/admin/applications/${id}/events`, {
          kind: 'correction_requested',
          date: '2026-03-03',
          correct_by: '2026-03-17',
          note: '请写明年份',
        })
      ).statusCode,
      303,
    );
    // The correction template changes afterwards: the notice already sent keeps its wording.
    await o.get('/admin/notice-templates/correction');
    const edited = await o.post('/admin/notice-templates/correction', {
      action: 'save',
      based_on: '1',
      title: '补正通知',
      body: '新措辞：请补正{{correction_note}}，期限{{correct_by}}。',
      reason: '简化',
    });
    assert.equal(edited.statusCode, 303);
    const correction = await readDocx((await o.get(`/admin/applications/${id}/notices/correction.docx`)).rawPayload);
    assert.ok(correction.text.includes('政府信息公开申请补正告知书') && !correction.text.includes('新措辞'));
    const event = await state.db
      .selectFrom('application_events')
      .select('detail_json')
      .where('application_id', '=', id)
      .where('kind', '=', 'correction_requested')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.detail_json).template.version, 1);

    at('2026-03-04');
    o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    assert.equal(
      (await o.post(`/admin/applications/${id}/events`, { kind: 'correction_received', date: '2026-03-04' }))
        .statusCode,
      303,
    );
    at('2026-03-12');
    o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    const early = await o.post(`/admin/applications/${id}/events`, {
      kind: 'delivered',
      date: '2026-03-12',
      delivery_way: 'online',
    });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /作出答复后才能登记送达/);
    assert.equal(
      (
        await replyWithApproval(state.app, o, id, {
          outcome: 'partially_disclosed',
          reply_date: '2026-03-12',
          summary: '名单中的银行账号已遮盖',
          redactions: '银行账号',
        })
      ).statusCode,
      303,
    );

    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /data-notice-html="reply"/);
    assert.match(page.body, /（模板第2版）/, 'the reply used the edited template');
    assert.match(page.body, /（模板第1版）/, 'the correction notice its own');
    const html = await o.get(`/admin/applications/${id}/notices/reply.html`);
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /<article class="notice-document" lang="zh-CN"/);
    assert.match(html.body, /<h1 class="notice-document__title">政府信息公开申请答复告知书<\/h1>/);
    assert.match(html.body, new RegExp(`查询码${code}`));
    assert.match(html.body, /本机关作区分处理后部分公开/);
    assert.match(html.body, /第三十七条/);
    assert.match(html.body, /60日内依法申请行政复议/);
    const correctionHtml = (await o.get(`/admin/applications/${id}/notices/correction.html`)).body;
    assert.match(correctionHtml, /就业见习补贴&lt;b>名单&lt;\/b> &amp; 标准/, 'the request is escaped');
    assert.ok(!correctionHtml.includes('<b>名单</b>') && !html.body.includes('<b>名单</b>'));
    assert.ok(correction.text.includes('2025年就业见习补贴<b>名单</b> & 标准'), 'plain text in the DOCX');
    const docx = await readDocx((await o.get(`/admin/applications/${id}/notices/reply.docx`)).rawPayload);
    assert.ok(
      docx.text.includes('本机关作区分处理后部分公开') && docx.text.includes(`查询码${code}`),
      'the DOCX uses the edited template too',
    );
    assert.equal((await o.get(`/admin/applications/${id}/notices/reply.pdf`)).statusCode, 404);
    assert.notEqual((await new Client(state.app).get(`/admin/applications/${id}/notices/reply.html`)).statusCode, 200);

    // Not delivered yet: the tracking page offers nothing, and the key opens nothing.
    const citizen = new Client(state.app);
    const before = await citizen.get(`/apply/track/${code}`);
    assert.doesNotMatch(before.body, /网上查看答复告知书/);
    await citizen.get('/apply'); // a page with a CSRF token: the case page has no form yet
    assert.equal((await citizen.post(`/apply/track/${code}/notice`, { notice_key: key })).statusCode, 409);

    at('2026-03-13');
    o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    const beforeReply = await o.post(`/admin/applications/${id}/events`, {
      kind: 'delivered',
      date: '2026-03-11',
      delivery_way: 'online',
    });
    assert.equal(beforeReply.statusCode, 422);
    assert.match(beforeReply.body, /送达日期不能早于答复日期（2026-03-12）/);
    assert.equal(
      (
        await o.post(`/admin/applications/${id}/events`, {
          kind: 'delivered',
          date: '2026-03-13',
          delivery_way: 'online',
        })
      ).statusCode,
      303,
    );

    const tracking = await citizen.get(`/apply/track/${code}`);
    // The tracking page's answer section (answer.routes.tsx) offers the notice behind a proof.
    assert.match(tracking.body, /答复结果/);
    assert.match(tracking.body, /2026-03-13<\/span>已送达答复/);
    assert.doesNotMatch(tracking.body, /赵六|银行账号/, 'the tracking code alone shows no notice text');
    const wrong = await citizen.post(`/apply/track/${code}/notice`, {
      notice_key: key.slice(0, 9) + (key[9] === 'A' ? 'B' : 'A'),
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /补正密钥不正确/);
    const opened = await citizen.post(`/apply/track/${code}/notice`, { notice_key: key });
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.headers['cache-control'], 'no-store');
    assert.match(opened.body, /赵六：/);
    assert.match(opened.body, /名单中的银行账号已遮盖/);
    assert.ok(!opened.body.includes(ID_NUMBER) && !opened.body.includes('13612345678'));
  });

  test('the case page lists the reconsideration and litigation cases over the application', async () => {
    at('2026-03-02');
    const { code, id } = await apply('2025年职业技能培训补贴发放情况');
    const o = await signIn('officer');
    const empty = await o.get(`/admin/applications/${id}`);
    assert.match(empty.body, /本申请尚无关联的行政复议或行政诉讼案件/);
    assert.match(empty.body, new RegExp(`href="/admin/reviews/new\\?application=${code}"`));
    at('2026-05-06');
    const o2 = await signIn('officer');
    await o2.get(`/admin/reviews/new?application=${code}`);
    const created = await o2.post('/admin/reviews', {
      kind: 'reconsideration',
      body: '岳阳市人民政府',
      case_number: '岳府复〔2026〕12号',
      filed_on: '2026-05-06',
      application_code: code,
    });
    assert.equal(created.statusCode, 303);
    const reviewId = /\/admin\/reviews\/(\d+)/.exec(created.headers.location as string)![1]!;
    const page = await o2.get(`/admin/applications/${id}`);
    assert.match(
      page.body,
      new RegExp(
        `<li data-review="${reviewId}" data-review-status="pending"><a href="/admin/reviews/${reviewId}">行政复议 · 岳阳市人民政府 · 岳府复〔2026〕12号</a>`,
      ),
    );
    assert.match(page.body, /尚未审结/);
    const leader = await signIn('leader');
    const seen = await leader.get(`/admin/applications/${id}`);
    assert.match(seen.body, new RegExp(`data-review="${reviewId}"`));
    assert.doesNotMatch(seen.body, /reviews\/new\?application=/, 'only the office records cases');
  });

  test('the duplicate-request detector: the same applicant, the same information, and the proposal of Art. 44', async () => {
    at('2026-06-01');
    const info = '2026年岳阳市城乡居民基本养老保险待遇标准';
    const other = (n: string) => n + residentIdCheckChar(n);
    const first = await apply(info);
    const second = await apply(`请公开${info}的文件`, other('43060219770707321'));
    const o = await signIn('officer');
    const two = await o.get(`/admin/applications/${second.id}`);
    assert.match(two.body, new RegExp(`data-similar="${first.id}"`));
    assert.match(two.body, /申请内容相同或相近/);
    assert.doesNotMatch(two.body, /data-propose-proactive/, 'two applicants are not yet “several”');
    const third = await apply(`${info}。`, other('43060219660606456'));
    const page = await o.get(`/admin/applications/${third.id}`);
    assert.match(
      page.body,
      /data-propose-proactive="true">已有3个不同的申请人申请相同的政府信息。根据《中华人民共和国政府信息公开条例》第四十四条/,
    );
    // The first applicant's earlier applications in this file are theirs too.
    const mine = await o.get(`/admin/applications/${first.id}`);
    assert.match(mine.body, /同一申请人/);
    // A leader reads the case but not the list of other cases.
    const leader = await signIn('leader');
    assert.doesNotMatch((await leader.get(`/admin/applications/${third.id}`)).body, /相似申请/);
  });

  test('an answer that the information is already public links published catalog items and says where they are', async () => {
    const item = await state.db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'i.index_number', 'v.title'])
      .where('i.agency_id', '=', state.agencyId)
      .where('i.status', '=', 'published')
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    at('2026-07-01');
    const { id } = await apply('2026年就业补助资金管理办法');
    const o = await signIn('officer');
    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /data-search-catalog="true"/);
    const events = async () =>
      (await state.db.selectFrom('application_events').select('id').where('application_id', '=', id).execute()).length;
    const before = await events();
    const unknown = await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'disclosed',
      reply_date: '2026-07-01',
      summary: '该信息已主动公开',
      catalog_items: `${item.index_number}，000000000/1999-99999`,
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /本机关目录中没有已发布的索引号：000000000\/1999-99999/);
    const wrongOutcome = await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'unable_not_held',
      reply_date: '2026-07-01',
      summary: '—',
      catalog_items: item.index_number,
    });
    assert.equal(wrongOutcome.statusCode, 422);
    assert.match(wrongOutcome.body, /只有“予以公开”的答复才关联已公开的信息/);
    assert.equal(await events(), before, 'nothing stored');
    const ok = await replyWithApproval(state.app, o, id, {
      outcome: 'disclosed',
      reply_date: '2026-07-01',
      summary: '该信息已主动公开，可在本机关门户网站查阅',
      catalog_items: item.index_number,
    });
    assert.equal(ok.statusCode, 303);
    const after = await o.get(`/admin/applications/${id}`);
    assert.match(after.body, new RegExp(`data-catalog-items="true">已公开信息：<a href="/admin/items/${item.id}">`));
    const replied = await state.db
      .selectFrom('application_events')
      .select('detail_json')
      .where('application_id', '=', id)
      .where('kind', '=', 'replied')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(replied.detail_json).template.key, 'reply.already_disclosed');
    const { text } = await readDocx((await o.get(`/admin/applications/${id}/notices/reply.docx`)).rawPayload);
    assert.ok(text.includes('本机关已主动公开'));
    assert.ok(text.includes(`《${item.title}》（索引号：${item.index_number}）`));
  });
});
