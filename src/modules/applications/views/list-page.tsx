/**
 * ApplicationListPage — GET /admin/applications: counts per filter at the top (open, due soon,
 * overdue, waiting for the applicant, clock stopped, closed), each a link to its list, then the
 * cases of the chosen filter sorted by due date. A supervisor sees the counts only. Above the
 * list, the look-up by the applicant's full name (POST /admin/applications: exact match on the
 * name's blind index, so the help text asks for the whole name).
 *
 * Parameters: ctx; filter; counts (per filter, within the unit, year and code chosen); page (one page
 * of presented cases, names decrypted, with the total; or null for counts only); query (the unit,
 * year, tracking code and sort chosen, kept in the links); units (the unit choices); name (the
 * name looked up, or null); canRegister. The list pages, filters and sorts on the server
 * (issue 15 item 9).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ButtonLink, CsrfField, TableWrap, TextField } from '../../../platform/views/components.tsx';
import { ListCount, ListFilters, listHref, Pager } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import { LIST_FILTERS, type ListFilter } from '../applications.ts';
import type { ApplicationListItem } from '../applications.presenter.ts';

/** The list's choices beside its tab, as the page keeps them in its links. */
export interface ApplicationListQueryShown {
  readonly unit: string;
  readonly year: string;
  readonly q: string;
  readonly sort: string;
  readonly dir: 'asc' | 'desc';
}

function hrefOf(filter: ListFilter, query: ApplicationListQueryShown, per?: number, page?: number): string {
  return listHref('/admin/applications', {
    filter,
    unit: query.unit,
    year: query.year,
    q: query.q,
    sort: query.sort === 'due' ? undefined : query.sort,
    dir: query.dir === 'asc' ? undefined : query.dir,
    per: per === undefined || per === 50 ? undefined : per,
    page: page === undefined || page === 1 ? undefined : page,
  });
}

export function ApplicationListPage(props: {
  ctx: ViewContext;
  filter: ListFilter;
  counts: Readonly<Record<ListFilter, number>>;
  page: Page<ApplicationListItem> | null;
  query: ApplicationListQueryShown;
  units: readonly { value: string; label: string }[];
  name: string | null;
  canRegister: boolean;
}) {
  const { ctx, filter, query } = props;
  const { t } = ctx;
  const page = props.page;
  return (
    <Layout ctx={ctx} title={t('applications.list.title')} wide>
      <h1>{t('applications.list.title')}</h1>
      {props.canRegister && <ButtonLink href="/admin/applications/new" label={t('applications.list.register')} />}
      <h2 id="counts">{t('applications.list.counts')}</h2>
      <ul class="count-links" aria-labelledby="counts">
        {LIST_FILTERS.map((f) => (
          <li>
            <a href={hrefOf(f, query)} aria-current={page && f === filter ? 'page' : undefined} data-count={f}>
              <span class="count-links__n">{props.counts[f]}</span>
              {t(`applications.filter.${f}`)}
            </a>
          </li>
        ))}
      </ul>
      {page !== null && (
        <ListFilters
          ctx={ctx}
          action="/admin/applications"
          hidden={{ filter }}
          fields={[
            { kind: 'text', name: 'q', label: t('applications.list.code'), value: query.q },
            {
              kind: 'select',
              name: 'unit',
              label: t('applications.list.unit'),
              value: query.unit,
              options: props.units,
            },
            { kind: 'text', name: 'year', label: t('applications.list.year'), value: query.year, short: true },
          ]}
          sorts={[
            { value: 'due', label: t('applications.list.due') },
            { value: 'received', label: t('applications.list.received') },
            { value: 'code', label: t('applications.list.code') },
          ]}
          sort={query.sort}
          dir={query.dir}
          per={page.per}
        />
      )}
      {page !== null && <NameLookup ctx={ctx} filter={filter} name={props.name} />}
      {page === null ? (
        <p class="muted">{t('applications.list.counts_only')}</p>
      ) : (
        <>
          <ListCount ctx={ctx} page={page} />
          {page.rows.length === 0 ? (
            <p>{t('applications.list.empty')}</p>
          ) : (
            <CaseTable ctx={ctx} caption={t(`applications.filter.${filter}`)} rows={page.rows} />
          )}
          <Pager ctx={ctx} page={page} href={(n) => hrefOf(filter, query, page.per, n)} />
        </>
      )}
    </Layout>
  );
}

function CaseTable(props: { ctx: ViewContext; caption: string; rows: readonly ApplicationListItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <TableWrap ctx={ctx}>
      <table class="table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('applications.list.code')}</th>
            <th scope="col">{t('applications.list.applicant')}</th>
            <th scope="col">{t('applications.list.received')}</th>
            <th scope="col">{t('applications.list.due')}</th>
            <th scope="col">{t('applications.list.status')}</th>
            <th scope="col">{t('applications.list.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row" class="nowrap">
                <a href={`/admin/applications/${r.id}`}>{r.trackingCode}</a>
              </th>
              <td>
                {r.applicantName}
                <div class="muted">{t(`applications.kind.${r.applicantKind}`)}</div>
              </td>
              <td class="date">{r.receivedOn}</td>
              <td>
                <span class="date">{r.dueDate ?? '—'}</span>
                {r.overdue && <span class="tag tag--danger"> {t('applications.filter.overdue')}</span>}
              </td>
              <td>
                {t(`applications.status.${r.status}`)}
                {r.waitingUntil && (
                  <div class="muted">
                    {t(
                      r.status === 'paused'
                        ? 'applications.list.consultation_until'
                        : 'applications.list.waiting_until',
                      { date: r.waitingUntil },
                    )}
                  </div>
                )}
              </td>
              <td>{r.unitName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The look-up by the applicant's full name: a POST, so the name stays out of URLs and logs. */
function NameLookup(props: { ctx: ViewContext; filter: ListFilter; name: string | null }) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <form method="post" action="/admin/applications" class="inline-form" data-name-lookup>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="filter" value={filter} />
      <TextField
        ctx={ctx}
        name="name"
        label={t('applications.list.name')}
        hint={t('applications.list.name_hint')}
        value={props.name}
        width="medium"
        autocomplete="off"
      />
      <button type="submit" class="button button--secondary">
        {t('applications.list.name_lookup')}
      </button>
      {props.name !== null && <a href={`/admin/applications?filter=${filter}`}>{t('applications.list.name_clear')}</a>}
    </form>
  );
}
