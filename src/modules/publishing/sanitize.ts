// The body of an information item is rich text typed or pasted by drafters and shown on the
// console and the portal. It is cleaned with sanitize-html (a maintained library, not our own
// regular expressions) on the way into the database, so that every later reader gets markup
// that carries no script, no event handler, no style and no foreign frame.
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// sanitize-html (with htmlparser2 and postcss) costs about 0.1 s of CPU to load, and the server
// needs it when a body is saved or summarised, not to start: it is required on first use —
// synchronously, as the callers are — and is then the same module an import would give.
const require = createRequire(import.meta.url);
let loaded: { sanitize: typeof sanitizeHtml; options: sanitizeHtml.IOptions } | undefined;

function sanitizer(): { sanitize: typeof sanitizeHtml; options: sanitizeHtml.IOptions } {
  if (!loaded) {
    const sanitize = require('sanitize-html') as typeof sanitizeHtml;
    loaded = { sanitize, options: options(sanitize) };
  }
  return loaded;
}

const options = (sanitize: typeof sanitizeHtml): sanitizeHtml.IOptions => ({
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'hr',
    'pre',
    'code',
    'span',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Drop the content of these entirely, not just the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'title', 'xml'],
  // Word pads with empty paragraphs (<p><o:p>&nbsp;</o:p></p>) for spacing; the stylesheet spaces
  // paragraphs, so they go. A cell or item that holds only a space is kept: it is structure.
  exclusiveFilter: (frame) => frame.tag === 'p' && frame.text.trim() === '' && !frame.mediaChildren.length,
  transformTags: {
    // Links leave the site without telling it where they came from.
    a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
});

// Markup the body form receives when a drafter pastes from Word or WPS, or writes HTML. Anything
// without one of these tags is plain text typed into the box, whose line breaks are its paragraphs.
const MARKUP =
  /<\/?(?:p|br|div|span|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|strong|b|em|i|u|s|sub|sup|a|font|blockquote|pre|code|hr|caption|o:p)\b[^>]*>/i;

/** Clean HTML for storage and display. Plain text keeps its lines as paragraphs; pasted Word/WPS
 *  markup keeps its paragraphs, lists and tables and loses the rest. Idempotent:
 *  sanitizeBody(sanitizeBody(x)) === sanitizeBody(x). */
export function sanitizeBody(input: string): string {
  const { sanitize, options } = sanitizer();
  const html = MARKUP.test(input) ? officeListsToHtml(input) : plainTextToHtml(input);
  return sanitize(html, options).trim();
}

/** Official documents are written one paragraph per line (indented, not separated by blank lines),
 *  so every non-empty line becomes a paragraph. */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('\n');
}

// Word marks a list item as a paragraph styled `mso-list`, its bullet or number wrapped in
// <![if !supportLists]>…<![endif]>; WPS writes the same. Runs of such paragraphs become one list,
// numbered when the first marker is a number or a Chinese ordinal.
const OFFICE_LIST_ITEM = /<p\b[^>]*mso-list:[^>]*>([\s\S]*?)<\/p>/gi;
const LIST_MARKER = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i;
const CONDITIONAL = /<!\[(?:if [^\]]*|endif)\]>/gi;

function officeListsToHtml(html: string): string {
  const marked = html.replace(OFFICE_LIST_ITEM, (_whole, inner: string) => {
    const marker = LIST_MARKER.exec(inner);
    const markerText = marker ? bodyText(marker[1] ?? '') : '';
    const kind = /^[(（]?[0-9一二三四五六七八九十]+[.、)）]/.test(markerText) ? 'ol' : 'ul';
    return `<li data-list="${kind}">${inner.replace(LIST_MARKER, '')}</li>`;
  });
  const listed = marked.replace(
    /<li data-list="(ul|ol)">[\s\S]*?<\/li>(?:\s*<li data-list="\1">[\s\S]*?<\/li>)*/g,
    (run, kind: string) => `<${kind}>${run.replace(/ data-list="(?:ul|ol)"/g, '')}</${kind}>`,
  );
  return listed.replace(CONDITIONAL, '');
}

/** The text of a body (for summaries and search), without markup. */
export function bodyText(html: string): string {
  return sanitizer().sanitize(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
