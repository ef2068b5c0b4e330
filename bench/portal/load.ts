// A small closed-loop HTTP/1.1 load generator over raw keep-alive sockets (node:http's client
// costs more CPU than the servers under test, which would cap both sides alike and hide the
// difference). Each connection sends one GET, reads the whole response by Content-Length, records
// the latency and sends the next. Only responses with a Content-Length are supported — both
// servers under test send one.
import { connect, type Socket } from 'node:net';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly bytes: number;
  readonly statuses: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function load(options: {
  port: number;
  path: string;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const request = Buffer.from(
    `GET ${encodeURI(options.path)} HTTP/1.1\r\nHost: 127.0.0.1:${options.port}\r\nConnection: keep-alive\r\n${extra}\r\n`,
  );
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let recording = false;
  let stopped = false;

  const one = (socket: Socket) =>
    new Promise<void>((resolve) => {
      let buffer: Buffer = Buffer.alloc(0);
      let need = -1;
      let start = 0n;
      const send = () => {
        start = process.hrtime.bigint();
        socket.write(request);
      };
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          if (need < 0) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) return;
            const head = buffer.subarray(0, end).toString('latin1');
            const status = head.slice(9, 12);
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
            if (!length) {
              errors++;
              socket.destroy();
              return;
            }
            if (recording) statuses[status] = (statuses[status] ?? 0) + 1;
            need = end + 4 + Number(length[1]);
          }
          if (buffer.length < need) return;
          if (recording) {
            latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
            bytes += need;
          }
          buffer = buffer.subarray(need);
          need = -1;
          if (stopped) {
            socket.end();
            return;
          }
          send();
        }
      });
      socket.on('error', () => {
        errors++;
      });
      socket.on('close', () => resolve());
      send();
    });

  const sockets: Socket[] = [];
  const done: Promise<void>[] = [];
  for (let i = 0; i < options.connections; i++) {
    const socket = connect({ port: options.port, host: '127.0.0.1', noDelay: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    done.push(one(socket));
  }
  await new Promise((r) => setTimeout(r, (options.warmupSeconds ?? 1) * 1000));
  recording = true;
  const t0 = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  recording = false;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  stopped = true;
  await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 2000))]);
  for (const s of sockets) s.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    bytes,
    statuses,
  };
}
