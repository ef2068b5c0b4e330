// A test server on a migrated database with the demo organisation, driven with app.inject and
// a small cookie jar, so request tests exercise the real pipeline (session, policy, CSRF).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { buildApp } from '../../src/app.ts';
import { loadDemo, loadDemoOrganisation } from '../../src/demo/demo.ts';
import { demoItems } from '../../src/demo/demo-publishing-data.ts';
import type { Db } from '../../src/db/database.ts';
import type { PersonalDataVault } from '../../src/platform/crypto/personal-data.ts';
import { legacyItems } from '../../src/modules/publishing/publishing.test-support.ts';
import { wireModules } from '../../src/composition.ts';
import { configureAudit } from '../../src/platform/audit/audit.ts';
import { calendarService } from '../../src/modules/calendar/calendar.service.ts';

export const DEMO_PASSWORD = 'Gongkai-Test-2026!';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', GONGKAI_DATA_DIR: '/tmp/gongkai-test-unused' }, overrides);
}

/** The whole demo; with `vault` (the server's personal-data keys) its applications and reviews
 *  too, as `npm start` loads it. */
export async function seedDemo(handle: DatabaseHandle, mustChange = false, vault?: PersonalDataVault): Promise<void> {
  configureAudit({ algorithm: 'sha256', key: undefined });
  await calendarService.seedFromFile(handle.db);
  await loadDemo(handle, DEMO_PASSWORD, { mustChange, vault });
}

/**
 * The demo's organisation alone — its agencies, units, leading group and accounts, all with
 * DEMO_PASSWORD — without its ~1,200 publications, power catalog, figures and tasks: for tests
 * that need the people but would only wait for (or render) the catalog. Written through the
 * services in the order loadDemo (src/demo/demo.ts) writes them, so ids and names are the demo's.
 */
export async function seedDemoOrganisation(handle: DatabaseHandle, mustChange = false): Promise<void> {
  // As loadDemo does: a process of its own (the files suite's server) has wired nothing yet.
  wireModules();
  configureAudit({ algorithm: 'sha256', key: undefined });
  await calendarService.seedFromFile(handle.db);
  await loadDemoOrganisation(handle, DEMO_PASSWORD, mustChange);
}

/**
 * The demo's publications of one year (src/demo/demo-publishing-data.ts; 2024 has 50 in every
 * category, two normative documents among them), written for the demo bureau's employment unit by
 * the historical-import path, as loadDemo writes them. Returns their ids in order.
 */
export async function seedDemoPublications(db: Db, year: number): Promise<number[]> {
  return legacyItems(
    db,
    demoItems(year).map((d) => ({
      title: d.title,
      documentNumber: d.documentNumber ?? null,
      issuingAgencies: d.category === 'normative_document' ? ['岳阳市人力资源和社会保障局'] : [],
      formationDate: d.formationDate,
      publicationDate: d.publicationDate,
      category: d.category,
      art20Item: d.art20Item,
      topic: d.topic,
      genre: d.genre ?? null,
      bodyHtml: d.body,
      channels: d.channels,
    })),
  );
}

/**
 * The demo's organisation and its 50 publications of 2024 (a catalog of three pages in every
 * category): what most suites need of the demo, at a tenth of its cost. Returns the items' ids.
 */
export async function seedSmallDemo(handle: DatabaseHandle): Promise<number[]> {
  await seedDemoOrganisation(handle);
  return seedDemoPublications(handle.db, 2024);
}

export async function testApp(handle: DatabaseHandle, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), handle, false);
  await app.ready();
  return app;
}

/** One browser-like client: keeps cookies and finds the CSRF token on the last page. */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  /** `ip`: the client address the server sees (sign-in throttling counts per source). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { ip?: string } = {},
  ) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (match) this.csrfToken = match[1];
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
    });
    this.remember(res);
    return res;
  }

  /** Posts a form; the CSRF token of the last page is added unless `_csrf` is given (or null). */
  async post(
    url: string,
    form: Record<string, string | null> = {},
    method: 'POST' | 'PUT' | 'DELETE' | 'PATCH' = 'POST',
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const fields: Record<string, string> = {};
    if (!('_csrf' in form) && this.csrfToken) fields._csrf = this.csrfToken;
    for (const [k, v] of Object.entries(form)) if (v !== null) fields[k] = v;
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams(fields).toString(),
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
    });
    this.remember(res);
    return res;
  }

  /** Signs in like a browser: the sign-in form, then the page it leads to (whose CSRF token,
   *  bound to the new session, the next post carries). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const res = await this.post('/sign-in', { username, password });
    if (res.statusCode === 303 && typeof res.headers.location === 'string') await this.get(res.headers.location);
    return res;
  }
}
