/**
 * StatusHistory — the "办理记录" section of a record that moves through the publication workflow
 * (workflow.ts): an information item and an annual report document share the same events and
 * states, so they show their history the same way. It lives with the publishing views rather
 * than in platform/views because its texts are the workflow's (pub.event.*, pub.status.*).
 *
 * Parameters:
 *  - ctx: ViewContext
 *  - title: the section's <h2> (id "history-title") and the table's caption
 *  - rows: the transitions in the order to show them (the stores return them oldest first), each
 *    { at, actorName, event, fromStatus, toStatus, reason } — a status-history row joined with the
 *    actor's display name, as presentStatusHistory (status-history.presenter.ts) shows it
 *  - regionLabel (optional): the accessible name of the scrolling table region; by default the
 *    console's generic table label (common.table_region)
 *
 * Cells: the time (China time, from the presenter); who (— when no user, e.g. the scheduler); the event; "from →
 * to" (only "to" for the first row); the reason, or —. Each row carries data-status (the state
 * it led to). The reason is user-typed text and is rendered as text (escaped), never as HTML.
 * No rows leave the header and an empty body.
 *
 * Example — the report document page:
 *   <StatusHistory ctx={ctx} title={t('rdoc.history')} rows={data.history} regionLabel={t('rdoc.history')} />
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { StatusHistoryEntry } from '../status-history.presenter.ts';

export function StatusHistory(props: {
  ctx: ViewContext;
  title: string;
  rows: readonly StatusHistoryEntry[];
  regionLabel?: string;
}) {
  const { ctx, title } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{title}</h2>
      <div class="table-wrap" role="region" aria-label={props.regionLabel ?? t('common.table_region')} tabIndex={0}>
        <table class="table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pub.item.created_at')}</th>
              <th scope="col">{t('pub.item.who')}</th>
              <th scope="col">{t('pub.field.event')}</th>
              <th scope="col">{t('pub.item.from_to')}</th>
              <th scope="col">{t('pub.field.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((h) => (
              <tr data-status={h.toStatus}>
                <td>{h.at}</td>
                <td>{h.actorName ?? '—'}</td>
                <td>{t(`pub.event.${h.event}`)}</td>
                <td>
                  {h.fromStatus ? `${t(`pub.status.${h.fromStatus}`)} → ` : ''}
                  {t(`pub.status.${h.toStatus}`)}
                </td>
                <td>{h.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
