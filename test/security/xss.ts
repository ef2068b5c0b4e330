// The XSS suite (issue 14 suite 7): every payload of xss-payloads.ts is stored through the text
// fields that reach pages — catalog item title, summary and body (portal and console), applicant
// name and request text, a review's body, the annual report document's section text, the agency
// name — and sent through the query strings pages reflect (portal search, catalog filters,
// tracking code, the console's calendar trial and audit filter). Each page is rendered in Chromium
// with a dialog listener and a securitypolicyviolation listener, once with the CSP the server
// sends and once with the CSP header stripped (route interception): nothing may execute, and with
// escaping right nothing even reaches the point where the CSP has to block it.
//   bounded (CI):  test/security/xss.test.ts — all payloads, batched into few records and pages
//   long run:      npm run test:xss-long   — each payload in each field on its own
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { systemContext } from '../../src/platform/audit/audit.ts';
import {
  HistoricalWriter,
  writeBatch,
  type HistoricalItem,
} from '../../src/modules/catalog-import/historical.service.ts';
import { createApplicationsService } from '../../src/modules/applications/applications.service.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { createReconsiderationService } from '../../src/modules/reconsideration/reconsideration.service.ts';
import { Client, testConfig } from '../support/app.ts';
import { launchBrowser, signIn, startServer, type LiveServer } from '../support/browser.ts';
import { parseForms } from './forms.ts';
import { chunks, xssPayloads } from './xss-payloads.ts';

export interface XssResult {
  payloads: number;
  records: number;
  pages: number;
  loads: number;
  executed: number;
  cspViolations: number;
  failures: string[];
}

interface Visit {
  /** null: anonymous (portal); otherwise the demo user whose console shows the page. */
  user: string | null;
  url: string;
  /** A query string the page reflects; it may answer 4xx with its form (stored records answer 200). */
  reflected?: boolean;
}

/** `browser`: one to work in (the suite's shared browser), left open; without it, one of its own. */
export async function runXss(options: {
  long: boolean;
  log?: (line: string) => void;
  browser?: () => Promise<Browser>;
}): Promise<XssResult> {
  const payloads = xssPayloads();
  // The demo's people and agencies; the records are the payloads' own (the catalog adds nothing).
  const server = await startServer({ demo: 'organisation' });
  let own: Browser | undefined;
  try {
    const { visits, records } = await store(server, payloads, options.long);
    const browser = options.browser ? await options.browser() : (own = await launchBrowser());
    const result: XssResult = {
      payloads: payloads.length,
      records,
      pages: visits.length,
      loads: 0,
      executed: 0,
      cspViolations: 0,
      failures: [],
    };
    for (const csp of [true, false]) {
      const pages = new Map<string | null, Page>();
      for (const visit of visits) {
        let page = pages.get(visit.user);
        if (!page) {
          page = await openPage(browser, server, visit.user, csp, result);
          pages.set(visit.user, page);
        }
        const response = await page.goto(`${server.url}${visit.url}`, { waitUntil: 'load' });
        // Error handlers of broken images, SVG animations and autofocus run just after load.
        await page.waitForTimeout(60);
        result.loads++;
        const status = response?.status() ?? 0;
        if (status >= 500 || status === 0 || (!visit.reflected && status !== 200))
          result.failures.push(`${visit.url.slice(0, 120)} answered ${status}`);
        if (result.loads % 50 === 0) options.log?.(`${result.loads} pages rendered, ${result.executed} executed`);
      }
      for (const page of pages.values()) await page.context().close();
    }
    return result;
  } finally {
    await own?.close();
    await server.stop();
  }
}

