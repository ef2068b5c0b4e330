// The agency's notice settings and document numbers through the real pipeline, on both engines:
// the system administrator's form (every problem at once, nothing stored on error, audited), only
// the system administrator may use it; numbers are gap-free per agency, prefix and year, a
// rolled-back notice gives its number back; an extension notice and a reply notice issued on a
// case carry the configured number, and the reply names the configured body and court.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../../test/support/app.ts';
import { readDocx } from '../../../../test/support/docx.ts';
import { setClock } from '../../../platform/clock.ts';
import { residentIdCheckChar } from '../../../platform/pii/identifiers.ts';
import { assertOfficialText } from '../../../platform/official-text/check.ts';
import { replyWithApproval, solvedForm, useApplicationsApp } from '../applications.test-support.ts';
import { allocateNoticeNumber } from './notice-settings.ts';

const ID = '43060219850304123';
const ID_NUMBER = ID + residentIdCheckChar(ID);
const KEY = 'e2'.repeat(32);

function at(date: string) {
  setClock(() => new Date(`${date}T02:00:00.000Z`));
}

forEachDialect('notice settings and document numbers', (t) => {
  const state = useApplicationsApp(t, KEY, { powDifficulty: 8 });

  async function signIn(username: string): Promise<Client> {
    const c = new Client(state.app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303);
    return c;
  }

  test('the system administrator sets the body, the court and the prefixes; bad prefixes are refused', async () => {
    at('2026-03-02');
    const url = `/admin/agencies/${state.agencyId}/notice-settings`;
    assert.equal((await (await signIn('officer')).get(url)).statusCode, 403);
    const admin = await signIn('admin');
    const form = await admin.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /行政复议机关/);
    assert.match(form.body, /示例：岳阳市人社局依申请公开答〔2026〕1号/);
    const bad = await admin.post(url, {
      reconsideration_body: '岳阳市人民政府',
      court: '',
      prefix_reply: '岳人社依公开答〔2026〕',
      prefix_extension: '岳人社依公开延1号',
    });
    assert.equal(bad.statusCode, 422);
    assert.equal((bad.body.match(/字号只写文字部分/g) ?? []).length >= 2, true);
    assert.equal(
      await state.db.selectFrom('agency_notice_settings').selectAll().executeTakeFirst(),
      undefined,
      'nothing stored',
    );
    const ok = await admin.post(url, {
      reconsideration_body: '岳阳市人民政府',
      court: '岳阳市岳阳楼区人民法院',
      prefix_reply: '岳人社依公开答',
      prefix_extension: '岳人社依公开延',
    });
    assert.equal(ok.statusCode, 303);
    assert.match((await admin.get(`${url}?saved=1`)).body, /已保存/);
    const audit = await state.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'agency.notice_settings')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('an extension notice and a refusal carry the configured number, body and court', async () => {
    at('2026-03-02');
    const client = new Client(state.app);
    const res = await client.post(
      '/apply',
      await solvedForm(client, {
        agency_id: String(state.agencyId),
        applicant_kind: 'natural_person',
        applicant_name: '钱七',
        id_number: ID_NUMBER,
        phone: '13612345678',
        description: '本局2025年内部考核办法。',
        form_wanted: 'electronic',
        delivery_way: 'online',
      }),
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(res.body)![1]!;
    const id = (
      await state.db.selectFrom('applications').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()
    ).id;
    at('2026-03-20');
    const o = await signIn('officer');
    await o.get(`/admin/applications/${id}`);
    const ext = await o.post(`/admin/applications/${id}/events`, {
      kind: 'extension_approved',
      date: '2026-03-20',
      days: '10',
      reason: '需要调取档案',
      approver: '李主任',
    });
    assert.equal(ext.statusCode, 303, /error-summary__list">(.*?)<\/ul>/s.exec(ext.body)?.[1]);
    const extension = (await readDocx((await o.get(`/admin/applications/${id}/notices/extension.docx`)).rawPayload))
      .text;
    assert.match(extension, /^政府信息公开申请延期答复告知书\n岳人社依公开延〔2026〕1号\n/);
    assertOfficialText(extension, 'extension notice');
    at('2026-03-25');
    const o2 = await signIn('officer');
    await o2.get(`/admin/applications/${id}`);
    const replied = await replyWithApproval(state.app, o2, id, {
      outcome: 'withheld_internal_affairs',
      reply_date: '2026-03-25',
      summary: '所申请的考核办法属于本机关内部管理信息',
    });
    assert.equal(replied.statusCode, 303, /error-summary__list">(.*?)<\/ul>/s.exec(replied.body)?.[1]);
    const reply = (await readDocx((await o2.get(`/admin/applications/${id}/notices/reply.docx`)).rawPayload)).text;
    assert.match(reply, /^政府信息公开申请答复告知书\n岳人社依公开答〔2026〕1号\n钱七：/);
    assert.ok(reply.includes('申请获取“本局2025年内部考核办法”。'), 'no doubled stop after the quotation');
    assert.ok(reply.includes('60日内向岳阳市人民政府申请行政复议'));
    assert.ok(reply.includes('应当先申请行政复议'));
    assert.ok(reply.includes('向岳阳市岳阳楼区人民法院提起行政诉讼'));
    assert.doesNotMatch(reply, /印章|〔2026〕\d+号[\s\S]*〔2026〕/);
    assertOfficialText(reply, 'reply notice');
  });
  test('numbers are gap-free per agency, prefix and year; a rolled-back notice gives its number back', async () => {
    const { agencyId } = state;
    const other = (
      await state.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang').executeTakeFirstOrThrow()
    ).id;
    // Numbers are registered against a case: the one of the test above.
    const caseId = (await state.db.selectFrom('applications').select('id').executeTakeFirstOrThrow()).id;
    const take = (kind: 'fee' | 'delay', issuedOn: string, agency = agencyId) =>
      state.db
        .transaction()
        .execute((trx) => allocateNoticeNumber(trx, { agencyId: agency, kind, issuedOn, applicationId: caseId }));
    assert.equal(await take('fee', '2031-01-05'), '岳阳市人社局依申请公开费〔2031〕1号');
    assert.equal(await take('fee', '2031-06-30'), '岳阳市人社局依申请公开费〔2031〕2号');
    await assert.rejects(
      state.db.transaction().execute(async (trx) => {
        await allocateNoticeNumber(trx, { agencyId, kind: 'fee', issuedOn: '2031-07-01', applicationId: caseId });
        throw new Error('the notice failed after its number was taken');
      }),
      /notice failed/,
    );
    assert.equal(await take('fee', '2031-07-01'), '岳阳市人社局依申请公开费〔2031〕3号', 'no gap');
    assert.equal(await take('fee', '2032-01-04'), '岳阳市人社局依申请公开费〔2032〕1号', 'a new year starts at 1');
    assert.equal(await take('delay', '2031-07-01'), '岳阳市人社局依申请公开迟〔2031〕1号', 'each prefix counts');
    assert.equal(await take('fee', '2031-07-01', other), '岳阳市政府依申请公开费〔2031〕1号', 'each agency counts');
    const register = await state.db
      .selectFrom('notice_numbers')
      .select(['document_number'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', 2031)
      .where('prefix', '=', '岳阳市人社局依申请公开费')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      register.map((r) => r.document_number),
      [
        '岳阳市人社局依申请公开费〔2031〕1号',
        '岳阳市人社局依申请公开费〔2031〕2号',
        '岳阳市人社局依申请公开费〔2031〕3号',
      ],
    );
  });
});
