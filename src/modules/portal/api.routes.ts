// Open data: the public catalog and its items as JSON under /api/v1, described by their schemas
// in /api/v1/openapi.json. The response schemas also serialise the answers, so only the listed
// fields can ever leave (no internal columns by accident).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { Type, type Static } from '@sinclair/typebox';
import { validities } from '../publishing/index.ts';
import { portalStore as store } from './portal.store.ts';
import { catalogQuery, catalogSorts, parseCatalogQuery, plainText, portalCategories } from './portal.ts';
import { loadPublicItem } from './public-item.ts';
import { positiveId, serveData } from './portal-support.ts';
import { baseOf } from './feeds.routes.ts';

const text = Type.Union([Type.String(), Type.Null()]);

export const CatalogEntry = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String(),
    title: Type.String(),
    index_number: Type.String(),
    document_number: text,
    agency_code: Type.String(),
    agency_name: Type.String(),
    catalog_category: Type.String(),
    art20_item: Type.Union([Type.Integer(), Type.Null()]),
    formation_date: Type.String(),
    publication_date: text,
    validity: text,
  },
  { additionalProperties: false },
);

export const CatalogResponse = Type.Object(
  { total: Type.Integer(), page: Type.Integer(), page_size: Type.Integer(), items: Type.Array(CatalogEntry) },
  { additionalProperties: false },
);

export const ItemResponse = Type.Object(
  {
    ...CatalogEntry.properties,
    issuing_agencies: Type.Array(Type.String()),
    summary: text,
    body_html: Type.String(),
    body_text: Type.String(),
    validity_history: Type.Array(
      Type.Object(
        { validity: Type.String(), effective_date: Type.String(), note: text },
        { additionalProperties: false },
      ),
    ),
    attachments: Type.Array(
      Type.Object(
        { id: Type.Integer(), filename: Type.String(), kind: Type.String(), size: Type.Integer(), url: Type.String() },
        { additionalProperties: false },
      ),
    ),
    related: Type.Array(
      Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() }, { additionalProperties: false }),
    ),
    corrections: Type.Array(
      Type.Object(
        { version_no: Type.Integer(), change_note: text, date: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.Optional(Type.Unknown()), reason: Type.Optional(text) }),
});

const CatalogQuery = Type.Object({
  art20: Type.Optional(Type.String({ description: '1–15: item of Art. 20' })),
  category: Type.Optional(Type.String({ enum: [...portalCategories] })),
  agency: Type.Optional(Type.String({ description: 'agency code (see /api/v1/agencies)' })),
  year: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
  validity: Type.Optional(Type.String({ enum: [...validities] })),
  sort: Type.Optional(Type.String({ enum: [...catalogSorts] })),
  page: Type.Optional(Type.String({ pattern: '^\\d+$' })),
});

export function apiRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get(
    '/api/v1/catalog',
    {
      config: { public: true },
      schema: {
        summary: '公开目录 / Public catalog',
        description: 'Published items with the same filters as /catalog, 20 per page, newest first.',
        tags: ['portal'],
        querystring: CatalogQuery,
        response: { 200: CatalogResponse },
      },
    },
    async (req, reply) => {
      const filter = parseCatalogQuery(req.query);
      const base = baseOf(req);
      return serveData(db, req, reply, `${base}/api/v1/catalog${catalogQuery(filter)}`, async () => {
        const { total, rows } = await store.catalog(db, filter);
        const body: Static<typeof CatalogResponse> = {
          total,
          page: filter.page ?? 1,
          page_size: filter.pageSize ?? 20,
          items: rows.map((r) => ({
            id: r.id,
            url: `${base}/items/${r.id}`,
            title: r.title,
            index_number: r.index_number,
            document_number: r.document_number,
            agency_code: r.agency_code,
            agency_name: r.agency_name,
            catalog_category: r.catalog_category,
            art20_item: r.art20_item,
            formation_date: r.formation_date,
            publication_date: r.publication_date,
            validity: r.validity,
          })),
        };
        return { type: 'application/json; charset=utf-8', body: JSON.stringify(body) };
      });
    },
  );

  routes.get(
    '/api/v1/items/:id',
    {
      config: { public: true },
      schema: {
        summary: '公开信息 / Published item',
        description:
          'One published item with its metadata, text, attachments, validity history and corrections. A withdrawn item answers 410 with the public reason; anything never published answers 404.',
        tags: ['portal'],
        params: Type.Object({ id: Type.String({ pattern: '^\\d+$' }) }),
        response: { 200: ItemResponse, 404: ErrorBody, 410: ErrorBody },
      },
    },
    async (req, reply) => {
      const id = positiveId(req.params.id);
      if (id === undefined) return reply.code(404).send({ error: { code: 'not_found' } });
      const base = baseOf(req);
      return serveData(db, req, reply, `${base}/api/v1/items/${id}`, async () => {
        const view = await loadPublicItem(db, id);
        const json = (status: number, body: unknown) => ({
          status,
          type: 'application/json; charset=utf-8',
          body: JSON.stringify(body),
        });
        if (view.kind === 'none') return json(404, { error: { code: 'not_found' } });
        if (view.kind === 'withdrawn') return json(410, { error: { code: 'withdrawn', reason: view.notice.reason } });
        const { item, validity, attachments, linked, corrections } = view.record;
        let issuers: string[] = [];
        try {
          issuers = JSON.parse(item.issuing_agencies) as string[];
        } catch {
          issuers = [];
        }
        const body: Static<typeof ItemResponse> = {
          id: item.id,
          url: `${base}/items/${item.id}`,
          title: item.title,
          index_number: item.index_number,
          document_number: item.document_number,
          agency_code: item.agency_code,
          agency_name: item.agency_name,
          catalog_category: item.catalog_category,
          art20_item: item.art20_item,
          formation_date: item.formation_date,
          publication_date: item.publication_date,
          validity: validity.at(-1)?.validity ?? null,
          issuing_agencies: issuers.length ? issuers : [item.agency_name],
          summary: item.summary,
          body_html: item.body_html,
          body_text: plainText(item.body_html, 1_000_000),
          validity_history: validity.map((v) => ({
            validity: v.validity,
            effective_date: v.effective_date,
            note: v.note,
          })),
          attachments: attachments.map((a) => ({
            id: a.id,
            filename: a.filename,
            kind: a.kind,
            size: Number(a.size),
            url: `${base}/items/${item.id}/attachments/${a.id}`,
          })),
          related: linked.map((l) => ({ id: l.id, title: l.title, url: `${base}/items/${l.id}` })),
          corrections: corrections.map((c) => ({
            version_no: c.version_no,
            change_note: c.change_note,
            date: c.created_at.slice(0, 10),
          })),
        };
        return json(200, body);
      });
    },
  );
}
