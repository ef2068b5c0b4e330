// Hostile requests (security review, issue 14 finding 6): a JSON body nested thousands deep, an
// anonymous multipart body sent without a valid CSRF token or past the size limit, a flood spread
// over the addresses of one network, and a forged Host header. Each answers with a clear 4xx
// before doing the work, and none reaches a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, seedSmallDemo, testApp } from '../support/app.ts';
import { BOUNDARY } from '../support/uploads.ts';

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** A multipart body served chunk by chunk, counting how much of it the server pulled. */
function countingBody(parts: Buffer[]): { stream: Readable; read: () => number; total: number } {
  let read = 0;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const stream = Readable.from(
    (function* () {
      for (const p of parts) {
        for (let at = 0; at < p.length; at += 64 * 1024) {
          const chunk = p.subarray(at, at + 64 * 1024);
          read += chunk.length;
          yield chunk;
        }
      }
    })(),
  );
  return { stream, read: () => read, total };
}

function filePart(name: string, filename: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n'),
  ]);
}

function fieldPart(name: string, value: string): Buffer {
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
}

const END = Buffer.from(`--${BOUNDARY}--\r\n`);
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

forEachDialect('hostile requests', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle, { uploadMaxRequestBytes: 8 * 1024 * 1024, uploadMaxBytes: 4 * 1024 * 1024 });
  });
  after(async () => app?.close());

  test('a JSON body nested 5,000 deep answers 400 with a message, on every POST route, signed in or not', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin');
    const routes = app.routeTable.filter((r) => r.method === 'POST' && r.url !== '/sign-out');
    assert.ok(routes.length > 20);
    for (const route of routes) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '1');
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', cookie: officer.cookieHeader(), accept: 'application/json' },
        payload: `{"_csrf":"${officer.csrfToken}","title":${deepArray(5000)},"username":${deepArray(5000)}}`,
      });
      assert.equal(res.statusCode, 400, `${route.method} ${route.url} answered ${res.statusCode}`);
      const body = JSON.parse(res.body) as { error: { code: string; message: { zh: string; en: string } } };
      assert.equal(body.error.code, 'too_deep');
      assert.match(body.error.message.zh, /嵌套/);
    }
    // A shallow JSON body is still parsed as before (forms may be posted as JSON by scripts).
    const shallow = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ a: [[['x']]] }),
    });
    assert.equal(shallow.statusCode, 403, 'no CSRF token: refused by the CSRF check, after parsing');
  });

  test('anonymous multipart without a valid CSRF token: refused before the file is read', async () => {
    const anonymous = new Client(app);
    await anonymous.get('/apply');
    const file = Buffer.alloc(6 * 1024 * 1024, 0x25);
    for (const token of [undefined, 'forged-token']) {
      const body = countingBody([
        ...(token ? [fieldPart('_csrf', token)] : []),
        fieldPart('applicant_name', '王小明'),
        filePart('attachment', 'a.pdf', file),
        END,
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/apply',
        headers: { 'content-type': MULTIPART, cookie: anonymous.cookieHeader(), 'content-length': String(body.total) },
        payload: body.stream,
      });
      assert.equal(res.statusCode, 403, `token ${token}`);
      assert.equal(res.headers.connection, 'close');
      assert.match(res.body, /表单已过期或来源无效/);
      // The file was not pulled off the connection: at most the parser's first buffers.
      assert.ok(body.read() < 1024 * 1024, `read ${body.read()} of ${body.total} bytes (token ${token})`);
    }
  });

  test('a multipart body that announces more than the request limit: 413 before a byte is read', async () => {
    const anonymous = new Client(app);
    await anonymous.get('/apply');
    const body = countingBody([fieldPart('_csrf', anonymous.csrfToken!), END]);
    const res = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: {
        'content-type': MULTIPART,
        cookie: anonymous.cookieHeader(),
        'content-length': String(50 * 1024 * 1024),
      },
      payload: body.stream,
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /上传的文件合计超过了 8 MiB 的大小限制/);
    assert.equal(body.read(), 0);
    // No declared length at all (chunked): 411, equally unread.
    const chunked = countingBody([fieldPart('_csrf', anonymous.csrfToken!), END]);
    const unsized = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { 'content-type': MULTIPART, cookie: anonymous.cookieHeader() },
      payload: chunked.stream,
    });
    assert.equal(unsized.statusCode, 411);
    assert.match(unsized.body, /Content-Length/);
    assert.equal(chunked.read(), 0);
  });

  test('with a valid token the multipart form is read as before', async () => {
    const anonymous = new Client(app);
    await anonymous.get('/apply');
    const res = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { 'content-type': MULTIPART, cookie: anonymous.cookieHeader() },
      payload: Buffer.concat([
        fieldPart('_csrf', anonymous.csrfToken!),
        fieldPart('applicant_name', '王小明'),
        filePart('attachment', 'a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')),
        END,
      ]),
    });
    // The form comes back with its validation issues (no challenge solved): past CSRF, read whole.
    assert.equal(res.statusCode, 422);
  });

  test('a flood spread over one /24 is limited by its prefix, not only per address', async () => {
    const statuses: number[] = [];
    // 25 addresses × 3 requests: each stays far under its own limit (20 a minute), the 75 together
    // pass the prefix's (three times that).
    for (let host = 1; host <= 25; host++)
      for (let n = 0; n < 3; n++) {
        const res = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: `198.51.100.${host}` });
        statuses.push(res.statusCode);
      }
    const limited = statuses.filter((s) => s === 429).length;
    assert.ok(limited > 0, 'the /24 as a whole was limited');
    // Another network is not affected.
    const other = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '192.0.2.7' });
    assert.notEqual(other.statusCode, 429);
  });

  test('IPv6: one /64 counts as one address, and the /64s of one /48 share the prefix limit', async () => {
    const oneAddress: number[] = [];
    for (let host = 1; host <= 25; host++) {
      const res = await app.inject({
        method: 'POST',
        url: '/sign-in',
        remoteAddress: `2001:db8:1:2::${host.toString(16)}`,
      });
      oneAddress.push(res.statusCode);
    }
    assert.ok(oneAddress.includes(429));
    const oneSite: number[] = [];
    for (let subnet = 1; subnet <= 25; subnet++)
      for (let n = 0; n < 3; n++) {
        const res = await app.inject({
          method: 'POST',
          url: '/sign-in',
          remoteAddress: `2001:db8:7:${subnet.toString(16)}::1`,
        });
        oneSite.push(res.statusCode);
      }
    assert.ok(oneSite.includes(429));
    const limited = await app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '2001:db8:7:99::1' });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
  });

  test('absolute addresses (sitemap, feeds, API, CSV) never come from the Host header', async () => {
    const configured = await testApp(t.handle, { publicUrl: 'https://gk.example.gov.cn' });
    try {
      for (const url of ['/sitemap.xml', '/feeds/latest.atom', '/api/v1/catalog', '/catalog.csv']) {
        const forged = { host: 'evil.example.org', 'x-forwarded-host': 'evil.example.org' };
        const unset = await app.inject({ method: 'GET', url, headers: forged });
        assert.equal(unset.statusCode, 200, url);
        assert.doesNotMatch(unset.body, /evil\.example/, `${url} without GONGKAI_PUBLIC_URL`);
        assert.match(unset.body, /http:\/\/localhost:3000\/items\/\d+/, `${url}: the configured listen address`);
        const set = await configured.inject({ method: 'GET', url, headers: forged });
        assert.doesNotMatch(set.body, /evil\.example/, `${url} with GONGKAI_PUBLIC_URL`);
        assert.match(set.body, /https:\/\/gk\.example\.gov\.cn\/items\/\d+/, url);
      }
    } finally {
      await configured.close();
    }
  });
});
