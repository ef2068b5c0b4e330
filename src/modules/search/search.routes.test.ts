import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo, testApp } from '../../../test/support/app.ts';
import { asUser, callerOf } from '../publishing/publishing.test-support.ts';
import { publicStatuses } from '../publishing/publishing.ts';

forEachDialect('GET /api/v1/search', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle);
  });
  after(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url, remoteAddress: '10.0.0.1' });

  test('the demo catalog is indexed and a two-character query answers JSON', async () => {
    // 人社 is in 18 titles of the demo's 2024 catalog: more than a page.
    const res = await get(`/api/v1/search?q=${encodeURIComponent('人社')}`);
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      total: number;
      results: { id: number; url: string; title: string; snippet: string }[];
      widenedWith?: string[];
    };
    assert.ok(body.total > 10, `${body.total} matches`);
    assert.equal(body.results.length, 10);
    // The synonym dictionary widens 人社 to its full form.
    assert.deepEqual(body.widenedWith, ['人力资源和社会保障']);
    for (const r of body.results) {
      assert.equal(r.url, `/items/${r.id}`);
      assert.ok(/人社|人力资源和社会保障/.test(r.title) || /<mark>(人社|人力资源和社会保障)<\/mark>/.test(r.snippet));
    }
  });

  test('validation: q length, page bounds, filters', async () => {
    assert.deepEqual((await get('/api/v1/search')).json(), { total: 0, results: [] });
    assert.equal((await get(`/api/v1/search?q=${'社'.repeat(101)}`)).statusCode, 400);
    assert.equal((await get('/api/v1/search?q=x&page=0')).statusCode, 400);
    assert.equal((await get('/api/v1/search?q=x&page=99999')).statusCode, 400);
    assert.equal((await get('/api/v1/search?q=x&category=nope')).statusCode, 400);
    assert.ok((await get('/api/v1/search?q=x&page_size=99')).json().results.length <= 50, 'page size is capped');
    assert.equal((await get('/api/v1/search?q=x&page_size=100')).statusCode, 400);
    const none = await get(`/api/v1/search?q=${encodeURIComponent('养老')}&agency=no-such-agency`);
    assert.equal(none.json().total, 0);
  });

  test('the route is in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/search'].get.responses['200']);
    assert.ok(doc.paths['/api/v1/search'].get.parameters.some((p: { name: string }) => p.name === 'q'));
  });

  test('withdrawal through the publishing service removes the item from the results', async () => {
    const db = t.handle.db;
    const item = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'v.title'])
      .where('i.status', 'in', publicStatuses)
      .where('i.disclosure_mode', '=', 'proactive')
      .orderBy('i.id', 'desc')
      .executeTakeFirstOrThrow();
    const url = `/api/v1/search?q=${encodeURIComponent(item.title)}&page_size=50`;
    assert.ok((await get(url)).json().results.some((r: { id: number }) => r.id === item.id));
    await asUser.transition(db, await callerOf(db, 'officer'), item.id, 'withdraw', {
      reason: '内容已过时',
    });
    assert.ok(!(await get(url)).json().results.some((r: { id: number }) => r.id === item.id));
  });

  test('rate-limited per address', async () => {
    let limited = false;
    for (let i = 0; i < 130 && !limited; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/search?q=abc', remoteAddress: '10.9.9.9' });
      limited = res.statusCode === 429;
    }
    assert.ok(limited);
  });
});
