// The XSS payloads of the XSS suite: base payloads (script tags, event handlers, SVG/MathML,
// javascript: URLs, CSS expressions, breaking out of attributes, titles, textareas and script
// blocks, mutation XSS) each in several encodings (HTML entities, percent, JavaScript unicode
// escapes, full-width characters, double-encoded entities). Every one that ran would call alert(),
// which the suite's dialog listener counts.

const BASE = [
  '<script>alert(1)</script>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<img srcset=",,,,,x" onerror=alert(1)>',
  '<input type=image src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<x contenteditable autofocus onfocus=alert(1)>x</x>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">链接</a>',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" autofocus onfocus="alert(1)',
  "' autofocus onfocus='alert(1)",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  'javascript:alert(1)',
  '";alert(1);//',
  '${alert(1)}{{constructor.constructor("alert(1)")()}}',
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert(1) )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(1)//>\\x3e',
  '<img src="x` `<script>alert(1)</script>"` `>',
];

const fullWidth = (s: string) => s.replace(/[<>"'=()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const entities = (s: string) => s.replace(/[<>"'&]/g, (c) => `&#${c.charCodeAt(0)};`);
const unicodeEscapes = (s: string) => s.replace(/[<>"']/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);

/** Every payload once, in a fixed order (≥ 250). */
export function xssPayloads(): string[] {
  const out = new Set<string>();
  for (const base of BASE) {
    out.add(base);
    out.add(entities(base));
    out.add(encodeURIComponent(base));
    out.add(unicodeEscapes(base));
    out.add(fullWidth(base));
    out.add(entities(base).replace(/&/g, '&amp;'));
  }
  return [...out];
}

/**
 * Payloads joined into pieces of at most `max` characters, the field's limit; with `alone` (the long
 * run) one payload per piece. A payload longer than the limit is cut to it either way: the form
 * would refuse it whole, and what it stores is what must not execute.
 */
export function chunks(payloads: readonly string[], max: number, alone = false): string[] {
  if (alone) return payloads.map((p) => (p.length > max ? p.slice(0, max) : p));
  const out: string[] = [];
  let current = '';
  for (const p of payloads) {
    const piece = p.length > max ? p.slice(0, max) : p;
    if (current && current.length + 1 + piece.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}
