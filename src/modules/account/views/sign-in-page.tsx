import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';

export function SignInPage(props: {
  ctx: ViewContext;
  issues: readonly ValidationIssue[];
  username?: string;
  next?: string;
  notice?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.sign_in')}>
      <div class="sign-in">
        <h1>{t('account.sign_in_title')}</h1>
        {props.notice && <Notice kind="success">{props.notice}</Notice>}
        <ErrorSummary ctx={ctx} issues={props.issues} />
        <form method="post" action="/sign-in" novalidate>
          <CsrfField ctx={ctx} />
          {props.next && <input type="hidden" name="next" value={props.next} />}
          <TextField
            ctx={ctx}
            name="username"
            label={t('account.username')}
            value={props.username}
            autocomplete="username"
            issues={props.issues}
            width="medium"
            required
          />
          <TextField
            ctx={ctx}
            name="password"
            label={t('account.password')}
            type="password"
            autocomplete="current-password"
            issues={props.issues}
            width="medium"
            required
          />
          <div class="button-row">
            <button type="submit" class="button">
              {t('account.sign_in')}
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
