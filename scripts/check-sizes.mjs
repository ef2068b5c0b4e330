// `npm run check:sizes`: files stay under 500 formatted lines and functions under 80 (docs/conventions.md:
// a long file is split by subject, a long function by its steps). Files: every .ts/.tsx/.mjs under src/,
// test/, bench/ and scripts/, tests included. Functions: every function, method and arrow under src/ but
// the test files themselves (a test's body is its cases); a function's own lines leave out the functions
// nested in it, so a route registrar or a service factory counts only its glue. The exceptions are listed,
// each with its reason, in scripts/check-sizes.allow.json; an entry that no longer matches anything is a
// finding too, so the list only shrinks. Exits 1 on any finding.
//   node scripts/check-sizes.mjs           the findings
//   node scripts/check-sizes.mjs --list    every file and function over the limits, allowed or not
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url).pathname;
export const FILE_LIMIT = 500;
export const FUNCTION_LIMIT = 80;
const FILE_DIRS = ['src', 'test', 'bench', 'scripts'];
const SOURCE = /\.(tsx?|mjs)$/;
const TEST = /\.test\.tsx?$/;

function* sourceFiles(root, dir) {
  let names;
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const name of names) {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || path === 'test/fixtures') continue;
    if (statSync(join(root, path)).isDirectory()) yield* sourceFiles(root, path);
    else if (SOURCE.test(name)) yield path;
  }
}

/** Formatted lines of a text: its newline-terminated lines. */
export function lineCount(text) {
  return text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const isFunction = (n) =>
  ts.isFunctionDeclaration(n) ||
  ts.isArrowFunction(n) ||
  ts.isFunctionExpression(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isConstructorDeclaration(n) ||
  ts.isGetAccessorDeclaration(n) ||
  ts.isSetAccessorDeclaration(n);

function span(source, n) {
  const line = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  return line(n.getEnd()) - line(n.getStart(source)) + 1;
}

/** What a reader calls the function: its name, its variable or property, or the call it is handed to. */
function nameOf(node) {
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const p = node.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p))) return p.name.getText();
  if (p && ts.isCallExpression(p)) {
    const first = p.arguments[0];
    return `${p.expression.getText()}(${first && ts.isStringLiteral(first) ? first.text : '…'}) callback`;
  }
  return '(anonymous)';
}

/** Every function in a source text: { name, line, own, total }, own leaving out the nested functions. */
export function functionsIn(path, text) {
  const source = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found = [];
  const visit = (node, enclosing) => {
    if (isFunction(node)) {
      const total = span(source, node);
      const entry = { name: nameOf(node), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 };
      found.push(Object.assign(entry, { own: total, total }));
      if (enclosing) enclosing.own -= total;
      ts.forEachChild(node, (child) => visit(child, entry));
    } else ts.forEachChild(node, (child) => visit(child, enclosing));
  };
  visit(source, null);
  return found;
}

/** Files over FILE_LIMIT and functions over FUNCTION_LIMIT, allowed or not, longest first. */
export function oversized(root = ROOT) {
  const files = [];
  const functions = [];
  for (const dir of FILE_DIRS)
    for (const path of sourceFiles(root, dir)) {
      const text = readFileSync(join(root, path), 'utf8');
      const lines = lineCount(text);
      if (lines > FILE_LIMIT) files.push({ path, lines });
      if (dir !== 'src' || TEST.test(path) || path.endsWith('.mjs')) continue;
      for (const f of functionsIn(path, text)) if (f.own > FUNCTION_LIMIT) functions.push({ path, ...f });
    }
  files.sort((a, b) => b.lines - a.lines);
  functions.sort((a, b) => b.own - a.own);
  return { files, functions };
}

/** The allow-list, checked for shape: every entry names its file (and function) and says why. */
export function readAllowList(root = ROOT) {
  const list = JSON.parse(readFileSync(join(root, 'scripts/check-sizes.allow.json'), 'utf8'));
  for (const kind of ['files', 'functions'])
    for (const entry of list[kind] ?? [])
      if (!entry.path || (kind === 'functions' && !entry.name) || !entry.reason?.trim())
        throw new Error(
          `check-sizes.allow.json: a ${kind} entry without path, name or reason: ${JSON.stringify(entry)}`,
        );
  return { files: list.files ?? [], functions: list.functions ?? [] };
}

/** Findings: what is over a limit without an allow-list entry, and allow-list entries nothing matches. */
export function findings(found, allow) {
  const out = [];
  const fileKey = (e) => e.path;
  const fnKey = (e) => `${e.path}#${e.name}`;
  const allowedFiles = new Set(allow.files.map(fileKey));
  const allowedFunctions = new Set(allow.functions.map(fnKey));
  for (const f of found.files)
    if (!allowedFiles.has(fileKey(f)))
      out.push(`${f.path}: ${f.lines} lines (over ${FILE_LIMIT}): split it by subject`);
  for (const f of found.functions)
    if (!allowedFunctions.has(fnKey(f)))
      out.push(
        `${f.path}:${f.line} ${f.name}: ${f.own} lines of its own (over ${FUNCTION_LIMIT}): split it by its steps`,
      );
  const foundFiles = new Set(found.files.map(fileKey));
  const foundFunctions = new Set(found.functions.map(fnKey));
  for (const e of allow.files)
    if (!foundFiles.has(fileKey(e))) out.push(`check-sizes.allow.json: ${e.path} is no longer over: remove its entry`);
  for (const e of allow.functions)
    if (!foundFunctions.has(fnKey(e)))
      out.push(`check-sizes.allow.json: ${e.path} ${e.name} is no longer over (or was renamed): remove its entry`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = oversized();
  if (process.argv.includes('--list')) {
    const allow = readAllowList();
    const allowed = new Set([...allow.files.map((e) => e.path), ...allow.functions.map((e) => `${e.path}#${e.name}`)]);
    const mark = (key) => (allowed.has(key) ? 'allowed' : '       ');
    console.log(`files over ${FILE_LIMIT} lines`);
    for (const f of found.files) console.log(`  ${mark(f.path)} ${String(f.lines).padStart(5)}  ${f.path}`);
    console.log(`functions over ${FUNCTION_LIMIT} lines of their own (own / total)`);
    for (const f of found.functions)
      console.log(
        `  ${mark(`${f.path}#${f.name}`)} ${String(f.own).padStart(5)} / ${f.total}  ${f.path}:${f.line}  ${f.name}`,
      );
  } else {
    const problems = findings(found, readAllowList());
    for (const p of problems) console.error(p);
    if (problems.length > 0) {
      console.error(
        `check:sizes: ${problems.length} finding(s); an exception goes in scripts/check-sizes.allow.json with its reason`,
      );
      process.exit(1);
    }
    const allowed = found.files.length + found.functions.length;
    console.log(
      `check:sizes: no file over ${FILE_LIMIT} lines, no function over ${FUNCTION_LIMIT} but the ${allowed} in scripts/check-sizes.allow.json`,
    );
  }
}
