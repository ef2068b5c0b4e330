/**
 * MailboxStepForm — the steps of a case the actor may take now. A step that asks for nothing is a
 * button; one that asks for something (a reason, a unit, the reply's text, a rating, a new date)
 * is a link that opens its own form on the page (?step=<event>), so every field has one id.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { formFields, PostForm, type FormValues } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { mailboxRatings } from '../mailbox.ts';
import type { ReplyVersionView } from '../mailbox.presenter.ts';

export interface StepChoice {
  readonly event: string;
  readonly needs: readonly string[];
}

function Fields(props: {
  ctx: ViewContext;
  needs: readonly string[];
  values: FormValues;
  issues: readonly ValidationIssue[];
  units: readonly { id: number; name: string }[];
}) {
  const { ctx, needs } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  return (
    <>
      {needs.includes('unit') && (
        <f.Select
          name="unit_id"
          label={t('mailbox.field.unit')}
          hint={t('mailbox.unit_hint')}
          options={[
            { value: '', label: t('mailbox.by_rule') },
            ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
        />
      )}
      {needs.includes('reply_text') && <f.Text name="reply_text" label={t('mailbox.field.reply')} multiline required />}
      {needs.includes('rating') && (
        <f.Select
          name="rating"
          label={t('mailbox.field.rating')}
          required
          options={[
            { value: '', label: '—' },
            ...mailboxRatings.map((r) => ({ value: r, label: t(`mailbox.rating.${r}`) })),
          ]}
        />
      )}
      {needs.includes('rating') && <f.Text name="comment" label={t('mailbox.field.comment')} multiline />}
      {needs.includes('date') && <f.Date name="date" label={t('mailbox.field.new_due_date')} required />}
      {needs.includes('reason') && <f.Text name="reason" label={t('mailbox.field.reason')} multiline required />}
    </>
  );
}

export function MailboxStepForm(props: {
  ctx: ViewContext;
  caseId: number;
  steps: readonly StepChoice[];
  open: { event: string; values: FormValues; issues: readonly ValidationIssue[] } | null;
  units: readonly { id: number; name: string }[];
  versions: readonly ReplyVersionView[];
}) {
  const { ctx, caseId, open } = props;
  const { t } = ctx;
  if (props.steps.length === 0) return null;
  const opened = open ? props.steps.find((s) => s.event === open.event) : undefined;
  const draft = props.versions.find((v) => v.current)?.body ?? '';
  return (
    <section aria-labelledby="steps-title" id="step">
      <h2 id="steps-title">{t('mailbox.steps')}</h2>
      <div class="button-row">
        {props.steps.map((s) =>
          s.needs.length === 0 ? (
            <PostForm ctx={ctx} action={`/admin/mailbox/${caseId}/step`}>
              <input type="hidden" name="event" value={s.event} />
              <button type="submit" class="button" data-event={s.event}>
                {t(`mailbox.event.${s.event}`)}
              </button>
            </PostForm>
          ) : (
            <a
              class="button button--secondary"
              data-event={s.event}
              href={`/admin/mailbox/${caseId}?step=${s.event}#step`}
            >
              {t(`mailbox.event.${s.event}`)}
            </a>
          ),
        )}
      </div>
      {opened && open && (
        <PostForm ctx={ctx} action={`/admin/mailbox/${caseId}/step`}>
          <h3>{t(`mailbox.event.${opened.event}`)}</h3>
          <input type="hidden" name="event" value={opened.event} />
          <Fields
            ctx={ctx}
            needs={opened.needs}
            values={
              opened.needs.includes('reply_text') && open.values.reply_text === undefined
                ? { ...open.values, reply_text: draft }
                : open.values
            }
            issues={open.issues}
            units={props.units}
          />
          <div class="button-row">
            <button type="submit" class="button">
              {t(`mailbox.event.${opened.event}`)}
            </button>
            <a href={`/admin/mailbox/${caseId}`}>{t('action.cancel')}</a>
          </div>
        </PostForm>
      )}
    </section>
  );
}
