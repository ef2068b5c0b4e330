// The OpenAPI document of /api/v1, built from the routes themselves: each API route's Fastify
// schema (summary, params, querystring, body, response) becomes its operation, so the document
// cannot drift from what is served.
import type { FastifyInstance } from 'fastify';

function toOpenApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

export function openApiDocument(app: FastifyInstance, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of app.routeTable) {
    if (!route.url.startsWith('/api/v1/') || route.url === '/api/v1/openapi.json') continue;
    const schema = (route.schema ?? {}) as Record<string, any>;
    const parameters: unknown[] = [];
    for (const name of route.url.match(/:(\w+)/g) ?? []) {
      parameters.push({
        name: name.slice(1),
        in: 'path',
        required: true,
        schema: schema.params?.properties?.[name.slice(1)] ?? { type: 'string' },
      });
    }
    for (const [name, prop] of Object.entries((schema.querystring?.properties ?? {}) as Record<string, unknown>)) {
      parameters.push({
        name,
        in: 'query',
        required: (schema.querystring?.required ?? []).includes(name),
        schema: prop,
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, body] of Object.entries((schema.response ?? { 200: {} }) as Record<string, unknown>)) {
      responses[status] = {
        description: (body as { description?: string }).description ?? 'OK',
        content: { 'application/json': { schema: body } },
      };
    }
    if (!route.public) responses['401'] = { description: 'Not signed in' };
    if (!route.public) responses['403'] = { description: 'Not allowed' };
    (paths[toOpenApiPath(route.url)] ??= {})[route.method.toLowerCase()] = {
      summary: schema.summary ?? `${route.method} ${route.url}`,
      description: schema.description,
      tags: schema.tags,
      parameters: parameters.length ? parameters : undefined,
      requestBody: schema.body
        ? { required: true, content: { 'application/json': { schema: schema.body } } }
        : undefined,
      responses,
      security: route.public ? [] : [{ session: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongkai API',
      version,
      description:
        '政府信息公开平台开放接口 / Government information disclosure platform API. Errors: {"error": {"code", "message": {"zh", "en"}, "issues": [...]}}.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    paths,
  };
}
