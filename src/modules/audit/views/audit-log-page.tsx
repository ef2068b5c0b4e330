import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice } from '../../../platform/views/components.tsx';
import { formatChinaTime } from '../../../platform/clock.ts';
import type { AuditEventRow } from '../../../platform/audit/audit.table.ts';
import type { AuditVerification } from '../../../platform/audit/verify.ts';
import type { Anchor } from '../../../platform/audit/anchors.ts';

function change(row: AuditEventRow): string {
  const parts = [
    row.before_json ? `before ${row.before_json}` : '',
    row.after_json ? `after ${row.after_json}` : '',
  ].filter(Boolean);
  const text = parts.join(' → ');
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

export function AuditLogPage(props: {
  ctx: ViewContext;
  events: readonly AuditEventRow[];
  olderThan?: number;
  action?: string;
  verification: AuditVerification;
  anchor?: Anchor;
}) {
  const { ctx, verification } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('audit.title')} wide>
      <h1>{t('audit.title')}</h1>
      {verification.ok ? (
        <Notice kind="success">{t('audit.chain_ok', { count: verification.checked })}</Notice>
      ) : (
        <Notice kind="warning">
          {t('audit.chain_broken', {
            seq: verification.finding!.seq,
            kind: t(`audit.tamper.${verification.finding!.kind}`),
          })}
          {ctx.locale === 'en' ? ` ${verification.finding!.detail}` : ''}
        </Notice>
      )}
      <p data-anchor={props.anchor ? String(props.anchor.seq) : ''}>
        {props.anchor
          ? t('audit.anchor_latest', { seq: props.anchor.seq, at: formatChinaTime(props.anchor.at) })
          : t('audit.anchor_none')}
      </p>
      <form method="get" action="/admin/audit" class="button-row">
        <label for="audit-action">{t('audit.filter_action')}</label>
        <input id="audit-action" class="input input--medium" name="action" value={props.action ?? ''} />
        <button class="button button--secondary" type="submit">
          {t('audit.filter')}
        </button>
      </form>
      {props.events.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => (
                <tr>
                  <td>{e.seq}</td>
                  <td>{formatChinaTime(e.occurred_at)}</td>
                  <td>{e.actor_name}</td>
                  <td>{e.ip ?? ''}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.subject_type ? `${e.subject_type} ${e.subject_id ?? ''}` : ''}</td>
                  <td>
                    <code>{change(e)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.olderThan !== undefined && (
        <p>
          <a
            href={`/admin/audit?before=${props.olderThan}${props.action ? `&action=${encodeURIComponent(props.action)}` : ''}`}
          >
            {t('audit.older')}
          </a>
        </p>
      )}
    </Layout>
  );
}
