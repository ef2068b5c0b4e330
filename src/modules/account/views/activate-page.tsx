/**
 * ActivatePage({ ctx, issues, code? }) — setting one's own password with the one-time activation
 * code that was e-mailed (a new account or a reset; docs/adr/0015). The code comes filled in
 * when the e-mailed link was followed.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

export function ActivatePage(props: { ctx: ViewContext; issues: readonly ValidationIssue[]; code?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.activate_title')}>
      <h1>{t('account.activate_title')}</h1>
      <p class="lead">{t('account.activate_lead')}</p>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="post" action="/activate" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="code"
          label={t('account.activation_code')}
          value={props.code}
          autocomplete="one-time-code"
          issues={props.issues}
          width="medium"
          required
        />
        <NewPasswordFields ctx={ctx} issues={props.issues} />
        <div class="button-row">
          <button type="submit" class="button">
            {t('account.activate_button')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
