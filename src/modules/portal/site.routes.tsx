// The agency sections (站群: /agencies/:code with its paper application form) and the site map
// (/sitemap, 网站地图). Public, read-only, through the page cache like every portal page.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { contentDisposition, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { portalStore as store } from './portal.store.ts';
import { html, serveData, servePage } from './portal-support.ts';
import { presentGuideAgency } from './agency.presenter.ts';
import { publishedReports } from './report-registry.ts';
import { portalCategories } from './portal.ts';
import { AgencySectionPage, SitemapPage } from './views/agency-section.tsx';
import { DOCX_MIME, paperFormDocx } from './paper-form.ts';

const CODE = /^[a-z0-9-]{1,64}$/;

export function siteRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const pub = { config: { public: true } };
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const byCode = { ...pub, schema: { params: Type.Object({ code: Type.String() }) } };

  async function agencyAndOffice(code: string) {
    const agency = CODE.test(code) ? await store.agencyByCode(db, code) : undefined;
    if (!agency) return undefined;
    const office = agency.disclosure_office_unit_id
      ? ((await store.unit(db, agency.disclosure_office_unit_id))?.name ?? null)
      : null;
    return { agency, office };
  }

  routes.get('/agencies/:code', byCode, async (req, reply) => {
    const found = await agencyAndOffice(req.params.code);
    if (!found) return reply.callNotFound();
    const { agency, office } = found;
    return servePage(db, req, reply, `/agencies/${agency.code}`, async (ctx) => {
      const [counts, art20, reports] = await Promise.all([
        store.countsByAgency(db),
        store.art20Counts(db, agency.code),
        publishedReports(db),
      ]);
      return html(
        <AgencySectionPage
          ctx={ctx}
          data={{
            agency: presentGuideAgency(agency),
            office,
            items: counts.get(agency.id) ?? 0,
            art20,
            reports: reports.filter((r) => r.agencyCode === agency.code),
          }}
        />,
      );
    });
  });

  routes.get('/agencies/:code/application-form.docx', byCode, async (req, reply) => {
    const found = await agencyAndOffice(req.params.code);
    if (!found) return reply.callNotFound();
    const { agency, office } = found;
    reply.header(
      'content-disposition',
      contentDisposition('attachment', `${agency.short_name ?? agency.name}政府信息公开申请表.docx`),
    );
    return serveData(db, req, reply, `/agencies/${agency.code}/application-form.docx`, async () => ({
      type: DOCX_MIME,
      body: await paperFormDocx({
        name: agency.name,
        office,
        address: agency.address,
        postcode: agency.postcode,
        phone: agency.phone,
      }),
    }));
  });

  app.get('/sitemap', pub, async (req, reply) =>
    servePage(db, req, reply, '/sitemap', async (ctx) => {
      const agencies = await store.agencies(db);
      return html(
        <SitemapPage
          ctx={ctx}
          data={{ agencies: agencies.map((a) => ({ code: a.code, name: a.name })), categories: portalCategories }}
        />,
      );
    }),
  );
}
