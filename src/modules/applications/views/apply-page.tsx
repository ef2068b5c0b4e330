/**
 * ApplyPage — the public application form (GET /apply and a re-shown POST /apply).
 * ReceiptPage — shown once the application is stored: the tracking code, the date of receipt
 * and the reply deadline.
 *
 * ApplyPage parameters: ctx; agencies (id, name); values; issues; pow (challenge, difficulty,
 * question in the page's language); powScript (URL of pow.js, loaded on this page only).
 * Without JavaScript the arithmetic question is answered by hand; with it, pow.js hides the
 * question and does the work before the form is sent.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ProofOfWorkFields } from '../../../platform/views/proof-of-work-fields.tsx';
import { ApplicantFields, type Values } from './applicant-fields.tsx';
import { formatTrackingCode } from '../tracking.ts';
import { formatApplicantKey } from '../applicant-key.ts';
import { AttachmentFields } from './attachment-fields.tsx';
import { provisionalNote } from '../../calendar/index.ts';

export interface PowView {
  readonly challenge: string;
  readonly difficulty: number;
  readonly question: string;
}

export function ApplyPage(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  values: Values;
  issues: readonly ValidationIssue[];
  pow: PowView;
  powScript: string;
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('applications.apply.title')} scripts={[props.powScript]}>
      <h1>{t('applications.apply.title')}</h1>
      <p class="lead">{t('applications.apply.lead')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form
        method="post"
        action="/apply"
        enctype="multipart/form-data"
        novalidate
        data-pow={String(props.pow.difficulty)}
      >
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="agency_id"
          label={t('applications.field.agency')}
          value={v.agency_id}
          issues={issues}
          required
          options={props.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
        />
        <ApplicantFields ctx={ctx} values={v} issues={issues} />
        <AttachmentFields ctx={ctx} issues={issues} />
        <p class="muted">{t('applications.apply.privacy')}</p>
        <ProofOfWorkFields
          ctx={ctx}
          challenge={props.pow.challenge}
          question={props.pow.question}
          legend={t('applications.apply.section_check')}
          hint={t('applications.apply.check_hint')}
          working={t('applications.apply.check_working')}
          done={t('applications.apply.check_done')}
          answerLabel={t('applications.field.pow_answer')}
          issues={issues}
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.apply.submit')}
          </button>
          <a href="/apply/track">{t('applications.track.title')}</a>
        </div>
      </form>
    </PublicLayout>
  );
}

export function ReceiptPage(props: {
  ctx: ViewContext;
  trackingCode: string;
  applicantKey: string;
  receivedOn: string;
  dueDate: string | null;
  /** Years without a loaded holiday notice that the due date depends on. */
  dueProvisionalYears?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const shown = formatTrackingCode(props.trackingCode);
  const due = props.dueDate ? `${props.dueDate}${provisionalNote(ctx.locale, props.dueProvisionalYears)}` : '—';
  return (
    <PublicLayout ctx={ctx} title={t('applications.receipt.title')}>
      <h1>{t('applications.receipt.title')}</h1>
      <Notice kind="success">
        <p class="one-time-secret__label">{t('applications.receipt.code')}</p>
        <p class="one-time-secret__value">
          <code data-tracking-code={props.trackingCode}>{shown}</code>
        </p>
        <p class="one-time-secret__label">{t('applications.receipt.key')}</p>
        <p class="one-time-secret__value">
          <code data-applicant-key={props.applicantKey}>{formatApplicantKey(props.applicantKey)}</code>
        </p>
        <p>{t('applications.receipt.key_hint')}</p>
      </Notice>
      <p class="lead">{t('applications.receipt.lead', { date: props.receivedOn, due })}</p>
      <p>
        <a class="button" href={`/apply/track/${props.trackingCode}`}>
          {t('applications.receipt.track')}
        </a>
      </p>
    </PublicLayout>
  );
}
