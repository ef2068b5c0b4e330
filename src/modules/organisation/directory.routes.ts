// The public agency directory: who the agencies are and how to reach them, for the portal, other
// agencies' systems and the open-data API. Only the agency's own public contact details — no
// people, no units, no internal settings. The response schema also serialises the answer, so a
// column added to the agencies table later cannot leak through here by accident.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { organisationStore as store } from './organisation.store.ts';

const nullableText = Type.Union([Type.String(), Type.Null()]);

export const DirectoryAgency = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    short_name: nullableText,
    level: Type.String(),
    kind: Type.String(),
    parent_code: nullableText,
    address: nullableText,
    postcode: nullableText,
    phone: nullableText,
    office_hours: nullableText,
    website: nullableText,
  },
  { additionalProperties: false },
);
export type DirectoryAgency = Static<typeof DirectoryAgency>;

export const DirectoryResponse = Type.Object(
  { agencies: Type.Array(DirectoryAgency) },
  { additionalProperties: false },
);

export function directoryRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/agencies',
    {
      config: { public: true },
      schema: {
        summary: '机关名录 / Agency directory',
        description: 'Public contact details of every agency on the platform (no people, no internal settings).',
        tags: ['organisation'],
        response: { 200: DirectoryResponse },
      },
    },
    async (_req, reply) => {
      const agencies = await store.agencies(db);
      const codes = new Map(agencies.map((a) => [a.id, a.code]));
      const body: Static<typeof DirectoryResponse> = {
        agencies: agencies.map((a) => ({
          code: a.code,
          name: a.name,
          short_name: a.short_name,
          level: a.level,
          kind: a.kind,
          parent_code: a.parent_id === null ? null : (codes.get(a.parent_id) ?? null),
          address: a.address,
          postcode: a.postcode,
          phone: a.phone,
          office_hours: a.office_hours,
          website: a.website,
        })),
      };
      reply.header('cache-control', 'public, max-age=300');
      return body;
    },
  );
}
