/**
 * OutboxPage({ ctx, entries, counts, endpoints, issues, values, canQueue, canConfigure, notice? })
 * — the Weibo / WeChat outbox: each entry with its state, attempts, next attempt and last error,
 * a retry button for entries not yet sent; the form that queues a published item; and, for the
 * system administrator, the endpoint settings per channel (the secret is write-only).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  Notice,
  PostButton,
  SelectField,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { outboxChannels } from '../channel-adapters.ts';
import type { OutboxEndpointItem, OutboxEntry } from '../outbox.presenter.ts';

export function OutboxPage(props: {
  ctx: ViewContext;
  entries: readonly OutboxEntry[];
  counts: Record<string, number>;
  /** One per outbox channel, in their order. */
  endpoints: readonly OutboxEndpointItem[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canQueue: boolean;
  canConfigure: boolean;
  notice?: string;
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const region = { role: 'region', 'aria-label': t('common.table_region'), tabIndex: 0 } as const;
  const channelOptions = [
    { value: '', label: t('pub.choose') },
    ...outboxChannels.map((c) => ({ value: c, label: t(`channel.${c}`) })),
  ];
  return (
    <Layout ctx={ctx} title={t('outbox.title')} wide>
      <h1>{t('outbox.title')}</h1>
      <p class="lead">{t('outbox.lead')}</p>
      {props.notice && <Notice kind="success">{t(props.notice)}</Notice>}
      <p>
        {(['pending', 'failed', 'sent'] as const).map((s, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/admin/channels/outbox?status=${s}`} data-count={s}>
              {t(`outbox.status.${s}`)} {props.counts[s] ?? 0}
            </a>
          </>
        ))}
      </p>
      <ErrorSummary ctx={ctx} issues={issues} />
      {props.canQueue && (
        <>
          <h2 id="queue">{t('outbox.queue')}</h2>
          <form method="post" action="/admin/channels/outbox" novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              name="item_id"
              label={t('outbox.field.item_id')}
              value={props.values.item_id}
              issues={issues}
              width="short"
              required
            />
            <SelectField
              ctx={ctx}
              name="channel"
              label={t('outbox.field.channel')}
              value={props.values.channel ?? ''}
              issues={issues}
              required
              options={channelOptions}
            />
            <div class="button-row">
              <button type="submit" class="button">
                {t('outbox.queue')}
              </button>
            </div>
          </form>
        </>
      )}
      <h2>{t('outbox.entries')}</h2>
      {props.entries.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <div class="table-wrap" {...region}>
          <table class="table" data-table="outbox">
            <caption class="visually-hidden">{t('outbox.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.field.item')}</th>
                <th scope="col">{t('outbox.field.channel')}</th>
                <th scope="col">{t('outbox.field.status')}</th>
                <th scope="col">{t('outbox.field.attempts')}</th>
                <th scope="col">{t('outbox.field.next_attempt')}</th>
                <th scope="col">{t('outbox.field.last_error')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr data-entry={e.id} data-status={e.status}>
                  <td>
                    <a href={`/admin/items/${e.itemId}`}>{e.title}</a>
                    <br />
                    <small>{e.indexNumber}</small>
                  </td>
                  <td>{t(`channel.${e.channel}`)}</td>
                  <td>{t(`outbox.status.${e.status}`)}</td>
                  <td>{e.attempts}</td>
                  <td>{e.status === 'sent' ? `${t('outbox.field.sent_at')} ${e.sentAt ?? ''}` : e.nextAttemptAt}</td>
                  <td>{e.lastError ?? '—'}</td>
                  <td>
                    {e.status !== 'sent' && props.canQueue ? (
                      <PostButton
                        ctx={ctx}
                        action={`/admin/channels/outbox/${e.id}/retry`}
                        label={t('outbox.retry')}
                        secondary
                        hiddenLabel={e.title}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="endpoints">{t('outbox.endpoints')}</h2>
      <p>{t('outbox.endpoints_lead')}</p>
      <div class="table-wrap" {...region}>
        <table class="table">
          <caption class="visually-hidden">{t('outbox.endpoints')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.field.channel')}</th>
              <th scope="col">{t('outbox.field.url')}</th>
              <th scope="col">{t('outbox.field.enabled')}</th>
              <th scope="col">{t('outbox.field.auto_queue')}</th>
            </tr>
          </thead>
          <tbody>
            {props.endpoints.map((e) => (
              <tr>
                <td>{t(`channel.${e.channel}`)}</td>
                <td>{e.url ?? t('outbox.not_configured')}</td>
                <td>{e.enabled ? '✓' : '—'}</td>
                <td>{e.autoQueue ? '✓' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canConfigure && (
        <form method="post" action="/admin/channels/endpoints" novalidate>
          <CsrfField ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="channel"
            label={t('outbox.field.channel')}
            value={props.values.endpoint_channel ?? ''}
            issues={issues}
            required
            options={channelOptions}
          />
          <TextField
            ctx={ctx}
            name="url"
            label={t('outbox.field.url')}
            value={props.values.url}
            issues={issues}
            type="url"
            required
          />
          <TextField
            ctx={ctx}
            name="secret"
            label={t('outbox.field.secret')}
            hint={t('outbox.field.secret_hint')}
            value=""
            issues={issues}
            type="password"
            autocomplete="new-password"
            width="medium"
          />
          <CheckboxField
            ctx={ctx}
            name="enabled"
            label={t('outbox.field.enabled')}
            checked={props.values.enabled !== '0'}
          />
          <CheckboxField
            ctx={ctx}
            name="auto_queue"
            label={t('outbox.field.auto_queue')}
            checked={props.values.auto_queue === '1'}
          />
          <div class="button-row">
            <button type="submit" class="button">
              {t('action.save')}
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
