/**
 * WriteLetterPage — GET /mailbox/write (and a re-shown POST): the letter form, per agency.
 * LetterReceiptPage — after a letter is stored: the tracking code and the due date explained.
 * TrackLetterFormPage — GET /mailbox/track: the tracking code and the contact given.
 * TrackLetterPage — POST /mailbox/track with a matching code and contact: the letter's state,
 * and once answered the reply. Shown only to whoever knows both, so it may repeat the letter.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import {
  CheckboxField,
  CsrfField,
  describedBy,
  ErrorSummary,
  FieldFrame,
  fieldId,
  Notice,
  SelectField,
  TextField,
} from '../../../platform/views/components.tsx';
import { ProofOfWorkFields } from '../../../platform/views/proof-of-work-fields.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { mailboxCategories } from '../mailbox.ts';
import { LETTER_ATTACHMENT_FIELDS } from '../letter-attachments.ts';
import type { LetterReceipt, TrackedLetter } from '../letter.presenter.ts';

type Values = Readonly<Record<string, string | undefined>>;

export interface PowView {
  readonly challenge: string;
  readonly question: string;
  readonly difficulty: number;
}

function AttachmentInputs(props: { ctx: ViewContext; issues: readonly ValidationIssue[] }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('mailbox.write.field.attachments')}</legend>
      <p class="field__hint">{t('mailbox.write.field.attachments_hint')}</p>
      {LETTER_ATTACHMENT_FIELDS.map((name, i) => {
        const error = issues.find((x) => x.field === name);
        const field = { ctx, name, label: t('mailbox.write.field.attachment', { n: i + 1 }), issues };
        return (
          <FieldFrame {...field} error={error}>
            <input
              id={fieldId(name)}
              name={name}
              type="file"
              class="input"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy(field, error)}
            />
          </FieldFrame>
        );
      })}
    </fieldset>
  );
}

function LetterFields(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('mailbox.write.section_letter')}</legend>
      <SelectField
        ctx={ctx}
        name="agency_id"
        label={t('mailbox.write.field.agency')}
        value={v.agency_id}
        issues={issues}
        required
        options={props.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
      />
      <SelectField
        ctx={ctx}
        name="category"
        label={t('mailbox.write.field.category')}
        value={v.category}
        issues={issues}
        required
        options={[
          { value: '', label: '—' },
          ...mailboxCategories.map((c) => ({ value: c, label: t(`mailbox.write.category.${c}`) })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="subject"
        label={t('mailbox.write.field.subject')}
        value={v.subject}
        issues={issues}
        required
      />
      <TextField
        ctx={ctx}
        name="request"
        label={t('mailbox.write.field.text')}
        hint={t('mailbox.write.field.text_hint')}
        value={v.request}
        issues={issues}
        required
        multiline
      />
    </fieldset>
  );
}

function WriterFields(props: { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('mailbox.write.section_writer')}</legend>
      <p class="field__hint">{t('mailbox.write.contact_hint')}</p>
      <TextField
        ctx={ctx}
        name="phone"
        type="tel"
        autocomplete="tel"
        width="medium"
        label={t('mailbox.write.field.phone')}
        value={v.phone}
        issues={issues}
      />
      <TextField
        ctx={ctx}
        name="email"
        type="email"
        autocomplete="email"
        width="medium"
        label={t('mailbox.write.field.email')}
        value={v.email}
        issues={issues}
      />
      <TextField
        ctx={ctx}
        name="writer_name"
        autocomplete="name"
        width="medium"
        label={t('mailbox.write.field.name')}
        value={v.writer_name}
        issues={issues}
      />
    </fieldset>
  );
}

export function WriteLetterPage(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  agencyName: string | null;
  values: Values;
  issues: readonly ValidationIssue[];
  pow: PowView;
  powScript: string;
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const title = props.agencyName
    ? t('mailbox.write.title_agency', { agency: props.agencyName })
    : t('mailbox.write.title');
  return (
    <PublicLayout ctx={ctx} title={title} scripts={[props.powScript]}>
      <h1>{title}</h1>
      <p class="lead">{t('mailbox.write.lead')}</p>
      <p>
        {t('mailbox.write.not_application')} <a href="/apply">{t('mailbox.write.apply_link')}</a>
      </p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form
        method="post"
        action="/mailbox/write"
        enctype="multipart/form-data"
        novalidate
        data-pow={String(props.pow.difficulty)}
      >
        <CsrfField ctx={ctx} />
        <LetterFields ctx={ctx} agencies={props.agencies} values={v} issues={issues} />
        <AttachmentInputs ctx={ctx} issues={issues} />
        <WriterFields ctx={ctx} values={v} issues={issues} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('mailbox.write.section_publish')}</legend>
          <CheckboxField
            ctx={ctx}
            name="consent_to_publish"
            label={t('mailbox.write.field.consent')}
            hint={t('mailbox.write.field.consent_hint')}
            checked={v.consent_to_publish === '1'}
          />
          <CheckboxField
            ctx={ctx}
            name="publish_name"
            label={t('mailbox.write.field.publish_name')}
            hint={t('mailbox.write.field.publish_name_hint')}
            checked={v.publish_name === '1'}
          />
        </fieldset>
        <p class="muted">{t('mailbox.write.privacy')}</p>
        <ProofOfWorkFields
          ctx={ctx}
          challenge={props.pow.challenge}
          question={props.pow.question}
          legend={t('mailbox.write.section_check')}
          hint={t('mailbox.write.check_hint')}
          working={t('mailbox.write.check_working')}
          done={t('mailbox.write.check_done')}
          answerLabel={t('mailbox.write.field.pow_answer')}
          issues={issues}
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('mailbox.write.submit')}
          </button>
          <a href="/mailbox/track">{t('mailbox.track.title')}</a>
        </div>
      </form>
    </PublicLayout>
  );
}

export function LetterReceiptPage(props: { ctx: ViewContext; receipt: LetterReceipt }) {
  const { ctx, receipt: r } = props;
  const { t } = ctx;
  const category = t(`mailbox.write.category.${r.category}`);
  return (
    <PublicLayout ctx={ctx} title={t('mailbox.receipt.title')}>
      <h1>{t('mailbox.receipt.title')}</h1>
      <Notice kind="success">
        <p class="one-time-secret__label">{t('mailbox.receipt.code')}</p>
        <p class="one-time-secret__value">
          <code data-tracking-code={r.trackingCode}>{r.shownCode}</code>
        </p>
        <p>{t('mailbox.receipt.code_hint')}</p>
      </Notice>
      <p class="lead">{t('mailbox.receipt.lead', { date: r.receivedOn })}</p>
      <p>
        {r.sameDay
          ? t('mailbox.receipt.due_same_day', { due: r.dueDate })
          : t('mailbox.receipt.due', { category, due: r.dueDate })}
      </p>
      <p>
        <a class="button" href="/mailbox/track">
          {t('mailbox.receipt.track')}
        </a>
      </p>
    </PublicLayout>
  );
}

export function TrackLetterFormPage(props: { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('mailbox.track.title')}>
      <h1>{t('mailbox.track.title')}</h1>
      <p class="lead">{t('mailbox.track.lead')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/mailbox/track" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="code"
          label={t('mailbox.track.code')}
          value={v.code}
          issues={issues}
          width="medium"
          autocomplete="off"
          required
        />
        <TextField
          ctx={ctx}
          name="contact"
          label={t('mailbox.track.contact')}
          value={v.contact}
          issues={issues}
          width="medium"
          required
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('mailbox.track.submit')}
          </button>
          <a href="/mailbox/write">{t('mailbox.track.write_link')}</a>
        </div>
      </form>
    </PublicLayout>
  );
}

export function TrackLetterPage(props: { ctx: ViewContext; letter: TrackedLetter }) {
  const { ctx, letter: l } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('mailbox.track.title')}>
      <h1>{t('mailbox.track.title')}</h1>
      <dl class="summary-list">
        <dt>{t('mailbox.receipt.code')}</dt>
        <dd>
          <code>{l.shownCode}</code>
        </dd>
        <dt>{t('mailbox.track.agency')}</dt>
        <dd>{l.agencyName}</dd>
        <dt>{t('mailbox.track.subject')}</dt>
        <dd>{l.subject}</dd>
        <dt>{t('mailbox.track.received_on')}</dt>
        <dd>{l.receivedOn}</dd>
        <dt>{t('mailbox.track.status')}</dt>
        <dd>{t(`mailbox.track.state.${l.state}`)}</dd>
        {l.state === 'open' ? (
          <>
            <dt>{t('mailbox.track.due_date')}</dt>
            <dd>{l.dueDate}</dd>
          </>
        ) : (
          <>
            <dt>{t('mailbox.track.replied_on')}</dt>
            <dd>{l.repliedOn}</dd>
          </>
        )}
        {l.rating && (
          <>
            <dt>{t('mailbox.track.rating')}</dt>
            <dd>{t(`mailbox.rate.value.${l.rating}`)}</dd>
          </>
        )}
      </dl>
      {l.reply !== null && (
        <section aria-labelledby="reply-heading">
          <h2 id="reply-heading">{t('mailbox.track.reply')}</h2>
          <div class="prose">
            {l.reply.split('\n').map((line) => (
              <p>{line}</p>
            ))}
          </div>
        </section>
      )}
      {l.publishedId !== null && (
        <p>
          <a href={`/mailbox/answers/${l.publishedId}`}>{t('mailbox.track.published')}</a>
        </p>
      )}
    </PublicLayout>
  );
}
