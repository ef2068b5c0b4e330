// The HTML forms of a page, read the way a browser submits them: action, method, encoding, and
// each named control with its current value and the values it offers (select options, radios).
// Our pages are server-rendered by one renderer, so their markup is regular enough for this.

export interface FormField {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly options: string[];
}

export interface PageForm {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly multipart: boolean;
  readonly fields: FormField[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!;
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (/^#\d/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? '');
  return out;
}

export function parseForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]!);
    const inner = m[2]!;
    const fields = new Map<string, FormField>();
    const add = (name: string | undefined, type: string, value: string, option?: string) => {
      if (!name || name === '_csrf') return;
      const known = fields.get(name);
      if (known) {
        if (option !== undefined) known.options.push(option);
        return;
      }
      fields.set(name, { name, type, value, options: option !== undefined ? [option] : [] });
    };
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const sa = attributes(s[1]!);
      const options = [...s[2]!.matchAll(/<option\b([^>]*)>/gi)].map((o) => attributes(o[1]!).value ?? '');
      add(sa.name, 'select', options[0] ?? '');
      for (const o of options) fields.get(sa.name ?? '')?.options.push(o);
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      add(attributes(t[1]!).name, 'textarea', decodeEntities(t[2]!));
    }
    for (const i of inner.matchAll(/<(input|button)\b([^>]*)>/gi)) {
      const a = attributes(i[2]!);
      const type = (a.type ?? (i[1]!.toLowerCase() === 'button' ? 'submit' : 'text')).toLowerCase();
      if (type === 'radio' || type === 'checkbox') add(a.name, type, '', a.value ?? 'on');
      else add(a.name, type, a.value ?? '');
    }
    const action = attrs.action
      ? new URL(attrs.action, `http://localhost${pageUrl}`)
      : new URL(pageUrl, 'http://localhost');
    forms.push({
      action: action.pathname + action.search,
      method: (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      multipart: (attrs.enctype ?? '').toLowerCase() === 'multipart/form-data',
      fields: [...fields.values()],
    });
  }
  return forms;
}
