// Limits on request bodies that the parsers do not set themselves. JSON: a body nested thousands
// deep parses (V8's JSON.parse is iterative) but then crashes whatever walks it recursively — a
// form reader's String(value), a validator — with a stack overflow, a 500 at best. No route of
// ours takes anything nested more than a few levels, so bodies deeper than MAX_JSON_DEPTH are
// refused with 400 before they are parsed at all.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { textOf } from '../i18n/i18n.ts';

export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counting no further than `stop`
 *  (strings are skipped, escapes included). Linear, no recursion, no allocation. */
export function jsonDepth(text: string, stop = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stop) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export function registerJsonLimits(app: FastifyInstance): void {
  // Fastify's own parser (secure-json-parse: __proto__ and constructor keys refused) does the rest.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return done(new AppError(400, 'too_deep', textOf('error.json_too_deep', { max: MAX_JSON_DEPTH })), undefined);
    parse(req, text, done);
  });
}
