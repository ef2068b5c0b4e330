// The fast path one level lower: at the connection, before Node's HTTP machinery. On exam-results
// day a cached page is all most visitors ask for, and Node's per-request objects (IncomingMessage,
// ServerResponse, header validation) cost more than the answer itself — an idle 2-core machine
// serves ≈ 55,000 cached pages/s through them and ≈ 75,000 without (docs/performance.md).
//
// A connection starts here. Each complete request head in a chunk is read by a deliberately strict
// reader (`readHead`): a plain `GET <path> HTTP/1.1` with token header names, no body headers, no
// folding, no duplicates of the headers it uses. When the head is that simple and the page is
// cached and current (the same `lookup` the request-level fast path uses), the stored answer is
// written straight to the socket. Anything else — another method, HTTP/1.0, an odd or partial head,
// a session cookie, a page not in the cache — hands the connection, with the unread bytes put back,
// to Node's HTTP server for good, so its parser, limits and timeouts apply as if we had never read.
// Only complete heads are read here: slow or partial heads are always Node's.
import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { etagMatches, type FastEntry, type FastRequest } from './cached-page.ts';

export interface RawHead extends FastRequest {
  readonly ifNoneMatch: string | undefined;
  readonly acceptEncoding: string;
  readonly close: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Printable ASCII and obs-text, as RFC 9110 allows in a field value; no control characters.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const TARGET = /^\/[\x21-\x7e]{0,2047}$/;
/** Headers that mean a body, a protocol switch or an expectation: never a plain cached GET. */
const REFUSED = new Set(['content-length', 'transfer-encoding', 'upgrade', 'expect', 'http2-settings']);
const USED = new Set(['host', 'cookie', 'accept-language', 'accept-encoding', 'if-none-match', 'connection']);

/**
 * Reads a request head (latin1 text, without the blank line) or returns null when it is anything
 * but the simple case, which the caller then leaves to Node's parser.
 */
export function readHead(head: string): RawHead | null {
  const lines = head.split('\r\n');
  const requestLine = lines[0]!;
  if (!requestLine.startsWith('GET ') || !requestLine.endsWith(' HTTP/1.1')) return null;
  const url = requestLine.slice(4, -9);
  if (!TARGET.test(url)) return null;
  const fields = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon).toLowerCase();
    if (!TOKEN.test(name) || REFUSED.has(name)) return null;
    const value = line.slice(colon + 1).trim();
    if (!FIELD_VALUE.test(value)) return null;
    if (USED.has(name)) {
      if (fields.has(name)) return null;
      fields.set(name, value);
    }
  }
  const host = fields.get('host');
  if (!host) return null;
  const connection = (fields.get('connection') ?? 'keep-alive').toLowerCase();
  if (connection !== 'keep-alive' && connection !== 'close') return null;
  return {
    url,
    host,
    cookie: fields.get('cookie'),
    acceptLanguage: fields.get('accept-language'),
    acceptEncoding: fields.get('accept-encoding') ?? '',
    ifNoneMatch: fields.get('if-none-match'),
    close: connection === 'close',
  };
}

let dateSecond = 0;
let dateText = '';
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

/** The status line and stored headers of an entry's answer, cached on the entry per variant. */
function headPrefix(entry: FastEntry, status: number, encoding: string | undefined, length: number): string {
  const key = `${status}|${encoding ?? ''}`;
  const cache = (entry.rawHeads ??= new Map());
  let prefix = cache.get(key);
  if (prefix === undefined) {
    prefix = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
    for (const [k, v] of entry.headers!) prefix += `${k}: ${v}\r\n`;
    if (encoding) prefix += `content-encoding: ${encoding}\r\n`;
    if (status !== 304) prefix += `content-length: ${length}\r\n`;
    cache.set(key, prefix);
  }
  return prefix;
}

/** Answers on a raw socket, as Node would (same status, headers, Date and keep-alive headers). */
function answer(
  socket: Socket,
  head: RawHead,
  entry: FastEntry,
  choose: (accept: string) => { body: Buffer; encoding: string | undefined },
  keepAliveSeconds: number,
): void {
  const notModified = entry.status === 200 && head.ifNoneMatch !== undefined && etagMatches(head.ifNoneMatch, entry);
  const { body, encoding } = notModified ? { body: undefined, encoding: undefined } : choose(head.acceptEncoding);
  const status = notModified ? 304 : entry.status;
  const connection = head.close
    ? 'connection: close\r\n'
    : `connection: keep-alive\r\nkeep-alive: timeout=${keepAliveSeconds}\r\n`;
  const text = `${headPrefix(entry, status, encoding, body?.length ?? 0)}date: ${httpDate()}\r\n${connection}\r\n`;
  socket.cork();
  socket.write(text, 'latin1');
  if (body) socket.write(body);
  process.nextTick(() => socket.uncork());
}

