/**
 * TrackFormPage — GET /apply/track: asks for the tracking code (and says when it is wrong).
 * TrackCasePage — GET /apply/track/:code: the public timeline of one application. It shows the
 * agency, the dates, the state and the steps by kind and date only: no applicant data, no
 * internal notes, no routing inside the agency. Once answered, the answer section (track-answer.tsx).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { formatTrackingCode } from '../tracking.ts';
import { provisionalNote } from '../../calendar/index.ts';
import { ProvisionalNote } from '../../calendar/index.ts';
import { AnswerSection, type AnswerDownloads, type AnswerSummary } from './track-answer.tsx';

export function TrackFormPage(props: { ctx: ViewContext; code: string; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('applications.track.title')}>
      <h1>{t('applications.track.title')}</h1>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="get" action="/apply/track" novalidate>
        <TextField
          ctx={ctx}
          name="code"
          label={t('applications.track.code')}
          hint={t('applications.track.code_hint')}
          value={props.code}
          issues={props.issues}
          width="medium"
          autocomplete="off"
          required
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.track.submit')}
          </button>
          <a href="/apply">{t('applications.track.apply_link')}</a>
        </div>
      </form>
    </PublicLayout>
  );
}

export interface PublicStep {
  readonly date: string;
  readonly kind: string;
  readonly category?: string;
}

export function TrackCasePage(props: {
  ctx: ViewContext;
  code: string;
  agencyName: string;
  receivedOn: string;
  status: string;
  dueDate: string | null;
  /** Years without a loaded holiday notice that the due date depends on. */
  dueProvisionalYears?: string | null;
  steps: readonly PublicStep[];
  /** Set while a correction is asked for: the dates only (the note needs the correction key). */
  correction?: { requestedOn: string; correctBy: string | null } | null;
  corrected?: boolean;
  issues?: readonly ValidationIssue[];
  /** Set once the case is answered: the outcome and date, and the downloads once proved. */
  answer?: AnswerSummary | null;
  downloads?: AnswerDownloads | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('applications.track.case_title', { code: formatTrackingCode(props.code) });
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={props.issues ?? []} />
      {props.corrected && (
        <Notice kind="success">
          <p>
            {t('applications.correction.done', {
              due: props.dueDate ? `${props.dueDate}${provisionalNote(ctx.locale, props.dueProvisionalYears)}` : '—',
            })}
          </p>
        </Notice>
      )}
      <dl class="summary-list">
        <dt>{t('applications.track.agency')}</dt>
        <dd>{props.agencyName}</dd>
        <dt>{t('applications.track.received')}</dt>
        <dd>{props.receivedOn}</dd>
        <dt>{t('applications.track.status')}</dt>
        <dd>{t(`applications.status.${props.status}`)}</dd>
        {props.status !== 'closed' && (
          <>
            <dt>{t('applications.track.due')}</dt>
            <dd>
              {props.dueDate ?? t('applications.track.due_stopped')}
              {props.dueDate && <ProvisionalNote locale={ctx.locale} years={props.dueProvisionalYears} />}
            </dd>
          </>
        )}
      </dl>
      {props.correction && (
        <CorrectionUnlock ctx={ctx} code={props.code} correction={props.correction} issues={props.issues ?? []} />
      )}
      {props.answer && (
        <AnswerSection
          ctx={ctx}
          code={props.code}
          answer={props.answer}
          downloads={props.downloads}
          issues={props.issues ?? []}
        />
      )}
      <h2>{t('applications.track.timeline')}</h2>
      <ol class="timeline">
        {props.steps.map((s) => (
          <li class="timeline__item">
            <span class="timeline__date">{s.date}</span>
            {t(`applications.event.${s.kind}`)}
            {s.category && `（${t(`applications.category.${s.category}`)}）`}
          </li>
        ))}
      </ol>
      <p>
        <a href="/apply/track">{t('applications.track.title')}</a>
      </p>
    </PublicLayout>
  );
}

/** The correction request on the public page: its dates, and the correction key to see the rest. */
function CorrectionUnlock(props: {
  ctx: ViewContext;
  code: string;
  correction: { requestedOn: string; correctBy: string | null };
  issues: readonly ValidationIssue[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="correction-heading">
      <h2 id="correction-heading">{t('applications.correction.heading')}</h2>
      <p>
        {t('applications.correction.asked', {
          date: props.correction.requestedOn,
          by: props.correction.correctBy ?? '—',
        })}
      </p>
      <form method="post" action={`/apply/track/${props.code}/correction`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="applicant_key"
          label={t('applications.correction.key')}
          hint={t('applications.correction.key_hint')}
          value=""
          issues={props.issues}
          width="medium"
          autocomplete="off"
          required
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.correction.unlock')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * CorrectionPage — POST /apply/track/:code/correction with a valid key: what the office asked to
 * correct, and the application's description to correct (the key travels on, hidden, in the
 * POST body — never in a URL).
 */
export function CorrectionPage(props: {
  ctx: ViewContext;
  code: string;
  applicantKey: string;
  request: { requestedOn: string; correctBy: string | null; note: string };
  values: { description?: string | null; document_number_hint?: string | null; correction_note?: string | null };
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v } = props;
  const { t } = ctx;
  const title = t('applications.correction.title', { code: formatTrackingCode(props.code) });
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <h2>{t('applications.correction.what')}</h2>
      <p class="correction-note" data-correction-note="true">
        {props.request.note}
      </p>
      <p>
        {t('applications.correction.asked', { date: props.request.requestedOn, by: props.request.correctBy ?? '—' })}
      </p>
      <form method="post" action={`/apply/track/${props.code}/correction`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="applicant_key" value={props.applicantKey} />
        <input type="hidden" name="step" value="submit" />
        <TextField
          ctx={ctx}
          name="description"
          label={t('applications.field.description')}
          value={v.description}
          issues={props.issues}
          required
          multiline
        />
        <TextField
          ctx={ctx}
          name="document_number_hint"
          label={t('applications.field.document_number_hint')}
          value={v.document_number_hint}
          issues={props.issues}
        />
        <TextField
          ctx={ctx}
          name="correction_note"
          label={t('applications.correction.note')}
          value={v.correction_note}
          issues={props.issues}
          multiline
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.correction.submit')}
          </button>
          <a href={`/apply/track/${props.code}`}>{t('applications.correction.cancel')}</a>
        </div>
      </form>
    </PublicLayout>
  );
}
