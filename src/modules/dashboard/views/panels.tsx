/**
 * Dashboard panels (declared in dashboard.routes.tsx, registered by the composition root):
 *  CasesPanel   — counts of applications due soon, overdue, waiting for the applicant and paused,
 *                 each linking to its list; for the office a row per unit; the most urgent cases.
 *  NoticesPanel — the user's unread reminders, each with a dismiss button.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField } from '../../../platform/views/components.tsx';
import { ATTENTION_KINDS, type AttentionKind } from '../dashboard.ts';
import type { NoticeItem, UrgentCase } from '../dashboard.presenter.ts';

export interface CasesData {
  readonly office: boolean;
  readonly counts: Record<AttentionKind, number>;
  readonly byUnit: readonly { name: string | null; counts: Record<AttentionKind, number> }[];
  readonly urgent: readonly UrgentCase[];
}

export function CasesPanel(props: { ctx: ViewContext; data: CasesData }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const filterOf: Record<AttentionKind, string> = {
    due_soon: 'due_soon',
    overdue: 'overdue',
    waiting: 'waiting',
    paused: 'paused',
  };
  const total = ATTENTION_KINDS.reduce((n, k) => n + data.counts[k], 0);
  return (
    <section class="panel" aria-labelledby="panel-cases" data-panel="cases">
      <h2 id="panel-cases">{t('dashboard.cases.title')}</h2>
      <ul class="count-links">
        {ATTENTION_KINDS.map((k) => (
          <li>
            <a href={`/admin/applications?filter=${filterOf[k]}`} data-count={k}>
              <span class="count-links__n">{data.counts[k]}</span>
              {t(`dashboard.attention.${k}`)}
            </a>
          </li>
        ))}
      </ul>
      {total === 0 && <p class="muted">{t('dashboard.cases.none')}</p>}
      {data.office && data.byUnit.length > 0 && (
        <div class="table-wrap" role="region" aria-label={t('dashboard.cases.units')} tabIndex={0}>
          <table class="table" data-table="by-unit">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.cases.unit')}</th>
                {ATTENTION_KINDS.map((k) => (
                  <th scope="col">{t(`dashboard.attention.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.byUnit.map((u) => (
                <tr>
                  <th scope="row">{u.name ?? t('dashboard.cases.unassigned')}</th>
                  {ATTENTION_KINDS.map((k) => (
                    <td>{u.counts[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.urgent.length > 0 && (
        <div class="table-wrap" role="region" aria-label={t('dashboard.cases.title')} tabIndex={0}>
          <table class="table" data-table="urgent">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.cases.code')}</th>
                <th scope="col">{t('dashboard.cases.due')}</th>
                <th scope="col">{t('dashboard.cases.state')}</th>
                <th scope="col">{t('dashboard.cases.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {data.urgent.map((c) => (
                <tr>
                  <td>
                    <a href={`/admin/applications/${c.id}`}>{c.trackingCode}</a>
                  </td>
                  <td>{c.due}</td>
                  <td>{t(`dashboard.attention.${c.attention}`)}</td>
                  <td>{c.unitName ?? t('dashboard.cases.unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function NoticesPanel(props: { ctx: ViewContext; notices: readonly NoticeItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-notices" data-panel="notices">
      <h2 id="panel-notices">{t('dashboard.notices.title')}</h2>
      <ul class="notice-list">
        {props.notices.map((n) => {
          const { code, params } = n;
          return (
            <li data-notice={n.kind}>
              {n.applicationId ? (
                <a href={`/admin/applications/${n.applicationId}`}>{t(`dashboard.notices.${n.kind}`, params)}</a>
              ) : (
                t(`dashboard.notices.${n.kind}`, params)
              )}{' '}
              <form method="post" action={`/admin/notifications/${n.id}/read`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button
                  type="submit"
                  class="button button--secondary button--small"
                  aria-label={t('dashboard.notices.read_label', { code })}
                >
                  {t('dashboard.notices.read')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
