/**
 * OversightPage     — GET /admin/oversight?year=YYYY: one row per supervised agency, a total row, and
 *                     the definition of every indicator under the table.
 * AgencyBreakdownPage — GET /admin/oversight/:id?year=YYYY: one agency's figures by unit and by month.
 * OversightPanel    — the supervisor's dashboard panel pointing at the page.
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { TableWrap } from '../../../platform/views/components.tsx';
import { INDICATORS, type Indicator } from '../supervision.ts';
import type { BreakdownRow, FiguresView, OversightRow, ShareView } from '../supervision.presenter.ts';
import type { MailboxFiguresView, MailboxRow } from '../mailbox.presenter.ts';
import { MailboxDefinitions, MailboxFiguresTable } from './mailbox-figures.tsx';

type MailboxTable<K> = { rows: readonly MailboxRow<K>[]; total: MailboxFiguresView };

/** A figure that drills down: a link when there is something behind it. */
function Figure(props: { value: number; href?: string; name: string }) {
  return (
    <td data-figure={props.name}>
      {props.href && props.value > 0 ? <a href={props.href}>{props.value}</a> : props.value}
    </td>
  );
}

function Share(props: { share: ShareView; href?: string; name: string }) {
  const { share } = props;
  const text = `${share.percent}（${share.numerator}/${share.denominator}）`;
  return (
    <td data-figure={props.name} data-numerator={share.numerator} data-denominator={share.denominator}>
      {props.href && share.denominator > 0 ? <a href={props.href}>{text}</a> : text}
    </td>
  );
}

