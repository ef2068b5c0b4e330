/**
 * TrackFormPage — GET /apply/track: asks for the tracking code (and says when it is wrong).
 * TrackCasePage — GET /apply/track/:code: the public timeline of one application. It shows the
 * agency, the dates, the state and the steps by kind and date only: no applicant data, no
 * internal notes, no routing inside the agency.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { formatTrackingCode } from '../tracking.ts';

export function TrackFormPage(props: { ctx: ViewContext; code: string; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.track.title')}>
      <h1>{t('applications.track.title')}</h1>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="get" action="/apply/track" novalidate>
        <TextField ctx={ctx} name="code" label={t('applications.track.code')} hint={t('applications.track.code_hint')} value={props.code} issues={props.issues} width="medium" autocomplete="off" required />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.track.submit')}
          </button>
          <a href="/apply">{t('applications.track.apply_link')}</a>
        </div>
      </form>
    </Layout>
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
  steps: readonly PublicStep[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const title = t('applications.track.case_title', { code: formatTrackingCode(props.code) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
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
            <dd>{props.dueDate ?? t('applications.track.due_stopped')}</dd>
          </>
        )}
      </dl>
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
    </Layout>
  );
}
