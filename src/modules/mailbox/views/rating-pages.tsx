/**
 * RatePage — GET /mailbox/rate/:token: the writer rates the reply (three grades and a comment),
 * once, from the link in the reply message; no account. After rating, or when already rated, the
 * same page says what was recorded. RateLinkInvalidPage — a token that matches nothing.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import { CsrfField, ErrorSummary, FieldError, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ratings, type Rating } from '../rating.ts';

export function RatePage(props: {
  ctx: ViewContext;
  token: string;
  subject: string;
  /** Set once rated: the page then only says so. */
  rated: Rating | null;
  justRated: boolean;
  values: Readonly<Record<string, string | undefined>>;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  if (props.rated) {
    const rating = t(`mailbox.rate.value.${props.rated}`);
    return (
      <PublicLayout ctx={ctx} title={t('mailbox.rate.thanks_title')}>
        <h1>{t('mailbox.rate.thanks_title')}</h1>
        <Notice kind="success">
          <p>{props.justRated ? t('mailbox.rate.thanks', { rating }) : t('mailbox.rate.already', { rating })}</p>
          {props.justRated && props.rated === 'dissatisfied' && <p>{t('mailbox.rate.dissatisfied_next')}</p>}
        </Notice>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout ctx={ctx} title={t('mailbox.rate.title')}>
      <h1>{t('mailbox.rate.title')}</h1>
      <p class="lead">{t('mailbox.rate.lead', { subject: props.subject })}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={`/mailbox/rate/${props.token}`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset
          class="fieldset"
          id="field-rating"
          aria-describedby={issues.length ? 'field-rating-error' : undefined}
        >
          <legend class="fieldset__legend">{t('mailbox.rate.field.rating')}</legend>
          <FieldError ctx={ctx} issues={issues} name="rating" />
          {ratings.map((r) => (
            <div class="field checkbox">
              <input
                type="radio"
                class="checkbox__input"
                id={`rating-${r}`}
                name="rating"
                value={r}
                checked={v.rating === r}
              />
              <label class="checkbox__label" for={`rating-${r}`}>
                {t(`mailbox.rate.value.${r}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          ctx={ctx}
          name="comment"
          label={t('mailbox.rate.field.comment')}
          value={v.comment}
          issues={issues}
          multiline
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('mailbox.rate.submit')}
          </button>
        </div>
      </form>
    </PublicLayout>
  );
}

export function RateLinkInvalidPage(props: { ctx: ViewContext }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('mailbox.rate.not_found_title')}>
      <h1>{t('mailbox.rate.not_found_title')}</h1>
      <p>{t('mailbox.rate.not_found')}</p>
    </PublicLayout>
  );
}
