/**
 * The disclosure catalog in the console.
 *
 *  ItemListPage({ ctx, items, status, mine, emergencyCount, canCreate, today, done? })
 *      — the items within the actor's reach, filtered by state (`status`, '' for all) or to those
 *        waiting for the actor (`mine`); items published in an emergency and still awaiting
 *        approval are counted in a warning banner and tagged in the table; late items (Art. 26)
 *        carry a "late" tag; `deadline` filters unpublished proactive items due within 5 working
 *        days or already overdue; `lateCounts` are the Art. 26 counts of the year per agency
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice } from '../../../platform/views/components.tsx';
import { itemStatuses, isLate } from '../publishing.ts';
import type { ItemListRow } from '../item-list.presenter.ts';
import { ProvisionalNote } from '../../calendar/index.ts';

export function StatusTag(props: { ctx: ViewContext; status: string }) {
  const danger = props.status === 'published_pending_approval' || props.status === 'returned';
  return <span class={danger ? 'tag tag--danger' : 'tag'}>{props.ctx.t(`pub.status.${props.status}`)}</span>;
}

export type DeadlineFilter = '' | 'due_soon' | 'overdue';

export interface LateCountLine {
  readonly agencyName: string;
  readonly year: number;
  readonly total: number;
  readonly late: number;
  readonly lateUnpublished: number;
}

export function ItemListPage(props: {
  ctx: ViewContext;
  deadline: DeadlineFilter;
  lateCounts: readonly LateCountLine[];
  items: readonly ItemListRow[];
  status: string;
  mine: boolean;
  emergencyCount: number;
  canCreate: boolean;
  today: string;
}) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('pub.list.title')} wide>
      <h1>{t('pub.list.title')}</h1>
      <p class="lead">{t('pub.list.intro')}</p>
      {props.emergencyCount > 0 && (
        <Notice kind="warning">
          <a href="/admin/items?status=published_pending_approval">
            {t('pub.list.emergency', { count: props.emergencyCount })}
          </a>
        </Notice>
      )}
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/items/new">
            {t('pub.new')}
          </a>
        </p>
      )}
      {props.lateCounts.map((c) => (
        <p>
          {props.lateCounts.length > 1 && `${c.agencyName}：`}
          {t('pub.list.late_count', { year: c.year, total: c.total, late: c.late, open: c.lateUnpublished })}
        </p>
      ))}
      <form method="get" action="/admin/items" class="inline-form">
        <label class="field__label" for="field-status">
          {t('pub.field.status')}
        </label>
        <select id="field-status" name="status" class="select">
          <option value="" selected={props.status === ''}>
            {t('pub.list.all')}
          </option>
          {itemStatuses.map((s) => (
            <option value={s} selected={props.status === s}>
              {t(`pub.status.${s}`)}
            </option>
          ))}
        </select>{' '}
        <label class="field__label" for="field-deadline">
          {t('pub.field.deadline')}
        </label>
        <select id="field-deadline" name="deadline" class="select">
          {(['', 'due_soon', 'overdue'] as const).map((d) => (
            <option value={d} selected={props.deadline === d}>
              {d === '' ? t('pub.list.deadline_any') : t(`pub.list.${d}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button--secondary">
          {t('pub.list.filter')}
        </button>
      </form>
      <p>
        {props.mine ? (
          <a href="/admin/items">{t('pub.list.all')}</a>
        ) : (
          <a href="/admin/items?view=mine">{t('pub.list.mine')}</a>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('pub.list.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{props.mine ? t('pub.list.mine') : t('pub.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pub.field.index_number')}</th>
                <th scope="col">{t('pub.field.title')}</th>
                <th scope="col">{t('pub.field.responsible_unit')}</th>
                <th scope="col">{t('pub.field.status')}</th>
                <th scope="col">{t('pub.field.formation_date')}</th>
                <th scope="col">{t('pub.list.due_on')}</th>
                <th scope="col">{t('pub.field.publication_date')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr>
                  <td>
                    <code>{item.index_number}</code>
                  </td>
                  <td>
                    <a href={`/admin/items/${item.id}`}>{item.title}</a>
                  </td>
                  <td>{item.unit_name}</td>
                  <td>
                    <StatusTag ctx={ctx} status={item.status} />
                    {isLate(item, props.today) && <span class="tag tag--danger">{t('pub.list.late')}</span>}
                  </td>
                  <td>{item.formation_date}</td>
                  <td>
                    {item.disclosure_due_on ?? '—'}
                    {item.disclosure_due_on && (
                      <ProvisionalNote locale={ctx.locale} years={item.disclosure_due_provisional_years} />
                    )}
                  </td>
                  <td>{item.publication_date ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
