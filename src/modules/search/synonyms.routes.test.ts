import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import { synonymGroups } from './synonyms.service.ts';

forEachDialect('the search synonym dictionary page', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
  });
  after(() => app?.close());

  const groups = () => t.handle.db.selectFrom('search_synonym_groups').selectAll().orderBy('id').execute();
  const events = (action: string) =>
    t.handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

  test('other roles are refused', async () => {
    for (const user of ['officer', 'secadmin', 'auditor', 'supervisor']) {
      const c = new Client(app);
      await c.signIn(user);
      assert.equal((await c.get('/admin/search/synonyms')).statusCode, 403, user);
      await c.get('/admin');
      assert.equal((await c.post('/admin/search/synonyms', { terms: '甲乙 丙丁' })).statusCode, 403, user);
    }
  });

  test('the system administrator lists the seeded groups and adds, changes and removes one', async () => {
    const c = new Client(app);
    await c.signIn('admin');
    const page = await c.get('/admin/search/synonyms');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /社保、社会保险、社会保障/);
    assert.match(page.body, /低保、最低生活保障/);
    const before = (await groups()).length;
    assert.ok(before >= 30);

    const added = await c.post('/admin/search/synonyms', { terms: '一网通办、政务服务一网通办' });
    assert.equal(added.statusCode, 303);
    const row = (await groups()).at(-1)!;
    assert.deepEqual(JSON.parse(row.terms), ['一网通办', '政务服务一网通办']);
    assert.deepEqual(
      (await events('search.synonyms_add')).map((e) => e.subject_id),
      [String(row.id)],
    );
    // The search reads the change at once (the process's cache is dropped).
    assert.ok((await synonymGroups(t.handle.db)).some((g) => g.includes('一网通办')));

    await c.get('/admin/search/synonyms');
    assert.equal(
      (await c.post(`/admin/search/synonyms/${row.id}`, { [`group-${row.id}`]: '一网通办，网上办' })).statusCode,
      303,
    );
    assert.deepEqual(JSON.parse((await groups()).at(-1)!.terms), ['一网通办', '网上办']);
    const edit = (await events('search.synonyms_edit'))[0]!;
    assert.match(edit.before_json ?? '', /政务服务一网通办/);

    await c.get('/admin/search/synonyms');
    assert.equal((await c.post(`/admin/search/synonyms/${row.id}/delete`)).statusCode, 303);
    assert.equal((await groups()).length, before);
    assert.equal((await events('search.synonyms_remove')).length, 1);
    assert.ok(!(await synonymGroups(t.handle.db)).some((g) => g.includes('一网通办')));
    assert.equal((await c.post('/admin/search/synonyms/999999/delete')).statusCode, 404);
  });

  test('validation: the error summary names each problem and nothing is stored', async () => {
    const c = new Client(app);
    await c.signIn('admin');
    await c.get('/admin/search/synonyms');
    const before = await groups();
    const cases: [string, RegExp][] = [
      ['', /请至少填写两个同义词/],
      ['单独一个', /请至少填写两个同义词/],
      ['甲乙 甲乙', /“甲乙”重复填写/],
      [`甲乙 ${'长'.repeat(21)}`, /无效：每个词 1–20 个字/],
      ['甲乙 a-b', /“a-b”无效/],
      ['社保 社会救助', /“社保”已在同义词组“社保、社会保险、社会保障”中/],
    ];
    for (const [terms, message] of cases) {
      const res = await c.post('/admin/search/synonyms', { terms });
      assert.equal(res.statusCode, 422, terms);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, message, terms);
      assert.match(res.body, /href="#field-terms"/);
    }
    const first = before[0]!;
    const res = await c.post(`/admin/search/synonyms/${first.id}`, { [`group-${first.id}`]: '社保' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, new RegExp(`href="#field-group-${first.id}"`));
    assert.deepEqual(await groups(), before);
  });
});
