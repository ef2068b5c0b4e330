import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Client } from '../../../test/support/app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { BOUNDARY, multipart, postMultipart as post, uploadApp } from '../../../test/support/uploads.ts';
import { CHINESE_PDF, EXE, PNG } from '../../../test/support/files.ts';

describe('multipart uploads', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  before(async () => {
    ({ app, drop } = await uploadApp({
      uploadMaxBytes: 64 * 1024,
      uploadMaxRequestBytes: 100 * 1024,
      uploadMaxFiles: 3,
    }));
  });
  after(async () => drop());

  test('CSRF: a multipart POST without a valid token is refused 403; with it, accepted', async () => {
    const client = new Client(app);
    await client.get('/t/form');
    assert.ok(client.csrfToken);
    const file = {
      name: 'attachment',
      filename: '报告.pdf',
      value: CHINESE_PDF.subarray(0, 100),
      type: 'application/pdf',
    };
    const missing = await post(app, client, '/t/upload', [{ name: 'title', value: 'x' }, file]);
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, 'csrf');
    const wrong = await post(app, client, '/t/upload', [{ name: '_csrf', value: 'forged-token' }, file]);
    assert.equal(wrong.statusCode, 403);
    const noCookie = await app.inject({
      method: 'POST',
      url: '/t/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json' },
      payload: multipart([{ name: '_csrf', value: client.csrfToken! }, file]),
    });
    assert.equal(noCookie.statusCode, 403);

    const ok = await post(app, client, '/t/upload', [
      { name: '_csrf', value: client.csrfToken! },
      { name: 'title', value: '年度报告' },
      { name: 'title', value: 'second ignored' },
      { ...file, value: CHINESE_PDF.subarray(0, 40 * 1024) },
    ]);
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.fields.title, '年度报告');
    assert.equal(body.stored.length, 1);
    assert.equal(body.stored[0].filename, '报告.pdf');
    assert.equal(
      body.stored[0].sha256,
      createHash('sha256')
        .update(CHINESE_PDF.subarray(0, 40 * 1024))
        .digest('hex'),
    );
  });

  test('limits: a file over the per-file limit, files over the per-request total and too many files are issues, not errors', async () => {
    const client = new Client(app);
    await client.get('/t/form');
    const csrf = { name: '_csrf', value: client.csrfToken! };
    const big = await post(app, client, '/t/upload', [
      csrf,
      { name: 'attachment', filename: 'big.png', value: Buffer.concat([PNG, Buffer.alloc(70 * 1024)]) },
    ]);
    assert.equal(big.statusCode, 200);
    assert.equal(big.json().stored.length, 0);
    assert.deepEqual(big.json().issues[0].message, {
      zh: '“big.png”超过了 64 KiB 的大小限制',
      en: '“big.png” is larger than the 64 KiB limit',
    });

    const sixty = (n: number) => Buffer.concat([PNG, Buffer.alloc(60 * 1024, n)]);
    const total = await post(app, client, '/t/upload', [
      csrf,
      { name: 'a', filename: 'a.png', value: sixty(1) },
      { name: 'b', filename: 'b.png', value: sixty(2) },
    ]);
    assert.equal(total.json().stored.length, 1);
    assert.equal(total.json().issues[0].field, 'b');
    assert.match(total.json().issues[0].message.en, /together are larger than the 100 KiB limit/);

    const many = await post(app, client, '/t/upload', [
      csrf,
      ...[1, 2, 3, 4].map((n) => ({ name: 'f', filename: `${n}.png`, value: Buffer.concat([PNG, Buffer.from([n])]) })),
    ]);
    assert.equal(many.statusCode, 200);
    assert.match(many.json().issues[0].message.zh, /一次最多上传 3 个文件/);
  });

  test('content check and empty file inputs; unread body for a request that will be refused', async () => {
    const client = new Client(app);
    await client.get('/t/form');
    const res = await post(app, client, '/t/upload', [
      { name: '_csrf', value: client.csrfToken! },
      { name: 'empty', filename: '', value: '' },
      { name: 'attachment', filename: 'invoice.pdf', value: EXE },
    ]);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().stored.length, 0);
    assert.equal(res.json().issues.length, 1);
    assert.match(res.json().issues[0].message.zh, /文件内容与扩展名不符/);

    const anonymous = await post(app, client, '/t/private', [
      { name: '_csrf', value: client.csrfToken! },
      { name: 'f', filename: 'a.png', value: PNG },
    ]);
    assert.equal(anonymous.statusCode, 401);
    const malformed = await app.inject({
      method: 'POST',
      url: '/t/upload',
      headers: {
        cookie: client.cookieHeader(),
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        accept: 'application/json',
      },
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="a.png"\r\n\r\nunterminated`,
    });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().error.message.en, /upload was incomplete/);
  });

  test('sendBlob: sniffed type, download or inline, nosniff, ETag and 304', async () => {
    const client = new Client(app);
    await client.get('/t/form');
    const csrf = { name: '_csrf', value: client.csrfToken! };
    const stored = (
      await post(app, client, '/t/upload', [
        csrf,
        { name: 'a', filename: 'scan.png', value: PNG },
        { name: 'b', filename: '说明.txt', value: Buffer.from('<b>政府信息公开</b>') },
      ])
    ).json().stored;
    const [png, txt] = stored as { sha256: string }[];

    const image = await app.inject({
      method: 'GET',
      url: `/t/blob/${png!.sha256}?name=${encodeURIComponent('扫描件 (1).png')}`,
    });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.equal(image.headers['x-content-type-options'], 'nosniff');
    assert.equal(
      image.headers['content-disposition'],
      `inline; filename="___ (1).png"; filename*=UTF-8''%E6%89%AB%E6%8F%8F%E4%BB%B6%20%281%29.png`,
    );
    assert.equal(image.headers.etag, `"${png!.sha256}"`);
    assert.deepEqual(image.rawPayload, PNG);

    const text = await app.inject({ method: 'GET', url: `/t/blob/${txt!.sha256}?name=x.html` });
    assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8', 'never text/html, whatever the name says');
    assert.match(String(text.headers['content-disposition']), /^attachment; /);
    assert.match(String(text.headers['content-security-policy']), /sandbox/);

    const cached = await app.inject({
      method: 'GET',
      url: `/t/blob/${png!.sha256}`,
      headers: { 'if-none-match': `W/"x", "${png!.sha256}"` },
    });
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.body, '');
    assert.equal(
      (await app.inject({ method: 'GET', url: `/t/blob/${'0'.repeat(64)}`, headers: { accept: 'application/json' } }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'GET',
          url: `/t/blob/..%2F..%2Fpersonal-data-key`,
          headers: { accept: 'application/json' },
        })
      ).statusCode,
      404,
    );

    const sealed = (
      await post(app, client, '/t/upload', [
        csrf,
        { name: 'personal', value: '1' },
        { name: 'id', filename: 'id.png', value: PNG },
      ])
    ).json().stored[0];
    assert.equal(sealed.encrypted, true);
    const personal = await app.inject({ method: 'GET', url: `/t/blob/${sealed.sha256}?encrypted=1&name=id.png` });
    assert.equal(personal.statusCode, 200);
    assert.equal(personal.headers['cache-control'], 'private, no-store');
    assert.deepEqual(personal.rawPayload, PNG);
  });
});

describe('multipart uploads with the default limits', () => {
  test('a file larger than the 2 MiB form body limit is accepted within the 20 MiB upload limit', async () => {
    const { app, drop } = await uploadApp({});
    try {
      const client = new Client(app);
      await client.get('/t/form');
      const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024, 7)]);
      const res = await post(app, client, '/t/upload', [
        { name: '_csrf', value: client.csrfToken! },
        { name: 'f', filename: 'big.png', value: big },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().stored[0].size, big.length);
    } finally {
      await drop();
    }
  });

  test('over a real socket, with FormData as a browser encodes it (Chinese file name, CSRF first)', async () => {
    const { app, drop } = await uploadApp({});
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const page = await fetch(`${address}/t/form`);
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const form = new FormData();
      form.append('_csrf', token);
      form.append('title', '政府信息公开');
      form.append('attachment', new Blob([CHINESE_PDF], { type: 'application/pdf' }), '岳阳市 2013 年度报告.pdf');
      const res = await fetch(`${address}/t/upload`, {
        method: 'POST',
        body: form,
        headers: { cookie, accept: 'application/json' },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        fields: Record<string, string>;
        stored: { filename: string; kind: string }[];
      };
      assert.equal(body.fields.title, '政府信息公开');
      assert.deepEqual(
        body.stored.map((f) => [f.filename, f.kind]),
        [['岳阳市 2013 年度报告.pdf', 'pdf']],
      );
      const withoutToken = new FormData();
      withoutToken.append('title', 'x');
      const refused = await fetch(`${address}/t/upload`, {
        method: 'POST',
        body: withoutToken,
        headers: { cookie, accept: 'application/json' },
      });
      assert.equal(refused.status, 403);
    } finally {
      await drop();
    }
  });
});

test('upload limits come from the environment, with defaults and checked ranges', () => {
  const defaults = loadConfig({});
  assert.equal(defaults.uploadMaxBytes, 20 * 1024 * 1024);
  assert.equal(defaults.uploadMaxRequestBytes, 50 * 1024 * 1024);
  assert.equal(defaults.uploadMaxFiles, 10);
  const set = loadConfig({
    GONGKAI_UPLOAD_MAX_BYTES: '1048576',
    GONGKAI_UPLOAD_MAX_REQUEST_BYTES: '2097152',
    GONGKAI_UPLOAD_MAX_FILES: '3',
  });
  assert.deepEqual([set.uploadMaxBytes, set.uploadMaxRequestBytes, set.uploadMaxFiles], [1048576, 2097152, 3]);
  assert.throws(
    () => loadConfig({ GONGKAI_UPLOAD_MAX_BYTES: '20MB', GONGKAI_UPLOAD_MAX_FILES: '0' }),
    (err: unknown) => err instanceof ConfigError && err.problems.length === 2,
  );
});
