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
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
  transformTags: {
    // Links leave the site without telling it where they came from.
    a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
});

/** Clean HTML for storage and display. Idempotent: sanitizeBody(sanitizeBody(x)) === sanitizeBody(x). */
export function sanitizeBody(html: string): string {
  const { sanitize, options } = sanitizer();
  return sanitize(html, options).trim();
}

/** The text of a body (for summaries and search), without markup. */
export function bodyText(html: string): string {
  return sanitizer().sanitize(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
