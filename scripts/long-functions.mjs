// Lists functions whose own code passes a limit (default 80 formatted lines) in src, longest first
// (issue 13: functions over ~80 lines are split by step). A function's own lines leave out the
// functions nested in it, so a route registrar or a service factory counts only its glue; the
// total is shown beside it. Usage: node scripts/long-functions.mjs [limit] [--all]
// Without --all, views (a body that is mostly one returned JSX tree) are left out, and so are
// src/demo and src/platform/pii/corpus* (data tables, not logic).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const limit = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 80);
const all = process.argv.includes('--all');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

const isData = (path) => path.startsWith('src/demo/') || path.startsWith('src/platform/pii/corpus');

/** A view: the body is a single return of JSX (possibly after a few const lines of lookups). */
function isMarkup(node) {
  const body = node.body;
  if (!body) return false;
  if (ts.isJsxElement(body) || ts.isJsxFragment(body) || ts.isParenthesizedExpression(body)) return true;
  if (!ts.isBlock(body)) return false;
  const ret = body.statements.at(-1);
  if (!ret || !ts.isReturnStatement(ret) || !ret.expression) return false;
  let e = ret.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!(ts.isJsxElement(e) || ts.isJsxFragment(e))) return false;
  const lines = (n) =>
    n.getSourceFile().getLineAndCharacterOfPosition(n.getEnd()).line -
    n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line +
    1;
  return lines(ret) >= lines(body) * 0.7;
}

function nameOf(node) {
  if (node.name) return node.name.getText();
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText();
  if (p && ts.isPropertyAssignment(p)) return p.name.getText();
  if (p && ts.isCallExpression(p)) {
    const callee = p.expression.getText();
    const first = p.arguments[0];
    return `${callee}(${first && ts.isStringLiteral(first) ? first.text : '…'}) callback`;
  }
  return '(anonymous)';
}

const isFunction = (n) =>
  ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n);
const span = (source, n) =>
  source.getLineAndCharacterOfPosition(n.getEnd()).line - source.getLineAndCharacterOfPosition(n.getStart()).line + 1;

/** Lines of the function minus the lines of the functions directly nested in it. */
function ownLines(source, fn) {
  let nested = 0;
  const walk = (n) => {
    if (n !== fn && isFunction(n)) {
      nested += span(source, n);
      return;
    }
    ts.forEachChild(n, walk);
  };
  walk(fn);
  return span(source, fn) - nested;
}

const rows = [];
for (const path of files('src')) {
  if (!all && isData(path)) continue;
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (isFunction(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const own = ownLines(source, node);
      if (own > limit && (all || !isMarkup(node)))
        rows.push({ own, total: span(source, node), where: `${path}:${start}`, name: nameOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
rows.sort((a, b) => b.own - a.own);
console.log(' own total  where  name');
for (const r of rows) console.log(`${String(r.own).padStart(4)} ${String(r.total).padStart(5)}  ${r.where}  ${r.name}`);
