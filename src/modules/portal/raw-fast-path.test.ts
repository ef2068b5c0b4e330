// The connection-level fast path: its strict head reader (a table of heads it must leave to Node),
// and, over real sockets on a listening server of both engines, that what it answers is exactly
// what the framework answers, that anything else reaches the framework on the same connection,
// that a publication is never hidden by it, and that the server still closes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo, testApp } from '../../../test/support/app.ts';
import { pageCacheFor, type PageCache } from './page-cache.ts';
import { portalFixture } from './portal-fixtures.ts';
import { readHead } from './raw-fast-path.ts';

describe('raw fast path: request heads', () => {
  const simple =
    'GET /catalog?page=2 HTTP/1.1\r\nHost: example.gov.cn\r\nAccept-Encoding: gzip, br\r\nCookie: gk_lang=en\r\nIf-None-Match: "x"\r\nUser-Agent: test';

  test('a plain GET is read with the fields the answer depends on', () => {
    assert.deepEqual(readHead(simple), {
      url: '/catalog?page=2',
      host: 'example.gov.cn',
      cookie: 'gk_lang=en',
      acceptLanguage: undefined,
      acceptEncoding: 'gzip, br',
      ifNoneMatch: '"x"',
      close: false,
    });
    assert.equal(readHead('GET / HTTP/1.1\r\nhost: a\r\nconnection: Close')?.close, true);
  });

  test('anything but the simple case is left to Node', () => {
    const refused: [string, string][] = [
      ['another method', 'POST /catalog HTTP/1.1\r\nHost: a'],
      ['HEAD', 'HEAD /catalog HTTP/1.1\r\nHost: a'],
      ['HTTP/1.0', 'GET /catalog HTTP/1.0\r\nHost: a'],
      ['absolute form', 'GET http://a/catalog HTTP/1.1\r\nHost: a'],
      ['asterisk', 'GET * HTTP/1.1\r\nHost: a'],
      ['space in target', 'GET /a b HTTP/1.1\r\nHost: a'],
      ['no host', 'GET / HTTP/1.1\r\nAccept: */*'],
      ['two hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b'],
      ['two cookie fields', 'GET / HTTP/1.1\r\nHost: a\r\nCookie: x=1\r\nCookie: y=2'],
      ['a body length', 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5'],
      ['chunked', 'GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked'],
      ['upgrade', 'GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade'],
      ['expect', 'GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue'],
      ['folded line', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  continued'],
      ['space before colon', 'GET / HTTP/1.1\r\nHost : a'],
      ['no colon', 'GET / HTTP/1.1\r\nHost: a\r\nnonsense'],
      ['control character', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u0000'],
      ['bare LF inside a field', 'GET / HTTP/1.1\r\nHost: a\nX-B: 2'],
      ['odd connection option', 'GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, x'],
      ['lower-case method', 'get / HTTP/1.1\r\nHost: a'],
    ];
    for (const [why, head] of refused) assert.equal(readHead(head), null, why);
  });
});

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** A keep-alive connection that sends raw bytes and reads whole responses in order. */
class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  ended = false;
  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.waiting?.();
    });
    socket.on('end', () => {
      this.ended = true;
      this.waiting?.();
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(text: string): void {
    this.socket.write(text, 'latin1');
  }

  async response(): Promise<RawResponse> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
        const headers = new Map(
          lines
            .slice(1)
            .map(
              (l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as [string, string],
            ),
        );
        const status = Number(lines[0]!.split(' ')[1]);
        const length = status === 304 ? 0 : Number(headers.get('content-length') ?? 'NaN');
        assert.ok(Number.isInteger(length), 'every answer has a content-length');
        if (this.buffer.length >= end + 4 + length) {
          const body = this.buffer.subarray(end + 4, end + 4 + length);
          this.buffer = this.buffer.subarray(end + 4 + length);
          return { status, headers, body };
        }
      }
      if (this.ended) throw new Error('connection ended before a whole response');
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

const get = (path: string, port: number, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}\r\n`;

forEachDialect('raw fast path on a listening server', (t) => {
  let live: FastifyInstance;
  let port: number;
  let cache: PageCache;
  before(async () => {
    await seedSmallDemo(t.handle);
    live = await testApp(t.handle);
    await live.listen({ port: 0, host: '127.0.0.1' });
    port = (live.server.address() as { port: number }).port;
    cache = pageCacheFor(t.handle.db);
    await new Promise((r) => setTimeout(r, 3100)); // past the eager window of the demo's publications
  });
  after(async () => {
    await live?.close();
  });

  test('a cached page is answered at the connection with the framework’s bytes and headers', async () => {
    const framework = await fetch(`http://127.0.0.1:${port}/catalog`, { headers: { 'accept-encoding': 'identity' } });
    const frameworkBody = Buffer.from(await framework.arrayBuffer());
    const conn = await RawConnection.open(port);
    try {
      const raw = cache.rawHits;
      // Two requests in one write (pipelining), then a conditional one.
      conn.send(get('/catalog', port) + get('/catalog', port, 'Accept-Encoding: gzip, deflate, br\r\n'));
      const first = await conn.response();
      const second = await conn.response();
      assert.equal(cache.rawHits, raw + 2, 'both answered on the raw path');
      assert.equal(first.status, 200);
      assert.deepEqual(first.body, frameworkBody);
      for (const name of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'etag',
        'last-modified',
        'cache-control',
        'content-type',
        'vary',
        'referrer-policy',
      ]) {
        assert.equal(first.headers.get(name), framework.headers.get(name), name);
      }
      assert.ok(first.headers.get('date'));
      assert.equal(first.headers.get('connection'), 'keep-alive');
      assert.equal(second.headers.get('content-encoding'), 'br');
      assert.deepEqual(brotliDecompressSync(second.body), frameworkBody);
      conn.send(get('/catalog', port, `If-None-Match: ${first.headers.get('etag')}\r\n`));
      const notModified = await conn.response();
      assert.equal(notModified.status, 304);
      assert.equal(notModified.body.length, 0);
      assert.equal(notModified.headers.get('etag'), first.headers.get('etag'));
      assert.equal(cache.rawHits, raw + 3);
    } finally {
      conn.close();
    }
  });

  test('anything else goes to the framework on the same connection, which then keeps it', async () => {
    const conn = await RawConnection.open(port);
    try {
      const raw = cache.rawHits;
      conn.send(get('/catalog', port));
      assert.equal((await conn.response()).status, 200);
      // A page that is not cached, a POST without a CSRF token, a signed-in visitor: the framework.
      conn.send(get('/api/v1/search?q=%E7%A4%BE%E4%BF%9D', port));
      const search = await conn.response();
      assert.equal(search.status, 200);
      assert.equal(typeof JSON.parse(search.body.toString('utf8')).total, 'number');
      assert.equal(cache.rawHits, raw + 1);
      conn.send(get('/catalog', port, 'Cookie: gk_session=forged\r\n'));
      assert.equal((await conn.response()).status, 200);
      const fast = cache.fastHits;
      conn.send(get('/catalog', port));
      assert.equal((await conn.response()).status, 200);
      assert.equal(cache.fastHits, fast + 1, 'still the request-level fast path');
      assert.equal(cache.rawHits, raw + 1, 'not the raw path any more');
    } finally {
      conn.close();
    }
  });

  test('partial heads, bodies and malformed requests are Node’s to judge', async () => {
    const partial = await RawConnection.open(port);
    try {
      const request = get('/catalog', port);
      partial.send(request.slice(0, 20));
      await new Promise((r) => setTimeout(r, 50));
      partial.send(request.slice(20));
      assert.equal((await partial.response()).status, 200);
    } finally {
      partial.close();
    }
    const huge = await RawConnection.open(port);
    try {
      // A head past Node's size limit is refused by Node (431), not answered from the cache.
      const raw = cache.rawHits;
      huge.send(get('/catalog', port, `X-Padding: ${'a'.repeat(20_000)}\r\n`));
      assert.equal((await huge.response()).status, 431);
      assert.equal(cache.rawHits, raw);
    } finally {
      huge.close();
    }
    const smuggle = await RawConnection.open(port);
    try {
      // A GET with a body length and chunked both: Node refuses it; the raw path must not answer.
      const raw = cache.rawHits;
      smuggle.send(
        `GET /catalog HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      );
      assert.equal((await smuggle.response()).status, 400);
      assert.equal(cache.rawHits, raw);
    } finally {
      smuggle.close();
    }
  });

  test('a client that sends many requests without reading is not read ahead', async () => {
    const conn = await RawConnection.open(port);
    try {
      const raw = cache.rawHits;
      // 300 pipelined requests in one write: about 3.5 MB of answers. All are answered, in order,
      // though the answers pile up faster than they are read.
      conn.send(get('/catalog', port).repeat(300));
      for (let i = 0; i < 300; i++) assert.equal((await conn.response()).status, 200);
      assert.equal(cache.rawHits, raw + 300);
    } finally {
      conn.close();
    }
  });

  test('Connection: close is honoured', async () => {
    const conn = await RawConnection.open(port);
    const raw = cache.rawHits;
    conn.send(get('/catalog', port, 'Connection: close\r\n'));
    const answer = await conn.response();
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('connection'), 'close');
    assert.equal(cache.rawHits, raw + 1);
    await new Promise<void>((resolve) => (conn.ended ? resolve() : conn.socket.once('end', () => resolve())));
    conn.close();
  });

  test('a publication shows at once on a connection held by the raw path', async () => {
    const conn = await RawConnection.open(port);
    try {
      conn.send(get('/catalog', port));
      assert.doesNotMatch((await conn.response()).body.toString('utf8'), /原始连接上的新通知/);
      const fx = await portalFixture(t.handle.db);
      await fx.publish({ title: '原始连接上的新通知' });
      conn.send(get('/catalog', port));
      assert.match((await conn.response()).body.toString('utf8'), /原始连接上的新通知/);
    } finally {
      conn.close();
    }
  });

  test('the server closes although a raw keep-alive connection is open', async () => {
    const other = await testApp(t.handle);
    await other.listen({ port: 0, host: '127.0.0.1' });
    const otherPort = (other.server.address() as { port: number }).port;
    await fetch(`http://127.0.0.1:${otherPort}/catalog`).then((r) => r.text());
    await fetch(`http://127.0.0.1:${otherPort}/catalog`).then((r) => r.text());
    const conn = await RawConnection.open(otherPort);
    conn.send(get('/catalog', otherPort));
    assert.equal((await conn.response()).status, 200);
    // Without the raw path ending its connections, close() would wait for the 72 s keep-alive timeout.
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      other.close().then(() => 'closed'),
      new Promise((r) => (timer = setTimeout(() => r('hung'), 30_000))),
    ]);
    clearTimeout(timer);
    assert.equal(outcome, 'closed');
    conn.close();
  });
});
