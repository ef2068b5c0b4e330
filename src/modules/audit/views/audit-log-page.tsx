import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice } from '../../../platform/views/components.tsx';
import { formatChinaTime } from '../../../platform/clock.ts';
import type { AuditVerification } from '../../../platform/audit/verify.ts';
import type { Anchor } from '../../../platform/audit/anchors.ts';
import type { AuditLogEntry } from '../audit.presenter.ts';
import { actorName } from './actor.ts';

/** The recorded values, as stored: evidence for the auditor, folded away under a label in the
 *  page's language so the table reads in words. */
function Change(props: { t: ViewContext['t']; entry: AuditLogEntry }) {
  const { t, entry } = props;
  if (!entry.before && !entry.after) return <></>;
  return (
    <details class="audit-record">
      <summary>{t('audit.record')}</summary>
      {entry.before && (
        <p>
          {t('audit.before')} <code>{entry.before}</code>
        </p>
      )}
      {entry.after && (
        <p>
          {t('audit.after')} <code>{entry.after}</code>
        </p>
      )}
    </details>
  );
}

export function AuditLogPage(props: {
  ctx: ViewContext;
  events: readonly AuditLogEntry[];
  olderThan?: number;
  action?: string;
  /** The actions the filter offers: code and label in the page's language, in label order. */
  actions: readonly (readonly [string, string])[];
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
        <select id="audit-action" class="select" name="action">
          <option value="">{t('audit.filter_all')}</option>
          {props.actions.map(([code, label]) => (
            <option value={code} selected={code === props.action}>
              {label}
            </option>
          ))}
        </select>
        <button class="button button--secondary" type="submit">
          {t('audit.filter')}
        </button>
      </form>
      {props.events.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table table--log">
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
                  <td>{e.occurredAt}</td>
                  <td>{actorName(t, e.actor)}</td>
                  <td>{e.ip ?? ''}</td>
                  <td data-action={e.action}>{e.actionLabel}</td>
                  <td>{e.subject}</td>
                  <td>
                    <Change t={t} entry={e} />
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