async function openPage(
  browser: Browser,
  server: LiveServer,
  user: string | null,
  csp: boolean,
  result: XssResult,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (user) {
    await signIn(page, server.url, user);
  }
  // Stripped only after signing in, so the session cookie is set by the real response.
  if (!csp) {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
  }
  await context.exposeBinding('__gkViolation', ({ page }, detail: string) => {
    result.cspViolations++;
    result.failures.push(`CSP ${csp ? 'on' : 'off'}: violation on ${page.url()}: ${detail}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __gkViolation(d: string): void }).__gkViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      ),
    );
  });
  page.on('dialog', (dialog) => {
    result.executed++;
    result.failures.push(`CSP ${csp ? 'on' : 'off'}: ${dialog.type()}(${dialog.message()}) on ${page.url()}`);
    void dialog.dismiss();
  });
  return page;
}

/** Stores the payloads in every field and returns the pages that show them. */
async function store(
  server: LiveServer,
  payloads: string[],
  long: boolean,
): Promise<{ visits: Visit[]; records: number }> {
  const db = server.handle.db;
  const agency = await db
    .selectFrom('agencies')
    .selectAll()
    .where('code', '=', 'huarong-hrss')
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('agency_id', '=', agency.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const visits: Visit[] = [];
  let records = 0;

  // Catalog items, written as the historical import writes them (the portal shows them at once).
  const titles = chunks(payloads, 300, long);
  const summaries = chunks(payloads, 2000, long);
  const bodies = long ? payloads : [payloads.join('\n')];
  const count = Math.max(titles.length, summaries.length, bodies.length);
  const writer = new HistoricalWriter(systemContext, 'xss suite');
  await writer.prepare(db);
  const itemIds: number[] = [];
  await writeBatch(
    db,
    Array.from({ length: count }, (_, i) => ({
      row: i + 1,
      value: {
        agencyId: agency.id,
        unitId: unit.id,
        title: titles[i % titles.length]!,
        summary: i < summaries.length ? summaries[i] : null,
        bodyHtml: i < bodies.length ? `<p>${bodies[i]}</p>${bodies[i]}` : null,
        keywords: i < titles.length ? titles[i] : null,
        issuingAgencies: [agency.name],
        formationDate: '2024-03-01',
        publicationDate: '2024-03-04',
        category: 'work_news',
      } as HistoricalItem,
    })),
    async (trx, item) => {
      itemIds.push((await writer.write(trx, item)).id);
    },
    { savepoints: false },
  );
  records += itemIds.length;
  const pagesOfCatalog = Math.ceil(itemIds.length / 20);
  for (let p = 1; p <= pagesOfCatalog; p++)
    visits.push({ user: null, url: `/agencies/huarong-hrss/catalog?page=${p}` });
  const detailed = long ? itemIds : itemIds.slice(0, Math.max(summaries.length, bodies.length));
  for (const id of detailed) {
    visits.push({ user: null, url: `/items/${id}` });
    visits.push({ user: 'hr-officer', url: `/admin/items/${id}` });
  }
  visits.push({ user: 'hr-officer', url: '/admin/items' });

  // Applications: the applicant's name and the request text.
  const config = testConfig();
  const vault = createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir));
  const applications = createApplicationsService(vault);
  const reconsiderationService = createReconsiderationService(vault);
  const names = chunks(payloads, 100, long);
  const texts = chunks(payloads, 2000, long);
  const appIds: number[] = [];
  for (let i = 0; i < Math.max(names.length, texts.length); i++) {
    const registered = await applications.registerAtCounter(db, systemContext, agency.id, {
      channel: 'in_person',
      submitted_on: '2026-11-02',
      assigned_unit_id: String(unit.id),
      applicant_kind: 'natural_person',
      applicant_name: names[i % names.length]!,
      id_number: '11010519491231002X',
      phone: '13800000000',
      description: texts[i % texts.length]!,
      form_wanted: 'electronic',
      delivery_way: 'pickup',
    });
    appIds.push(registered.id);
  }
  records += appIds.length;
  visits.push({ user: 'hr-officer', url: '/admin/applications' });
  for (const id of long ? appIds : appIds.slice(0, texts.length))
    visits.push({ user: 'hr-officer', url: `/admin/applications/${id}` });

  // A reconsideration case: the reconsideration body's name.
  const bodies100 = chunks(payloads, 100, long);
  for (const [i, body] of bodies100.entries()) {
    const id = await reconsiderationService.create(db, systemContext, agency.id, {
      kind: 'reconsideration',
      body,
      filed_on: '2026-01-02',
    });
    records++;
    // The list shows every case's body; in the bounded run one case page stands for the rest.
    if (long || i === 0) visits.push({ user: 'hr-officer', url: `/admin/reviews/${id}` });
  }
  visits.push({ user: 'hr-officer', url: '/admin/reviews' });

  // The annual report document's section text, through its own form.
  const officer = new Client(server.app);
  await officer.signIn('hr-officer');
  await officer.get('/admin/report-documents');
  const started = await officer.post('/admin/report-documents', { agency: 'huarong-hrss', year: '2025' });
  const docUrl = String(started.headers.location ?? '').replace(/\?.*$/, '');
  if (!/^\/admin\/report-documents\/\d+$/.test(docUrl))
    throw new Error(`report document not started: ${started.statusCode}`);
  for (const text of chunks(payloads, 20_000, long)) {
    const page = await officer.get(docUrl);
    const form = parseForms(page.body, docUrl).find((f) => f.action.endsWith('/sections'));
    if (!form) throw new Error('no section form on the report document page');
    const values: Record<string, string> = {};
    for (const f of form.fields) values[f.name] = f.value;
    const textField = form.fields.find((f) => f.type === 'textarea')!;
    values[textField.name] = text;
    const saved = await officer.post(form.action, values);
    if (saved.statusCode >= 400) throw new Error(`section not saved: ${saved.statusCode}`);
    records++;
    visits.push({ user: 'hr-officer', url: docUrl });
  }

  // The agency's name, shown on the portal's agency pages and in the console.
  await db
    .updateTable('agencies')
    .set({ name: `华容县人社局${chunks(payloads, 200, long)[0]}` })
    .where('id', '=', agency.id)
    .execute();
  visits.push({ user: null, url: '/agencies' });

  // Query strings that pages reflect.
  // Each URL carries one parameter, so a piece of 3,000 characters stays within the URL limit.
  for (const q of chunks(payloads, 3000, long)) {
    const v = encodeURIComponent(q);
    visits.push({ user: null, reflected: true, url: `/search?q=${v}` });
    visits.push({ user: null, reflected: true, url: `/catalog?agency=${v}` });
    visits.push({ user: null, reflected: true, url: `/apply/track?code=${v}` });
    visits.push({ user: 'hr-officer', reflected: true, url: `/admin/calendar?from=${v}` });
    visits.push({ user: 'auditor', reflected: true, url: `/admin/audit?action=${v}` });
  }
  visits.push({
    user: null,
    reflected: true,
    url: `/catalog?year=${encodeURIComponent(payloads[0]!)}&category=${encodeURIComponent(payloads[3]!)}`,
  });
  visits.push({ user: 'hr-officer', reflected: true, url: `/admin/calendar?days=${encodeURIComponent(payloads[8]!)}` });
  return { visits, records };
}

export function formatXss(r: XssResult): string {
  return [
    `payloads tried: ${r.payloads}, executed: ${r.executed}, CSP violations: ${r.cspViolations}`,
    `records: ${r.records}, pages: ${r.pages} (× CSP on and off = ${r.loads} renderings)`,
    ...r.failures.slice(0, 30).map((f) => `  ${f}`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Run on its own, it wires the modules as the server does (the test entry does it otherwise).
  (await import('../../src/composition.ts')).wireModules();
  const result = await runXss({ long: process.argv.includes('--long'), log: (l) => process.stderr.write(`${l}\n`) });
  console.log(formatXss(result));
  process.exitCode = result.executed + result.cspViolations + result.failures.length === 0 ? 0 : 1;
}
