/**
 * ApplicationListPage — GET /admin/applications: counts per filter at the top (open, due soon,
 * overdue, waiting for the applicant, clock stopped, closed), each a link to its list, then the
 * cases of the chosen filter sorted by due date. A supervisor sees the counts only. Above the
 * list, the look-up by the applicant's full name (POST /admin/applications: exact match on the
 * name's blind index, so the help text asks for the whole name).
 *
 * Parameters: ctx; filter; counts (per filter); rows (presented cases, names decrypted, or null for
 * counts only); name (the name looked up, or null); canRegister.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, TextField, ButtonLink } from '../../../platform/views/components.tsx';
import { LIST_FILTERS, type ListFilter } from '../applications.ts';
import type { ApplicationListItem } from '../applications.presenter.ts';

export function ApplicationListPage(props: {
  ctx: ViewContext;
  filter: ListFilter;
  counts: Readonly<Record<ListFilter, number>>;
  rows: readonly ApplicationListItem[] | null;
  name: string | null;
  canRegister: boolean;
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.list.title')} wide>
      <h1>{t('applications.list.title')}</h1>
      {props.canRegister && <ButtonLink href="/admin/applications/new" label={t('applications.list.register')} />}
      <h2 id="counts">{t('applications.list.counts')}</h2>
      <ul class="count-links" aria-labelledby="counts">
        {LIST_FILTERS.map((f) => (
          <li>
            <a
              href={`/admin/applications?filter=${f}`}
              aria-current={props.rows && f === filter ? 'page' : undefined}
              data-count={f}
            >
              <span class="count-links__n">{props.counts[f]}</span>
              {t(`applications.filter.${f}`)}
            </a>
          </li>
        ))}
      </ul>
      {props.rows !== null && (
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
          {props.name !== null && (
            <a href={`/admin/applications?filter=${filter}`}>{t('applications.list.name_clear')}</a>
          )}
        </form>
      )}
      {props.rows === null ? (
        <p class="muted">{t('applications.list.counts_only')}</p>
      ) : props.rows.length === 0 ? (
        <p>{t('applications.list.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption>{t(`applications.filter.${filter}`)}</caption>
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
                  <td>
                    <a href={`/admin/applications/${r.id}`}>{r.trackingCode}</a>
                  </td>
                  <td>
                    {r.applicantName}
                    <div class="muted">{t(`applications.kind.${r.applicantKind}`)}</div>
                  </td>
                  <td>{r.receivedOn}</td>
                  <td>
                    {r.dueDate ?? '—'}
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
        </div>
      )}
    </Layout>
  );
}