function YearForm(props: { ctx: ViewContext; action: string; year: number; years: readonly number[] }) {
  const { t } = props.ctx;
  return (
    <form method="get" action={props.action} class="inline-form">
      <label for="oversight-year">{t('supervision.year')}</label>{' '}
      <select id="oversight-year" name="year">
        {props.years.map((y) => (
          <option value={String(y)} selected={y === props.year}>
            {y}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button button--secondary">
        {t('pub.list.filter')}
      </button>
    </form>
  );
}

/** The definitions of the indicators shown, in the table's order. */
function Definitions(props: { ctx: ViewContext; names: readonly Indicator[]; reportYear?: number }) {
  const { t } = props.ctx;
  return (
    <details open data-definitions>
      <summary>{t('supervision.definitions')}</summary>
      <dl class="summary-list">
        {props.names.map((name) => (
          <>
            <dt>{t(`supervision.col.${name}`, { year: props.reportYear ?? '' })}</dt>
            <dd data-definition={name}>{t(`supervision.def.${name}`)}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}

function FigureCells(props: { f: FiguresView; pubHref?: string; appHref?: string; publishedHref?: string }) {
  const { f } = props;
  return (
    <>
      <Figure name="published" value={f.published} href={props.publishedHref} />
      <Share name="art26_in_time" share={f.art26InTime} href={props.pubHref} />
      <Figure name="overdue_unpublished" value={f.overdueUnpublished} href={props.pubHref} />
      <Figure name="received" value={f.received} href={props.appHref} />
      <Figure name="answered" value={f.answered} href={props.appHref} />
      <Share name="answered_in_time" share={f.answeredInTime} href={props.appHref} />
      <Figure name="open" value={f.open} href={props.appHref} />
      <Figure name="overdue_open" value={f.overdueOpen} href={props.appHref} />
    </>
  );
}

function Heads(props: { ctx: ViewContext; first: string; last?: ComponentChildren }) {
  const { t } = props.ctx;
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={2}>
          {props.first}
        </th>
        <th scope="colgroup" colSpan={3}>
          {t('supervision.group.publications')}
        </th>
        <th scope="colgroup" colSpan={5}>
          {t('supervision.group.applications')}
        </th>
        {props.last && (
          <th scope="col" rowSpan={2}>
            {props.last}
          </th>
        )}
      </tr>
      <tr>
        {INDICATORS.filter((n) => n !== 'annual_report').map((n) => (
          <th scope="col">{t(`supervision.col.${n}`)}</th>
        ))}
      </tr>
    </thead>
  );
}

export function OversightPage(props: {
  ctx: ViewContext;
  year: number;
  years: readonly number[];
  rows: readonly OversightRow[];
  total: FiguresView;
  mailbox: MailboxTable<number>;
}) {
  const { ctx, year, rows } = props;
  const { t } = ctx;
  const reportYear = year - 1;
  return (
    <Layout ctx={ctx} title={t('supervision.title')} wide>
      <h1>{t('supervision.heading', { year })}</h1>
      <p>{t('supervision.intro')}</p>
      <YearForm ctx={ctx} action="/admin/oversight" year={year} years={props.years} />
      {rows.length === 0 ? (
        <p>{t('supervision.none')}</p>
      ) : (
        <TableWrap ctx={ctx}>
          <table class="table table--figures" data-oversight>
            <caption>{t('supervision.heading', { year })}</caption>
            <Heads
              ctx={ctx}
              first={t('supervision.col.agency')}
              last={t('supervision.col.annual_report', { year: reportYear })}
            />
            <tbody>
              {rows.map((r) => (
                <tr data-agency={r.code}>
                  <th scope="row">
                    <a href={r.breakdownHref}>{`${'　'.repeat(r.depth)}${r.name}`}</a>
                  </th>
                  <FigureCells
                    f={r}
                    publishedHref={r.catalogHref}
                    pubHref={`${r.breakdownHref}#by-unit`}
                    appHref={`${r.breakdownHref}#by-month`}
                  />
                  <td data-figure="annual_report" data-status={r.report ?? ''}>
                    {r.report ? (
                      <a href={`/admin/reports/status?year=${reportYear}`}>{t(`reports.status.${r.report}`)}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-total>
                <th scope="row">{t('supervision.total')}</th>
                <FigureCells f={props.total} />
                <td>—</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      <Definitions ctx={ctx} names={INDICATORS} reportYear={reportYear} />
      {rows.length > 0 && (
        <>
          <MailboxFiguresTable
            ctx={ctx}
            id="mailbox"
            heading={t('supervision.mailbox.heading')}
            first={t('supervision.col.agency')}
            {...props.mailbox}
          />
          <MailboxDefinitions ctx={ctx} />
        </>
      )}
    </Layout>
  );
}

export function AgencyBreakdownPage(props: {
  ctx: ViewContext;
  year: number;
  years: readonly number[];
  agency: { id: number; name: string; catalogHref: string };
  byUnit: { rows: BreakdownRow<{ id: number; name: string | null }>[]; total: FiguresView };
  byMonth: { rows: BreakdownRow<string>[]; total: FiguresView };
  mailboxByUnit: MailboxTable<number | null>;
  mailboxByMonth: MailboxTable<string>;
}) {
  const { ctx, year, agency } = props;
  const { t } = ctx;
  const heading = t('supervision.agency.heading', { agency: agency.name, year });
  const pubNames: Indicator[] = ['published', 'art26_in_time', 'overdue_unpublished'];
  const appNames: Indicator[] = ['received', 'answered', 'answered_in_time', 'open', 'overdue_open'];
  return (
    <Layout ctx={ctx} title={heading} wide>
      <p>
        <a href={`/admin/oversight?year=${year}`}>{t('supervision.agency.back')}</a>
      </p>
      <h1>{heading}</h1>
      <YearForm ctx={ctx} action={`/admin/oversight/${agency.id}`} year={year} years={props.years} />
      <h2 id="by-unit">{t('supervision.agency.by_unit')}</h2>
      <p>
        <a href={agency.catalogHref}>{t('supervision.agency.catalog')}</a>
      </p>
      <TableWrap ctx={ctx}>
        <table class="table table--figures" data-breakdown="unit">
          <thead>
            <tr>
              <th scope="col">{t('supervision.col.unit')}</th>
              {pubNames.map((n) => (
                <th scope="col">{t(`supervision.col.${n}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.byUnit.rows.map(({ key, figures: f }) => (
              <tr data-unit={key.id}>
                <th scope="row">{key.name ?? t('supervision.agency.no_unit')}</th>
                <td data-figure="published">{f.published}</td>
                <td data-figure="art26_in_time">{`${f.art26InTime.percent}（${f.art26InTime.numerator}/${f.art26InTime.denominator}）`}</td>
                <td data-figure="overdue_unpublished">{f.overdueUnpublished}</td>
              </tr>
            ))}
          </tbody>
          <BreakdownTotal ctx={ctx} f={props.byUnit.total} kind="publications" />
        </table>
      </TableWrap>
      <h2 id="by-month">{t('supervision.agency.by_month')}</h2>
      <p>{t('supervision.agency.counts_only')}</p>
      <TableWrap ctx={ctx}>
        <table class="table table--figures" data-breakdown="month">
          <thead>
            <tr>
              <th scope="col">{t('supervision.col.month')}</th>
              {appNames.map((n) => (
                <th scope="col">{t(`supervision.col.${n}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.byMonth.rows.map(({ key, figures: f }) => (
              <tr data-month={key}>
                <th scope="row">{key}</th>
                <AppCells f={f} />
              </tr>
            ))}
          </tbody>
          <BreakdownTotal ctx={ctx} f={props.byMonth.total} kind="applications" />
        </table>
      </TableWrap>
      <Definitions ctx={ctx} names={[...pubNames, ...appNames]} />
      <p id="mailbox">{t('supervision.mailbox.heading')}</p>
      <MailboxFiguresTable
        ctx={ctx}
        id="mailbox-by-unit"
        heading={t('supervision.mailbox.by_unit')}
        first={t('supervision.col.unit')}
        unlabelled={t('supervision.mailbox.unassigned')}
        {...props.mailboxByUnit}
      />
      <MailboxFiguresTable
        ctx={ctx}
        id="mailbox-by-month"
        heading={t('supervision.mailbox.by_month')}
        first={t('supervision.col.month')}
        {...props.mailboxByMonth}
      />
      <MailboxDefinitions ctx={ctx} />
    </Layout>
  );
}

function AppCells(props: { f: FiguresView }) {
  const { f } = props;
  return (
    <>
      <td data-figure="received">{f.received}</td>
      <td data-figure="answered">{f.answered}</td>
      <td data-figure="answered_in_time">{`${f.answeredInTime.percent}（${f.answeredInTime.numerator}/${f.answeredInTime.denominator}）`}</td>
      <td data-figure="open">{f.open}</td>
      <td data-figure="overdue_open">{f.overdueOpen}</td>
    </>
  );
}

function BreakdownTotal(props: { ctx: ViewContext; f: FiguresView; kind: 'publications' | 'applications' }) {
  const { f } = props;
  return (
    <tfoot>
      <tr data-total>
        <th scope="row">{props.ctx.t('supervision.total')}</th>
        {props.kind === 'publications' ? (
          <>
            <td data-figure="published">{f.published}</td>
            <td data-figure="art26_in_time">{`${f.art26InTime.percent}（${f.art26InTime.numerator}/${f.art26InTime.denominator}）`}</td>
            <td data-figure="overdue_unpublished">{f.overdueUnpublished}</td>
          </>
        ) : (
          <AppCells f={f} />
        )}
      </tr>
    </tfoot>
  );
}

export function OversightPanel(props: { ctx: ViewContext; count: number; overdueItems: number; overdueCases: number }) {
  const { t } = props.ctx;
  return (
    <section class="panel" aria-labelledby="panel-oversight" data-panel="oversight">
      <h2 id="panel-oversight">
        <a href="/admin/oversight">{t('supervision.panel.title')}</a>
      </h2>
      <p>
        {t('supervision.panel.text', {
          count: props.count,
          overdueItems: props.overdueItems,
          overdueCases: props.overdueCases,
        })}
      </p>
      <p>
        <a href="/admin/oversight">{t('supervision.panel.link')}</a>
      </p>
    </section>
  );
}
