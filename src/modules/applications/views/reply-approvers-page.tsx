/**
 * ReplyApproversPage — GET/POST /admin/agencies/:id/reply-approvers: the system administrator
 * chooses who may approve the agency's drafted replies (the head of its disclosure office, the
 * leader in charge, the principal leader), at least one.
 *
 * Parameters: ctx; agency (id, name, its disclosure office's name or null); chosen; issues; saved.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, FieldError, Notice, PostForm, SubmitRow, fieldId } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { REPLY_APPROVERS, type ReplyApprover } from '../reply-approvers.ts';

export function ReplyApproversPage(props: {
  ctx: ViewContext;
  agency: { id: number; name: string; officeName: string | null };
  chosen: readonly ReplyApprover[];
  issues: readonly ValidationIssue[];
  saved: boolean;
}) {
  const { ctx, agency, issues } = props;
  const { t } = ctx;
  const title = t('reply_approvers.title', { name: agency.name });
  const error = issues.some((i) => i.field === 'approvers');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.saved && <Notice kind="success">{t('reply_approvers.saved')}</Notice>}
      <ErrorSummary ctx={ctx} issues={issues} />
      <p>{t('reply_approvers.intro', { office: agency.officeName ?? t('reply_approvers.no_office') })}</p>
      <PostForm ctx={ctx} action={`/admin/agencies/${agency.id}/reply-approvers`}>
        <fieldset class={error ? 'fieldset field--error' : 'fieldset'} aria-describedby="approvers-hint">
          <legend class="fieldset__legend">{t('reply_approvers.legend')}</legend>
          <p class="field__hint" id="approvers-hint">
            {t('reply_approvers.hint')}
          </p>
          <FieldError ctx={ctx} issues={issues} name="approvers" />
          {REPLY_APPROVERS.map((a, n) => (
            <div class="field checkbox">
              <input
                type="checkbox"
                id={n === 0 ? fieldId('approvers') : `${fieldId('approvers')}-${a}`}
                name="approvers"
                value={a}
                checked={props.chosen.includes(a)}
                class="checkbox__input"
              />
              <label class="checkbox__label" for={n === 0 ? fieldId('approvers') : `${fieldId('approvers')}-${a}`}>
                {t(`reply_approvers.role.${a}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitRow ctx={ctx} label={t('reply_approvers.save')} />
      </PostForm>
      <p>
        <a href={`/admin/agencies/${agency.id}`}>{agency.name}</a>
      </p>
    </Layout>
  );
}
