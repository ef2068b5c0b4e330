// GET /api/v1/search: the search service as JSON (the portal's /search page renders the same).
// Public, validated by its schema, rate-limited per address: a search is cheap but not free.
// The server also brings an index of an older format up to date in the background once it listens.
import type { FastifyInstance } from 'fastify';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import { upgradeIndex } from './search.index.ts';
import { Type } from '@sinclair/typebox';
import type { TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { catalogCategories, validities } from '../publishing/index.ts';
import { organisationStore } from '../organisation/index.ts';
import { MAX_PAGE_SIZE, searchService, TOTAL_CAP } from './search.ts';

const text = Type.Union([Type.String(), Type.Null()]);

export const SearchResponse = Type.Object(
  {
    total: Type.Integer({
      description: `the number of matching items; when totalCapped is true, a lower bound (counting stops after ${TOTAL_CAP} matches, or after the page asked for when that is further)`,
    }),
    totalCapped: Type.Optional(
      Type.Boolean({ description: 'present and true when there are more matches than total ("1000+")' }),
    ),
    results: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          title: Type.String(),
          url: Type.String(),
          snippet: Type.String({ description: 'HTML: escaped text, matches wrapped in <mark>' }),
          indexNumber: Type.String(),
          documentNumber: text,
          publicationDate: text,
          agencyName: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    didYouMean: Type.Optional(
      Type.String({ description: 'the exact document number (文号) when the query was one typed loosely' }),
    ),
    widenedWith: Type.Optional(
      Type.Array(Type.String(), {
        description: 'forms the synonym dictionary added to the words of q (社保 → 社会保险), also searched',
      }),
    ),
    splitInto: Type.Optional(
      Type.Array(Type.String(), {
        description: 'when q as typed found nothing: the words it was split into; the results hold all of them',
      }),
    ),
  },
  { additionalProperties: false },
);

const SearchQuerystring = Type.Object({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'words separated by spaces: results contain every word (after normalising width, case and brackets), each word also in the forms the synonym dictionary gives; "a phrase in quotes" is matched exactly and not widened; without q the answer is empty',
    }),
  ),
  agency: Type.Optional(
    Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'agency code (see /api/v1/agencies)' }),
  ),
  category: Type.Optional(Type.String({ enum: [...catalogCategories] })),
  year: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
  validity: Type.Optional(Type.String({ enum: [...validities] })),
  page: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,3}$' })),
  page_size: Type.Optional(Type.String({ pattern: '^[1-9]\\d?$', description: `1–${MAX_PAGE_SIZE}` })),
});

const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String() }) });

/** Re-checked hourly, so a database restored from an older backup is upgraded too. */
export const INDEX_UPGRADE_INTERVAL_MS = 3_600_000;

/** Upgrades the stored index to the current format, on start and hourly while the server runs. */
export function searchIndexUpgradeJob(app: FastifyInstance): BackgroundJob {
  const db = app.deps.database.db;
  return {
    name: 'search index upgrade',
    intervalMs: INDEX_UPGRADE_INTERVAL_MS,
    runOnListen: true,
    run: () => upgradeIndex(db),
  };
}

export function searchRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  app.withTypeProvider<TypeBoxProvider>().get(
    '/api/v1/search',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary: '全文检索 / Search',
        description:
          'Published items whose title, document number, summary, text, keywords or attachments contain every word of q, ranked by relevance with a recency boost, 10 per page by default.',
        tags: ['portal'],
        querystring: SearchQuerystring,
        response: { 200: SearchResponse, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const query = req.query;
      const q = (query.q ?? '').trim();
      if (!q) return { total: 0, results: [] };
      let agencyId: number | undefined;
      if (query.agency) {
        const agency = await organisationStore.agencyByCode(db, query.agency);
        agencyId = agency?.id ?? -1;
      }
      const pageSize = query.page_size ? Math.min(MAX_PAGE_SIZE, Number(query.page_size)) : 10;
      const answer = await searchService.search(db, {
        q,
        agencyId,
        category: query.category,
        year: query.year ? Number(query.year) : undefined,
        validity: query.validity,
        page: query.page ? Number(query.page) : 1,
        pageSize,
      });
      reply.header('cache-control', 'public, max-age=60');
      return answer;
    },
  );
}
