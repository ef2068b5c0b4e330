// Accessible HTML of a report: real tables with <caption>, <thead>, scope on header cells and spans
// as in the official form. `cellHref` turns a value cell into a link (the console's provenance list).
import type { ReportView, ViewCell, ViewTable } from '../report-view.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

function cellHtml(cell: ViewCell, inHead: boolean, cellHref?: (path: string) => string | null): string {
  const span = `${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
  if (cell.header || inHead) {
    const scope =
      inHead || cell.header === 'col'
        ? (cell.colSpan ?? 1) > 1
          ? 'colgroup'
          : 'col'
        : (cell.rowSpan ?? 1) > 1
          ? 'rowgroup'
          : 'row';
    return `<th scope="${scope}"${span}>${esc(cell.text)}</th>`;
  }
  const href = cell.path && cellHref ? cellHref(cell.path) : null;
  const body = href ? `<a href="${esc(href)}">${esc(cell.text)}</a>` : esc(cell.text);
  return `<td${span}${cell.path ? ` data-path="${esc(cell.path)}"` : ''}>${body}</td>`;
}

export function tableHtml(table: ViewTable, cellHref?: (path: string) => string | null): string {
  const head = table.rows
    .slice(0, table.headerRows)
    .map((r) => `<tr>${r.map((c) => cellHtml(c, true, cellHref)).join('')}</tr>`)
    .join('');
  const body = table.rows
    .slice(table.headerRows)
    .map((r) => `<tr>${r.map((c) => cellHtml(c, false, cellHref)).join('')}</tr>`)
    .join('');
  return `<div class="report-table"><table data-table="${esc(table.id)}"><caption>${esc(table.caption)}</caption>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table></div>`;
}

/** The report's body (sections and tables), for embedding in a page. */
export function reportBodyHtml(view: ReportView, cellHref?: (path: string) => string | null): string {
  const parts = [`<h1>${esc(view.title)}</h1>`];
  if (view.unavailable.length)
    parts.push(`<p class="report-note">数据来源暂不可用（相关数字按0列示）：${esc(view.unavailable.join('、'))}</p>`);
  for (const s of view.sections) {
    parts.push(`<section><h2>${esc(s.heading)}</h2>`);
    for (const p of s.paragraphs) parts.push(`<p>${esc(p)}</p>`);
    for (const t of s.tables) parts.push(tableHtml(t, cellHref));
    parts.push('</section>');
  }
  return parts.join('\n');
}

/** A standalone HTML document (the CLI's --format html). No scripts; styles inline in <style>. */
export function reportHtmlDocument(view: ReportView): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(view.title)}</title>
<style>body{font-family:FangSong,"仿宋",serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.8}h1{text-align:center;font-size:1.5rem}.report-table{overflow-x:auto}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #000;padding:.25rem .5rem}td{text-align:right}caption{font-weight:bold;padding:.5rem}</style>
</head><body><main>
${reportBodyHtml(view)}
</main></body></html>
`;
}
