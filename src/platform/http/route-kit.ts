// The small readers every route file needs. They lived as copies in each module (five idParams,
// three typedValues) and drifted apart; one copy keeps a bad id a 404 and a form echo free of the
// CSRF token everywhere. Route schemas (TypeBox) sit beside them, see docs/adr/0021.
import type { FastifyRequest, FastifyTypeProvider } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AppError, NotFoundError, ValidationError, type ValidationIssue } from '../errors.ts';

export { contentDisposition } from '../files/send.ts';
export { queryText } from './query.ts';

/** Database ids as they appear in a URL: no sign, no leading zero, fits an int column. */
const ID_PATTERN = /^[1-9]\d{0,8}$/;

/** A numeric route parameter; anything else is a page that does not exist. */
export function idParam(req: FastifyRequest, name = 'id'): number {
  const raw = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof raw !== 'string' || !ID_PATTERN.test(raw)) throw new NotFoundError();
  return Number(raw);
}

/** One text field of a posted form (or JSON body); undefined when absent or not text. */
export function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** A posted form or JSON body as its fields, an empty one when there is none: for a field that is
 *  not text (a repeated checkbox), or for handing the whole body to a service that reads it with
 *  readForm. A text field alone is `field(req.body, name)`. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The text fields as typed, for showing a form again: never the CSRF token, nor the fields
 *  `hidden` names (a proof-of-work answer, say). */
export function typedValues(body: unknown, hidden: (name: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>))
    if (typeof v === 'string' && k !== '_csrf' && !hidden(k)) out[k] = v;
  return out;
}

/** Makes a route schema's static type the type of req.params / req.query / req.body:
 *  `app.withTypeProvider<TypeBoxProvider>().get(url, { schema: { params: IdParams } }, ...)`.
 *  The schemas are compiled by Fastify's own ajv; this only carries their types. */
export interface TypeBoxProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}

/** A database id in a URL, kept as text (ajv would read "012" as 12, which idParam refuses). */
export const Id = Type.String({ pattern: ID_PATTERN.source });

/** `/things/:id`. A failed match is a 404, like idParam (server.tsx's error handler). */
export const IdParams = Type.Object({ id: Id });

/** Optional text in a query string (a flag like `?saved=1`, a filter). */
export const Text = Type.Optional(Type.String());

/** A name a query string may repeat (`?link=a&link=b`): always a list, one value included. */
export const TextList = Type.Optional(Type.Array(Type.String()));

/** A page's query string: a repeated name reads as its first value (queryText's rule), so a
 *  mangled link still shows the page instead of failing its schema; a name the schema declares a
 *  list (`TextList`) keeps every value. Use as the route's preValidation beside
 *  `schema: { querystring }`. */
export async function firstQueryValues(req: FastifyRequest): Promise<void> {
  const query = req.query as Record<string, unknown> | null;
  if (!query || typeof query !== 'object') return;
  const declared = (req.routeOptions.schema?.querystring as { properties?: Record<string, { type?: unknown }> })
    ?.properties;
  for (const [name, value] of Object.entries(query))
    if (Array.isArray(value) && declared?.[name]?.type !== 'array') query[name] = value[0];
}

/** A form page as shown: the values in its fields, the issues in its error summary, its status. */
export interface ShownForm<V> {
  readonly values: V;
  readonly issues?: readonly ValidationIssue[];
  readonly status?: number;
}

/** The status of a form shown again because its input was refused. JSON clients get the same
 *  from ValidationError through the error handler. */
const INVALID = 422;

/** A form shown again because its input was refused (ADR 0021): every issue — readForm's, the
 *  handler's own, or the service's ValidationError's — with the values as typed (typedValues, or
 *  readForm's values), and 422. The one place a page's 422 is decided: a route renders what this
 *  returns, e.g. `render(req, reply, invalidForm(error, typedValues(req.body)))`. */
export function invalidForm(problem: readonly ValidationIssue[] | ValidationError): Required<ShownForm<undefined>>;
export function invalidForm<V>(
  problem: readonly ValidationIssue[] | ValidationError,
  values: V,
): Required<ShownForm<V>>;
export function invalidForm<V>(
  problem: readonly ValidationIssue[] | ValidationError,
  values?: V,
): Required<ShownForm<V | undefined>> {
  return { values, issues: problem instanceof ValidationError ? problem.issues : problem, status: INVALID };
}

/** An error that refuses the input itself (422): a service's ValidationError, or a reader's
 *  AppError about an uploaded file (a spreadsheet in no format it reads), whose text says why. */
export function refusesInput(error: unknown): error is AppError {
  return error instanceof AppError && error.status === INVALID;
}

/** The status of a page that checks what it shows (a preview, a trial count, a search, an
 *  import's rows): 422 while it reports problems, 200 without. */
export function checkedStatus(problems: readonly unknown[]): number {
  return problems.length ? INVALID : 200;
}
