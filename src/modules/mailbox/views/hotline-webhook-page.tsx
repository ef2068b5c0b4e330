/**
 * HotlineWebhookPage({ ctx, status, issues, newSecret? }) — the system administrator's setting of
 * the agency's 12345 webhook: whether it takes calls, a new or given secret (shown once, right
 * after it is saved), and stopping the calls.
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';

export interface WebhookStatusView {
  readonly agencyName: string;
  /** China time of the last change; null when the agency takes no calls. */
  readonly configuredAt: string | null;
}

export function HotlineWebhookPage(props: {
  ctx: ViewContext;
  /** The agencies the administrator may set it for; the page is about `agencyId`. */
  agencies: readonly { id: number; name: string }[];
  agencyId: number;
  status: WebhookStatusView;
  issues: readonly ValidationIssue[];
  newSecret?: string;
  removed?: boolean;
}) {
  const { ctx, status, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailbox.webhook.title')}>
      <h1>{t('mailbox.webhook.title')}</h1>
      <p class="lead">{t('mailbox.webhook.lead')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      {props.agencies.length > 1 && (
        <form method="get" action="/admin/mailbox/webhook" class="card">
          <SelectField
            ctx={ctx}
            name="agency"
            label={t('mailbox.webhook.agency')}
            value={String(props.agencyId)}
            options={props.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
          />
          <div class="button-row">
            <button type="submit" class="button button--secondary">
              {t('mailbox.webhook.choose')}
            </button>
          </div>
        </form>
      )}
      {props.newSecret && (
        <Notice kind="success">
          <p>{t('mailbox.webhook.saved')}</p>
          <p>
            <code data-secret>{props.newSecret}</code>
          </p>
        </Notice>
      )}
      {props.removed && <Notice kind="success">{t('mailbox.webhook.removed')}</Notice>}
      <p>
        {status.configuredAt
          ? t('mailbox.webhook.on', { agency: status.agencyName, at: status.configuredAt })
          : t('mailbox.webhook.off', { agency: status.agencyName })}
      </p>
      <form method="post" action="/admin/mailbox/webhook" class="card">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="intent" value="set" />
        <input type="hidden" name="agency" value={String(props.agencyId)} />
        <TextField
          ctx={ctx}
          name="secret"
          label={t('mailbox.webhook.secret')}
          hint={t('mailbox.webhook.secret_hint')}
          issues={issues}
          autocomplete="off"
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('mailbox.webhook.save')}
          </button>
        </div>
      </form>
      {status.configuredAt && (
        <form method="post" action="/admin/mailbox/webhook" class="card">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="agency" value={String(props.agencyId)} />
          <div class="button-row">
            <button type="submit" class="button button--warning">
              {t('mailbox.webhook.remove')}
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
