// Every user-facing text exists in Chinese (the default) and English, side by side, so that a
// message can never be added in one language only.
export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];

export interface Text {
  readonly zh: string;
  readonly en: string;
}

const catalog = new Map<string, Text>();

/** A module's table of texts. Defining it registers nothing: the composition root (src/composition.ts)
 *  registers the tables its modules declare, so importing a file never changes what pages show. */
export function defineMessages<K extends string>(messages: Record<K, Text>): Record<K, Text> {
  return messages;
}

/** Adds tables to the catalog; a key registered again with other texts is a programming error. */
export function registerMessages(...tables: readonly Readonly<Record<string, Text>>[]): void {
  for (const messages of tables)
    for (const [key, text] of Object.entries(messages)) {
      const existing = catalog.get(key);
      if (existing && (existing.zh !== text.zh || existing.en !== text.en)) {
        throw new Error(`message ${key} defined twice with different texts`);
      }
      catalog.set(key, text);
    }
}

/** Every registered key (for the tests of the wiring). */
export function registeredMessageKeys(): string[] {
  return [...catalog.keys()];
}

/** Whether a message exists (a missing one would reach the page as its key). */
export function hasMessage(key: string): boolean {
  return catalog.has(key);
}

export type Params = Record<string, string | number>;

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(locale: Locale, key: string, params?: Params): string {
  const text = catalog.get(key);
  if (!text) return key;
  return interpolate(locale === 'en' ? text.en : text.zh, params);
}

export function textOf(key: string, params?: Params): Text {
  const text = catalog.get(key);
  if (!text) return { zh: key, en: key };
  return { zh: interpolate(text.zh, params), en: interpolate(text.en, params) };
}

export function pick(locale: Locale, text: Text): string {
  return locale === 'en' ? text.en : text.zh;
}

export function parseLocale(value: unknown): Locale | undefined {
  if (value === 'en' || value === 'en-US' || value === 'en-GB') return 'en';
  if (value === 'zh-CN' || value === 'zh' || value === 'zh-Hans') return 'zh-CN';
  return undefined;
}

export type Translator = (key: string, params?: Params) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
