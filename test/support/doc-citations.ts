// Finds citations of the project's documentation in code and docs, and what is wrong with them: a
// cited page or anchor that does not exist, or a reference to something a reader who cloned the
// repository does not have (the old shared rules file, a folder beside the project). Pure functions
// over file texts, so a test can show each failure on a made-up file; `checkRepository` reads the
// tree. Anchors are the explicit `<a id>`s that docs/domain/README.md#anchors asks for, plus the ones
// GitHub derives from headings, so a citation works wherever GitHub renders it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

export interface CitationProblem {
  file: string;
  line: number;
  message: string;
}

/** Where citations are looked for, relative to the repository root. */
export const CITING_ROOTS = ['src', 'test', 'bench', 'scripts', 'migrations', 'docs', 'README.md'];

const TEXT_FILE = /\.(ts|tsx|mts|mjs|cjs|js|json|md|sql|css|html|txt|ya?ml)$/;

// Built from pieces so that this file does not cite what it forbids.
const FORBIDDEN: { pattern: RegExp; message: string }[] = [
  {
    pattern: new RegExp(String.raw`(?<![\w-])rules\.md\b`),
    message: 'cites rules' + '.md, which is not in the repository: cite the docs/domain section instead',
  },
  {
    pattern: new RegExp(String.raw`\.\./shared\b|(?<![\w-])shared\/domain\b|\/work\/shared\b`),
    message: `sends the reader outside the repository (the ${'shared'} folder beside it): cite docs/ instead`,
  },
  {
    // The design notes the project started from live beside the repository too.
    pattern: new RegExp(String.raw`(?<![\w/-])DESIGN\.md\b`),
    message: 'cites DE' + 'SIGN.md, which is not in the repository: cite docs/architecture.md or an ADR instead',
  },
];

/** `docs/…/page.md#anchor` written as a path from the repository root, in code or prose. */
const ROOT_PATH_CITATION = /(?<![\w./-])docs\/[\w./-]*?\.md(?:#([\w-]+))?/g;
/** A Markdown link or image target: `](target)`. */
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * The anchor GitHub gives a heading: the rendered text lowercased, everything but letters, digits,
 * spaces, hyphens and underscores dropped, each space made a hyphen. Inline markup is rendered
 * first (HTML tags vanish, a link keeps its text, code and emphasis keep their content).
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*~]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every anchor a Markdown page offers: explicit ids and heading slugs (numbered when repeated). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fenceMark = /^\s*(```|~~~)/.exec(line);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1] ?? null;
      else if (fenceMark[1] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    for (const m of line.matchAll(/<a\s+(?:[^>]*?\s)?(?:id|name)\s*=\s*"([^"]+)"/g)) anchors.add(m[1] ?? '');
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = githubSlug(heading[1] ?? '');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
  }
  return anchors;
}

/** A cited target, resolved to a path from the repository root. */
interface Citation {
  line: number;
  path: string;
  anchor: string | null;
  written: string;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The documentation citations in one file, given its path from the repository root. */
export function citationsIn(file: string, text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(ROOT_PATH_CITATION)) {
    const [written, anchor] = m;
    const path = written.split('#')[0] ?? written;
    out.push({ line: lineAt(text, m.index), path, anchor: anchor ?? null, written });
  }
  if (file.endsWith('.md')) {
    for (const m of text.matchAll(MARKDOWN_LINK)) {
      const target = m[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue; // a URL or site path
      const [pathPart = '', anchor] = target.split('#');
      if (pathPart !== '' && !pathPart.endsWith('.md')) continue; // code and data files are not checked here
      const path =
        pathPart === ''
          ? file
          : normalize(join(dirname(file), pathPart))
              .split(sep)
              .join('/');
      out.push({ line: lineAt(text, m.index), path, anchor: anchor || null, written: target });
    }
  }
  return out;
}

/** A Markdown page's text by its path from the repository root; undefined when there is none. */
export type PageReader = (path: string) => string | undefined;

/** Problems in one file, given its path from the repository root and its text. */
export function checkFile(file: string, text: string, readPage: PageReader): CitationProblem[] {
  const problems: CitationProblem[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const { pattern, message } of FORBIDDEN) {
      if (pattern.test(lineText)) problems.push({ file, line: i + 1, message });
    }
  });
  const anchorCache = new Map<string, Set<string>>();
  for (const c of citationsIn(file, text)) {
    const page = readPage(c.path);
    if (page === undefined) {
      problems.push({ file, line: c.line, message: `cites ${c.written}: ${c.path} does not exist` });
      continue;
    }
    if (c.anchor === null) continue;
    let anchors = anchorCache.get(c.path);
    if (!anchors) {
      anchors = anchorsOf(page);
      anchorCache.set(c.path, anchors);
    }
    if (!anchors.has(c.anchor)) {
      problems.push({ file, line: c.line, message: `cites ${c.written}: ${c.path} has no anchor #${c.anchor}` });
    }
  }
  return problems;
}

function collect(root: string, path: string, out: string[]): void {
  const full = join(root, path);
  if (!existsSync(full)) return;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory()) collect(root, child, out);
    else if (TEXT_FILE.test(entry.name)) out.push(child);
  }
}

/** The files that may cite documentation, as paths from the repository root. */
export function citingFiles(root: string): string[] {
  const out: string[] = [];
  for (const r of CITING_ROOTS) {
    if (r.includes('.')) {
      if (existsSync(join(root, r))) out.push(r);
    } else collect(root, r, out);
  }
  return out.sort();
}

/** Every problem in the repository at `root`. */
export function checkRepository(root: string): CitationProblem[] {
  const pages = new Map<string, string | undefined>();
  const readPage: PageReader = (path) => {
    if (!pages.has(path)) {
      const full = join(root, path);
      const inside = !relative(root, full).startsWith('..');
      pages.set(path, inside && path.endsWith('.md') && existsSync(full) ? readFileSync(full, 'utf8') : undefined);
    }
    return pages.get(path);
  };
  return citingFiles(root).flatMap((file) => checkFile(file, readFileSync(join(root, file), 'utf8'), readPage));
}
