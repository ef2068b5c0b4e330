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
  SubmitRow,
  TableWrap,
  SelectField,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ListCount, listHref, Pager } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import { outboxChannels } from '../channel-adapters.ts';
import type { OutboxEndpointItem, OutboxEntry } from '../outbox.presenter.ts';

export function OutboxPage(props: {
  ctx: ViewContext;
  /** One page of the entries, newest first, under the status filter. */
  entries: Page<OutboxEntry>;
  /** The status filter ('' for all). */
  filter: string;
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
      {props.canQueue && <QueueForm ctx={ctx} issues={issues} values={props.values} channelOptions={channelOptions} />}
      <ListCount ctx={ctx} page={props.entries} />
      <OutboxEntries ctx={ctx} entries={props.entries.rows} canQueue={props.canQueue} />
      <Pager
        ctx={ctx}
        page={props.entries}
        href={(n) => listHref('/admin/channels/outbox', { status: props.filter, page: n, per: props.entries.per })}
      />
      <Endpoints ctx={ctx} endpoints={props.endpoints} />
      {props.canConfigure && (
        <EndpointForm ctx={ctx} issues={issues} values={props.values} channelOptions={channelOptions} />
      )}
    </Layout>
  );
}

/** The form that queues a published item on a channel. */
function QueueForm(props: {
  ctx: ViewContext;
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  channelOptions: readonly { value: string; label: string }[];
}) {
  const { ctx, issues, channelOptions } = props;
  const { t } = ctx;
  return (
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
        <SubmitRow ctx={ctx} label={t('outbox.queue')} />
      </form>
    </>
  );
}

/** The outbox entries with their state and delivery attempts; a retry button for those not yet sent. */
function OutboxEntries(props: { ctx: ViewContext; entries: readonly OutboxEntry[]; canQueue: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('outbox.entries')}</h2>
      {props.entries.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <TableWrap ctx={ctx}>
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
        </TableWrap>
      )}
    </>
  );
}

/** The endpoint settings per channel (the secret is never shown). */
function Endpoints(props: { ctx: ViewContext; endpoints: readonly OutboxEndpointItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="endpoints">{t('outbox.endpoints')}</h2>
      <p>{t('outbox.endpoints_lead')}</p>
      <TableWrap ctx={ctx}>
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
      </TableWrap>
    </>
  );
}

/** The system administrator's form to set a channel's endpoint; the secret is write-only. */
function EndpointForm(props: {
  ctx: ViewContext;
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  channelOptions: readonly { value: string; label: string }[];
}) {
  const { ctx, issues, channelOptions } = props;
  const { t } = ctx;
  return (
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
      <SubmitRow ctx={ctx} />
    </form>
  );
}
