// A query string may repeat a name (?code=a&code=b), and the parser then gives an array where a
// handler expects a string; such a URL must be read like the first value, not end in a 500.

/** The first value of `name` in a parsed query string, or undefined. */
export function queryText(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
