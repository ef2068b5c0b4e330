import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ProofOfWorkFields } from '../../../platform/views/proof-of-work-fields.tsx';

/** The proof-of-work challenge a throttled sign-in carries (platform/pow.ts, assets/pow.js). */
export interface SignInChallenge {
  readonly challenge: string;
  readonly difficulty: number;
  /** The arithmetic question in the page's language, for a browser without JavaScript. */
  readonly question: string;
  readonly script: string;
}

export function SignInPage(props: {
  ctx: ViewContext;
  issues: readonly ValidationIssue[];
  username?: string;
  next?: string;
  notice?: string;
  challenge?: SignInChallenge;
}) {
  const { ctx, challenge } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.sign_in')} scripts={challenge ? [challenge.script] : undefined}>
      <div class="sign-in">
        <h1>{t('account.sign_in_title')}</h1>
        {props.notice && <Notice kind="success">{props.notice}</Notice>}
        <ErrorSummary ctx={ctx} issues={props.issues} />
        <form
          method="post"
          action="/sign-in"
          novalidate
          data-pow={challenge ? String(challenge.difficulty) : undefined}
        >
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
          {challenge && (
            <ProofOfWorkFields
              ctx={ctx}
              challenge={challenge.challenge}
              question={challenge.question}
              legend={t('account.challenge')}
              working={t('account.challenge_working')}
              done={t('account.challenge_done')}
              answerLabel={t('account.challenge_answer')}
              issues={props.issues}
            />
          )}
          <div class="button-row">
            <button type="submit" class="button">
              {t('account.sign_in')}
            </button>
            <a href="/activate">{t('account.activate_link')}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
