// The fuzzing suite (issue 14 suite 9): fast-check drives requests at every operation of the
// OpenAPI document the app serves (/api/v1/openapi.json) and at every HTML form the pages show
// to each role (collected by fetching the pages as that role, CSRF token included), through the
// real pipeline (app.inject on a migrated SQLite database with the demo). Every answer must be
// below 500 and carry no stack trace; a rejected request (4xx) must leave the main tables' row
// counts as they were; and at the end the audit chain must still verify.
//   bounded (CI):  test/security/fuzz.test.ts runs runFuzz({ requests: 400, seed: FUZZ_SEED })
//   long run:      npm run test:fuzz-long   (≥ 100,000 requests; --requests=N --seed=S)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { connectSqlite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/database.ts';
import { auditSettings, systemContext } from '../../src/platform/audit/audit.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { organisationService } from '../../src/modules/organisation/organisation.service.ts';
import { Client, DEMO_PASSWORD, seedDemo, testApp } from '../support/app.ts';
import { BOUNDARY, multipart, type Part } from '../support/uploads.ts';
import { concrete, fixtureOfAgencyA } from './agency-fixture.ts';
import { parseForms, type FormField } from './forms.ts';
import { mainTables } from './table-counts.ts';

export const FUZZ_SEED = 20261207;

/** One demo user per role; null is the anonymous visitor. */
const USERS = [
  null,
  'admin',
  'secadmin',
  'auditor',
  'drafter',
  'unithead',
  'reviewer',
  'officer',
  'leader',
  'chief',
  'supervisor',
] as const;
type User = (typeof USERS)[number];

interface Target {
  readonly user: User;
  readonly method: 'GET' | 'POST';
  /** A path with `{name}` placeholders for API operations; a form's action otherwise. */
  readonly path: string;
  readonly multipart: boolean;
  readonly fields: FormField[];
  readonly pathParams: string[];
  readonly label: string;
}

interface Request {
  target: Target;
  pathValues: string[];
  pairs: [string, string][];
  file: Uint8Array | null;
}

export interface FuzzResult {
  requests: number;
  status5xx: number;
  stackTraces: number;
  partialWrites: number;
  forms: number;
  operations: number;
  statuses: Record<string, number>;
  auditVerified: boolean;
  failures: string[];
}

const STACK = /\n\s+at \S+ \(|\bat [^\s()]+ \((?:file:|node:|\/)[^)]*:\d+:\d+\)|node:internal\//;

const nasty = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '9'.repeat(40),
  'NaN',
  '2026-02-30',
  '2026-13-01',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  "' or '1'='1' --",
  '<script>alert(1)</script>',
  '{"a":[1,{"b":null}]}',
  '[]',
  'null',
  '\u202e\u200b',
  '\ud800',
  '𠮷野家',
  '１２３４',
  '申请人\r\n\t',
  'x'.repeat(5000),
);

function valueOf(field: FormField): fc.Arbitrary<string> {
  const parts: fc.WeightedArbitrary<string>[] = [
    { arbitrary: nasty, weight: 3 },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
    { arbitrary: fc.integer().map(String), weight: 2 },
  ];
  if (field.value) parts.push({ arbitrary: fc.constant(field.value), weight: 4 });
  const options = field.options.filter((o) => o !== '');
  if (options.length) parts.push({ arbitrary: fc.constantFrom(...options), weight: 4 });
  return fc.oneof(...parts);
}

function requestOf(target: Target): fc.Arbitrary<Request> {
  const fieldArbs = target.fields
    .filter((f) => f.type !== 'file')
    .map((f) =>
      fc
        .option(fc.array(valueOf(f), { minLength: 1, maxLength: 2 }), { freq: 6 })
        .map((values) => (values ?? []).map((v): [string, string] => [f.name, v])),
    );
  const extra = fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })), {
    freq: 4,
  });
  return fc.record({
    target: fc.constant(target),
    pathValues: fc.tuple(
      ...target.pathParams.map(() =>
        fc.oneof(fc.nat().map(String), fc.constantFrom('1', '2', '100'), fc.string({ maxLength: 20 }), nasty),
      ),
    ),
    pairs: fc.tuple(fc.tuple(...fieldArbs), extra).map(([lists, more]) => [...lists.flat(), ...(more ? [more] : [])]),
    file: target.multipart ? fc.option(fc.uint8Array({ maxLength: 400 })) : fc.constant(null),
  });
}

