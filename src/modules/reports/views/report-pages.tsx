/**
 * Annual-report console pages.
 *  ReportIndexPage — GET /admin/reports: choose agency, year, format, roll-up.
 *  ReportPage      — GET /admin/reports/:code/:year: the report with its checks and downloads; every
 *                    value of table 三 links to the applications it counts.
 *  ReportCellPage  — GET /admin/reports/:code/:year/cells?path=…: those applications.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ReportView, ViewTable } from '../report-view.ts';
import type { ReportFinding } from '../report-validation.ts';

function Table(props: { table: ViewTable; href: (path: string) => string | null }) {
  const { table } = props;
  const id = `table-${table.id}`;
  const cell = (c: ViewTable['rows'][number][number], inHead: boolean) => {
    const span = { colSpan: c.colSpan, rowSpan: c.rowSpan };
    if (c.header || inHead) {
      const scope =
        inHead || c.header === 'col'
          ? (c.colSpan ?? 1) > 1
            ? 'colgroup'
            : 'col'
          : (c.rowSpan ?? 1) > 1
            ? 'rowgroup'
            : 'row';
      return (
        <th scope={scope} {...span}>
          {c.text}
        </th>
      );
    }
    const href = c.path ? props.href(c.path) : null;
    return (
      <td {...span} data-path={c.path}>
        {href ? <a href={href}>{c.text}</a> : c.text}
      </td>
    );
  };
  return (
    <div class="table-wrap report-table" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="table" data-table={table.id}>
        <caption id={id}>{table.caption}</caption>
        {table.headerRows > 0 && (
          <thead>
            {table.rows.slice(0, table.headerRows).map((r) => (
              <tr>{r.map((c) => cell(c, true))}</tr>
            ))}
          </thead>
        )}
        <tbody>
          {table.rows.slice(table.headerRows).map((r) => (
            <tr>{r.map((c) => cell(c, false))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface AgencyChoice {
  code: string;
  name: string;
  depth: number;
}

export function ReportIndexPage(props: {
  ctx: ViewContext;
  agencies: readonly AgencyChoice[];
  years: readonly number[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.title')}>
      <h1>{t('reports.title')}</h1>
      {props.agencies.length === 0 ? (
        <p>{t('reports.no_agencies')}</p>
      ) : (
        <form method="get" action="/admin/reports/open">
          <p>
            <label for="agency">{t('reports.field.agency')}</label>
            <select id="agency" name="agency">
              {props.agencies.map((a) => (
                <option value={a.code}>{`${'　'.repeat(a.depth)}${a.name}`}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="year">{t('reports.field.year')}</label>
            <select id="year" name="year">
              {props.years.map((y) => (
                <option value={String(y)}>{y}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="template">{t('reports.field.template')}</label>
            <select id="template" name="template">
              {['', '2008', '2019', '2021'].map((v) => (
                <option value={v}>{t(`reports.template.${v || 'auto'}`)}</option>
              ))}
            </select>
          </p>
          <p>
            <input type="checkbox" id="rollup" name="rollup" value="1" />{' '}
            <label for="rollup">{t('reports.field.rollup')}</label>
          </p>
          <p>
            <button type="submit">{t('reports.open')}</button>
          </p>
        </form>
      )}
    </Layout>
  );
}

export function ReportPage(props: {
  ctx: ViewContext;
  view: ReportView;
  findings: readonly ReportFinding[];
  deadline: string;
  query: string;
  base: string;
}) {
  const { ctx, view } = props;
  const { t } = ctx;
  const zh = ctx.locale !== 'en';
  const cellHref = (path: string) =>
    path.startsWith('applications.') && !path.includes('*')
      ? `${props.base}/cells?path=${encodeURIComponent(path)}${props.query ? `&${props.query}` : ''}`
      : null;
  return (
    <Layout ctx={ctx} title={view.title} wide>
      <h1>{view.title}</h1>
      <p>{t('reports.deadline', { date: props.deadline })}</p>
      <p>
        {t('reports.download')}:{' '}
        {(['docx', 'xlsx', 'html', 'json'] as const).map((f) => (
          <>
            <a href={`${props.base}/download?format=${f}${props.query ? `&${props.query}` : ''}`}>
              {f.toUpperCase()}
            </a>{' '}
          </>
        ))}
      </p>
      {view.unavailable.length > 0 && (
        <p class="notice">{t('reports.unavailable', { list: view.unavailable.join('; ') })}</p>
      )}
      <h2>{t('reports.checks')}</h2>
      {props.findings.length === 0 ? (
        <p>{t('reports.checks_ok')}</p>
      ) : (
        <ul data-findings>
          {props.findings.map((f) => (
            <li data-severity={f.severity}>{zh ? f.message.zh : f.message.en}</li>
          ))}
        </ul>
      )}
      <p>{t('reports.provenance_hint')}</p>
      <h2>{t('reports.how_counted')}</h2>
      <ul data-provenance-notes>
        {(view.template === '2008'
          ? (['reports.provenance.fees2008', 'reports.provenance.table4'] as const)
          : (['reports.provenance.table2', 'reports.provenance.table4'] as const)
        ).map((key) => (
          <li>{t(key)}</li>
        ))}
      </ul>
      {view.sections.map((s) => (
        <section>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          {s.tables.map((tb) => (
            <Table table={tb} href={cellHref} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

export interface CellApplication {
  id: number;
  tracking_code: string;
  applicant_kind: string;
  received_on: string;
  outcome: string | null;
  outcome_on: string | null;
}

export function ReportCellPage(props: {
  ctx: ViewContext;
  title: string;
  cellLabel: string;
  /** The cases the actor may open; `total` counts all of the cell's cases. */
  rows: readonly CellApplication[];
  total: number;
  back: string;
  kindLabel: (k: string) => string;
  outcomeLabel: (o: string) => string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.cell_title', { cell: props.cellLabel })} wide>
      <h1>{t('reports.cell_title', { cell: props.cellLabel })}</h1>
      <p>
        <a href={props.back}>{t('reports.back')}</a> · {props.title}
      </p>
      <p data-count={String(props.total)}>{t('reports.cell_count', { n: props.total })}</p>
      {props.total > props.rows.length && <p class="muted">{t('reports.cell_counts_only')}</p>}
      {props.total === 0 ? (
        <p>{t('reports.cell_empty')}</p>
      ) : props.rows.length === 0 ? null : (
        <div class="table-wrap" role="region" aria-label={props.cellLabel} tabIndex={0}>
          <table class="table" data-table="cell-applications">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.tracking_code')}</th>
                <th scope="col">{t('reports.col.applicant_kind')}</th>
                <th scope="col">{t('reports.col.received_on')}</th>
                <th scope="col">{t('reports.col.outcome')}</th>
                <th scope="col">{t('reports.col.outcome_on')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/applications/${r.id}`}>{r.tracking_code}</a>
                  </th>
                  <td>{props.kindLabel(r.applicant_kind)}</td>
                  <td>{r.received_on}</td>
                  <td>{r.outcome ? props.outcomeLabel(r.outcome) : '—'}</td>
                  <td>{r.outcome_on ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