export interface RawFastPathOptions {
  /** The cached entry for a request when it is known current without asking the database. */
  readonly lookup: (request: FastRequest) => FastEntry | undefined;
  /** The same after re-reading the database stamp; undefined: Node's server takes over. */
  readonly lookupCurrent: (request: FastRequest) => Promise<FastEntry | undefined>;
  /** The body and content-encoding for an Accept-Encoding header. */
  readonly choose: (entry: FastEntry, acceptEncoding: string) => { body: Buffer; encoding: string | undefined };
  /** Called for every answer given here (the page cache counts them). */
  readonly onHit?: () => void;
}

/** Written-but-unsent bytes above which a connection stops being read until it drains. */
const HIGH_WATER = 1024 * 1024;

/**
 * Puts the raw path in front of Node's HTTP server: its 'connection' listeners are taken off and
 * called for a connection when we hand it over. Returns a function that ends the connections
 * still held here (call it when the server closes, or they keep it open until they time out).
 */
export function installRawFastPath(server: Server, options: RawFastPathOptions): () => void {
  const nodeListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  if (nodeListeners.length === 0) return () => undefined;
  server.removeAllListeners('connection');
  const held = new Set<Socket>();
  let closing = false;
  const toNode = (socket: Socket) => {
    for (const listener of nodeListeners) listener.call(server, socket);
  };

  server.on('connection', (socket: Socket) => {
    if (closing) return toNode(socket);
    held.add(socket);
    const keepAliveMs = server.keepAliveTimeout || 5000;
    const keepAliveSeconds = Math.max(1, Math.floor(keepAliveMs / 1000));
    const onTimeout = () => socket.destroy();
    const onError = () => socket.destroy();
    socket.setTimeout(keepAliveMs, onTimeout);
    socket.on('error', onError);
    socket.once('close', () => held.delete(socket));

    /** Gives the connection, and the bytes not yet answered, to Node's HTTP server for good. */
    const handOver = (rest: Buffer) => {
      socket.removeListener('data', onData);
      socket.removeListener('timeout', onTimeout);
      socket.removeListener('error', onError);
      socket.setTimeout(0);
      held.delete(socket);
      socket.pause();
      if (rest.length) socket.unshift(rest);
      toNode(socket);
      process.nextTick(() => socket.resume());
    };

    /** Answers; false when the connection is to close after it. */
    const respond = (head: RawHead, entry: FastEntry): boolean => {
      options.onHit?.();
      answer(socket, head, entry, (accept) => options.choose(entry, accept), keepAliveSeconds);
      if (!head.close) return true;
      socket.removeListener('data', onData);
      held.delete(socket);
      socket.end();
      return false;
    };

    /**
     * Answers the complete heads of `chunk` from `from` on. It may stop to wait for the stamp, or,
     * when the client sends faster than it reads, for the written answers to drain, and goes on
     * with the rest of the chunk after.
     */
    const serve = (chunk: Buffer, from: number): void => {
      let offset = from;
      for (;;) {
        const end = chunk.indexOf('\r\n\r\n', offset, 'latin1');
        if (end < 0) break;
        let head: RawHead | null;
        let entry: FastEntry | undefined;
        try {
          // Heads larger than Node's limit are Node's to refuse (431).
          head = closing || end - offset > maxHeaderSize ? null : readHead(chunk.toString('latin1', offset, end));
          entry = head ? options.lookup(head) : undefined;
        } catch {
          head = null; // a fault here must not take the process down: the framework answers instead
        }
        if (!head) return handOver(chunk.subarray(offset));
        if (!entry) {
          // Not known current without the database (the stamp is re-read at most once a second,
          // and at every request for a moment after this process published): ask, then go on.
          const at = offset;
          const asked = head;
          socket.pause();
          options.lookupCurrent(asked).then(
            (current) => {
              if (socket.destroyed) return;
              if (!current || closing) return handOver(chunk.subarray(at));
              if (respond(asked, current)) serve(chunk, end + 4);
            },
            () => {
              if (!socket.destroyed) handOver(chunk.subarray(at));
            },
          );
          return;
        }
        if (!respond(head, entry)) return;
        offset = end + 4;
        if (socket.writableLength > HIGH_WATER && offset < chunk.length) {
          const next = offset;
          socket.pause();
          socket.once('drain', () => {
            if (!socket.destroyed) serve(chunk, next);
          });
          return;
        }
      }
      // A partial head: Node's parser reads it (and applies its header timeout and size limit).
      if (offset < chunk.length) return handOver(chunk.subarray(offset));
      if (socket.writableLength > HIGH_WATER) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      } else if (socket.isPaused()) socket.resume();
    };
    const onData = (chunk: Buffer) => serve(chunk, 0);
    socket.on('data', onData);
  });

  return () => {
    closing = true;
    for (const socket of held) socket.end();
    held.clear();
  };
}