/** Main-table row counts in one statement (run before and after each request). */
async function counts(db: Db): Promise<string> {
  const select = mainTables.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ');
  const result = await sql.raw<Record<string, number>>(`select ${select}`).execute(db);
  return JSON.stringify(result.rows[0]);
}

export async function runFuzz(options: {
  requests: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-'));
  const handle = connectSqlite(join(dir, 'fuzz.sqlite'));
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle);
    app = await testApp(handle);
    const db = handle.db;
    const records = await fixtureOfAgencyA(app, db);
    // The user pages' forms (lock, reset, roles, revoke) act on an account made for the purpose,
    // so the fuzzer does not lock out the demo users it signs in as.
    const target = await organisationService.createUser(
      db,
      systemContext,
      { username: 'fuzz-target', display_name: '模糊测试对象', agency_id: records.agency, unit_id: records.unit },
      DEMO_PASSWORD,
      { mustChangePassword: false },
    );
    records.user = target.id;
    records.grant = await organisationService.assignRole(
      db,
      systemContext,
      target.id,
      'drafter',
      records.agency,
      records.unit,
    );

    const clients = new Map<User, Client>();
    const signIn = async (user: User): Promise<Client> => {
      const client = new Client(app!);
      if (user) await client.signIn(user);
      await client.get(user ? '/account' : '/apply');
      clients.set(user, client);
      return client;
    };
    for (const user of USERS) await signIn(user);

    // Collect the forms: every GET page of the route table (with agency A's records in the
    // parameters), as each role.
    const pages = app.routeTable
      .filter((r) => r.method === 'GET')
      .map((r) => concrete(r.url, records).replace(/^\/(items|api\/v1\/items)\/:id/, `/$1/${records.published}`))
      .filter((u) => !u.includes(':') && !/download|\.csv|\.xml|\.atom|\.json|assets|favicon|healthz/.test(u));
    const targets: Target[] = [];
    const seen = new Set<string>();
    for (const user of USERS) {
      const client = clients.get(user)!;
      for (const page of pages) {
        if (!user && page.startsWith('/admin')) continue;
        const res = await client.get(page);
        if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        for (const form of parseForms(res.body, page)) {
          if (form.action.startsWith('/sign-out')) continue;
          const key = `${user} ${form.method} ${form.action} ${form.fields.map((f) => f.name).join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          targets.push({
            user,
            method: form.method,
            path: form.action,
            multipart: form.multipart,
            fields: form.fields,
            pathParams: [],
            label: `${user ?? 'anonymous'} ${form.method} ${form.action}`,
          });
        }
      }
    }
    const forms = targets.length;
    // And every operation of the OpenAPI document, anonymous and as the disclosure officer.
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: any }[] }>>;
    };
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const params = op.parameters ?? [];
        const fields = params
          .filter((p) => p.in === 'query')
          .map((p) => ({
            name: p.name,
            type: 'text',
            value: p.schema?.pattern === '^\\d{4}$' ? '2025' : p.schema?.pattern === '^\\d+$' ? '1' : '',
            options: (p.schema?.enum as string[] | undefined) ?? [],
          }));
        for (const user of [null, 'officer'] as const) {
          targets.push({
            user,
            method: method.toUpperCase() as 'GET' | 'POST',
            path,
            multipart: false,
            fields,
            pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
            label: `${user ?? 'anonymous'} ${method.toUpperCase()} ${path}`,
          });
        }
      }
    }

    const result: FuzzResult = {
      requests: 0,
      status5xx: 0,
      stackTraces: 0,
      partialWrites: 0,
      forms,
      operations,
      statuses: {},
      auditVerified: false,
      failures: [],
    };
    const fail = (line: string) => {
      if (result.failures.length < 30) result.failures.push(line);
    };
    const arbitrary = fc.constantFrom(...targets).chain(requestOf);
    let before = await counts(db);
    const batch = 500;
    for (let done = 0; done < options.requests; done += batch) {
      const samples = fc.sample(arbitrary, {
        seed: options.seed + done,
        numRuns: Math.min(batch, options.requests - done),
      });
      for (const request of samples) {
        const res = await send(app, clients.get(request.target.user) ?? (await signIn(request.target.user)), request);
        result.requests++;
        result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
        const what = `${request.target.label} ${JSON.stringify(request.pairs).slice(0, 300)}`;
        if (res.statusCode >= 500) {
          result.status5xx++;
          fail(`${res.statusCode} ${what}`);
        }
        if (STACK.test(res.body)) {
          result.stackTraces++;
          fail(`stack trace in ${res.statusCode} ${what}`);
        }
        const after = await counts(db);
        if (res.statusCode >= 400 && after !== before) {
          result.partialWrites++;
          fail(`rows changed by a rejected ${res.statusCode} ${what}`);
        }
        before = after;
        // A session that ended (by a fuzzed form or a lock) is signed in again.
        const location = String(res.headers.location ?? '');
        if (request.target.user && (res.statusCode === 401 || location.startsWith('/sign-in')))
          await signIn(request.target.user);
      }
      options.log?.(`${result.requests} requests fuzzed, ${result.status5xx} 5xx, ${result.stackTraces} stack traces`);
    }
    // The demo's events are plain (seeded before the app keyed the chain), later ones keyed:
    // plain rows verify without a legacy key, keyed rows with the chain key.
    const verification = await verifyAuditChain(db, { key: auditSettings().key });
    result.auditVerified = verification.ok;
    if (!verification.ok) fail(`audit chain: ${JSON.stringify(verification.finding)}`);
    return result;
  } finally {
    await app?.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function send(app: FastifyInstance, client: Client, request: Request): Promise<LightMyRequestResponse> {
  const { target } = request;
  let path = target.path;
  target.pathParams.forEach((name, i) => {
    path = path.replace(`{${name}}`, encodeURIComponent(wellFormed(request.pathValues[i] ?? '1')));
  });
  const pairs = request.pairs;
  if (target.method === 'GET') {
    const query = new URLSearchParams(pairs).toString();
    return client.get(query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path);
  }
  const withToken: [string, string][] = client.csrfToken ? [['_csrf', client.csrfToken], ...pairs] : pairs;
  if (target.multipart) {
    const parts: Part[] = withToken.map(([name, value]) => ({ name, value }));
    const fileField = target.fields.find((f) => f.type === 'file');
    if (fileField && request.file)
      parts.push({ name: fileField.name, filename: 'fuzz.bin', value: Buffer.from(request.file) });
    return app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart(parts),
    });
  }
  return app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: client.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(withToken).toString(),
  });
}

/** A lone surrogate cannot be put in a URL; a browser sends U+FFFD for it, and so does this. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function formatFuzz(r: FuzzResult): string {
  return [
    `requests fuzzed: ${r.requests}, 5xx: ${r.status5xx}, stack traces: ${r.stackTraces}, partial writes: ${r.partialWrites}`,
    `targets: ${r.forms} forms (per role), ${r.operations} OpenAPI operations; audit chain verifies: ${r.auditVerified}`,
    `statuses: ${JSON.stringify(r.statuses)}`,
    ...r.failures.map((f) => `  ${f}`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const requests = Number(process.argv.find((a) => a.startsWith('--requests='))?.slice(11) ?? 100_000);
  const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? FUZZ_SEED);
  const result = await runFuzz({ requests, seed, log: (l) => process.stderr.write(`${l}\n`) });
  console.log(formatFuzz(result));
  process.exitCode = result.status5xx + result.stackTraces + result.partialWrites === 0 && result.auditVerified ? 0 : 1;
}
