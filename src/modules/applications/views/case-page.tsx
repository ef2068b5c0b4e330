/**
 * CasePage — GET /admin/applications/:id: the applicant (masked: ID 430602********1234, phone
 * 138****5678, unless a disclosure officer asked to see it in full, which is audited), the
 * request, the reply deadline and how it was computed day by day (the steps of deadline.ts),
 * problems with the time limits, the case history, and for the disclosure office the forms to
 * record a step and the reply.
 *
 * Parameters: ctx; app (row); agencyName; unitName; personal (shown values, masked or full);
 * revealed; deadline (computeDeadline's result as of today); today; events (with actor names);
 * units; can { handle, reveal }; form state for the event and reply forms; recorded (kind just
 * recorded, for the notice).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice, PostButton } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import { formatChinaTime } from '../../../platform/clock.ts';
import type { DeadlineResult } from '../deadline.ts';
import type { ApplicationEventRow, OpenedApplication } from '../applications.table.ts';
import type { PersonalData } from '../applications.service.ts';
import { isOutcomeCode } from '../outcome.ts';
import { feeRegimeOn } from '../fee.ts';
import { currentStatus } from '../applications.ts';
import { formatTrackingCode } from '../tracking.ts';
import { DeliveryForm, EventForm, ReplyForm, outcomeLabel } from './case-forms.tsx';
import type { Values } from './applicant-fields.tsx';
import { CaseDocuments, type AttachmentView } from './case-documents.tsx';
import type { NoticeKind } from '../notices/notices.ts';
import { CaseReconsideration, type LinkedReconsideration } from './case-reconsideration.tsx';
import { CaseDuplicates } from './case-duplicates.tsx';
import { ProvisionalNote } from '../../calendar/index.ts';
import type { DuplicateReport } from '../duplicates.ts';
import type { ReplyDraft } from '../applications.events.ts';
import { CatalogSearchPanel, PendingDraftPanel, type CatalogHit } from './case-approval.tsx';

export interface CaseEvent extends ApplicationEventRow {
  readonly actor_name: string | null;
  readonly detail: Record<string, unknown>;
}

function DetailLine(props: { ctx: ViewContext; detail: Record<string, unknown> }) {
  const { t } = props.ctx;
  const d = props.detail;
  const parts: string[] = [];
  const add = (labelKey: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') parts.push(`${t(labelKey)}：${String(value)}`);
  };
  if (typeof d.channel === 'string') parts.push(t(`applications.channel.${d.channel}`));
  if (typeof d.party === 'string') parts.push(t(`applications.party.${d.party}`));
  if (typeof d.way === 'string')
    parts.push(`${t('applications.field.delivered_by')}：${t(`applications.delivery.${d.way}`)}`);
  add('applications.field.correct_by', d.correctBy);
  add('applications.field.ref', d.ref);
  add('applications.field.letter_received_on', d.receivedOn);
  add('applications.field.days', d.days);
  add('applications.field.approver', d.approver);
  add('applications.field.delayed_until', d.until);
  add('applications.field.reason', d.reason);
  add('applications.field.amount_yuan', d.amountYuan);
  add('applications.field.assigned_unit', d.unitName);
  if (typeof d.outcome === 'string' && isOutcomeCode(d.outcome)) parts.push(outcomeLabel(props.ctx, d.outcome));
  if (d.from !== undefined || d.to !== undefined) parts.push(`${String(d.from ?? '—')} → ${String(d.to ?? '—')}`);
  add('applications.field.note', d.note);
  return parts.length ? <div class="muted">{parts.join('；')}</div> : null;
}

export function CasePage(props: {
  ctx: ViewContext;
  app: OpenedApplication;
  agencyName: string;
  unitName: string | null;
  personal: PersonalData;
  revealed: boolean;
  deadline: DeadlineResult;
  /** For the state on the page (currentStatus): a consultation window may have ended since. */
  today: string;
  events: readonly CaseEvent[];
  units: readonly { id: number; name: string }[];
  can: { handle: boolean; reveal: boolean };
  eventForm: { values: Values; issues: readonly ValidationIssue[] };
  replyForm: { values: Values; issues: readonly ValidationIssue[] };
  recorded?: string;
  attachments?: readonly AttachmentView[];
  notices?: readonly { kind: NoticeKind; templateVersion: number | null }[];
  issuedKey?: string;
  /** Reconsideration and litigation cases over this application; null: the reader may not see them. */
  reviews?: { rows: readonly LinkedReconsideration[]; canManage: boolean } | null;
  duplicates?: DuplicateReport;
  /** The drafted answer waiting for approval, and whether this reader may decide on it. */
  approval?: { draft: ReplyDraft; canDecide: boolean; ownDraft: boolean; issues: readonly ValidationIssue[] } | null;
  /** The catalog search panel (the office, open cases only); null: not shown. */
  catalogSearch?: {
    q: string;
    results: { total: number; capped: boolean; hits: readonly CatalogHit[] } | null;
    linked: readonly string[];
    issues: readonly ValidationIssue[];
  } | null;
}) {
  const { ctx, app, deadline: dl } = props;
  const { t } = ctx;
  const title = t('applications.case.title', { code: formatTrackingCode(app.tracking_code) });
  const p = props.personal;
  const dayRows = dl.steps.length;
  const replied = [...props.events].reverse().find((e) => e.kind === 'replied');
  const redactions = typeof replied?.detail.redactions === 'string' ? replied.detail.redactions : null;
  const catalogItems = Array.isArray(replied?.detail.catalogItems)
    ? (replied.detail.catalogItems as { id: number; indexNumber: string; title: string }[])
    : [];
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      {props.recorded && (
        <Notice kind="success">
          {t('applications.case.recorded', { what: t(`applications.event.${props.recorded}`) })}
        </Notice>
      )}
      {props.revealed && <Notice kind="warning">{t('applications.case.revealed')}</Notice>}
      <dl class="summary-list">
        <dt>{t('applications.track.agency')}</dt>
        <dd>{props.agencyName}</dd>
        <dt>{t('applications.list.status')}</dt>
        <dd>{t(`applications.status.${currentStatus(app, props.today)}`)}</dd>
        <dt>{t('applications.field.channel')}</dt>
        <dd>{t(`applications.channel.${app.channel}`)}</dd>
        <dt>{t('applications.track.received')}</dt>
        <dd>{app.received_on}</dd>
        <dt>{t('applications.field.assigned_unit')}</dt>
        <dd>{props.unitName ?? '—'}</dd>
        {app.outcome && isOutcomeCode(app.outcome) && (
          <>
            <dt>{t('applications.case.outcome')}</dt>
            <dd>
              {outcomeLabel(ctx, app.outcome)}（{app.outcome_on}）{app.reply_summary && <div>{app.reply_summary}</div>}
              {catalogItems.length > 0 && (
                <div data-catalog-items="true">
                  {t('applications.case.catalog_items')}：
                  {catalogItems.map((i, n) => (
                    <>
                      {n > 0 && '；'}
                      <a href={`/admin/items/${i.id}`}>{i.title}</a>（{i.indexNumber}）
                    </>
                  ))}
                </div>
              )}
              {redactions && (
                <div data-redactions="true">
                  {t('applications.field.redactions')}：{redactions}
                </div>
              )}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('applications.case.applicant')}</h2>
      <dl class="summary-list" data-personal={props.revealed ? 'full' : 'masked'}>
        <dt>{t('applications.field.applicant_kind')}</dt>
        <dd>{t(`applications.kind.${app.applicant_kind}`)}</dd>
        <dt>{t('applications.field.applicant_name')}</dt>
        <dd>{app.applicant_name}</dd>
        {app.organisation_credit_code && (
          <>
            <dt>{t('applications.field.credit_code')}</dt>
            <dd>{app.organisation_credit_code}</dd>
            <dt>{t('applications.field.contact_person')}</dt>
            <dd>{app.contact_person}</dd>
          </>
        )}
        <dt>{t('applications.field.id_number')}</dt>
        <dd>{p.idNumber ?? '—'}</dd>
        <dt>{t('applications.field.phone')}</dt>
        <dd>{p.phone ?? '—'}</dd>
        <dt>{t('applications.field.email')}</dt>
        <dd>{p.email ?? '—'}</dd>
        <dt>{t('applications.field.address')}</dt>
        <dd>{p.address ?? '—'}</dd>
      </dl>
      {props.can.reveal && !props.revealed && (
        <p>
          <PostButton
            ctx={ctx}
            action={`/admin/applications/${app.id}/reveal`}
            label={t('applications.case.show_full')}
            secondary
          />
          <span class="muted"> {t('applications.case.show_full_hint')}</span>
        </p>
      )}

      <h2>{t('applications.case.request')}</h2>
      <p>{app.description}</p>
      {app.document_number_hint && (
        <p class="muted">
          {t('applications.field.document_number_hint')}：{app.document_number_hint}
        </p>
      )}
      <p class="muted">
        {t('applications.field.form_wanted')}：{t(`applications.form.${app.form_wanted}`)}；
        {t('applications.field.delivery_way')}：{t(`applications.delivery.${app.delivery_way}`)}
      </p>

      {props.duplicates && <CaseDuplicates ctx={ctx} report={props.duplicates} />}

      <CaseDocuments
        ctx={ctx}
        appId={app.id}
        attachments={props.attachments ?? []}
        notices={props.notices ?? []}
        canOpenAttachments={props.can.reveal}
        canHandle={props.can.handle}
        {...(props.issuedKey ? { issuedKey: props.issuedKey } : {})}
      />

      {props.reviews && (
        <CaseReconsideration
          ctx={ctx}
          trackingCode={app.tracking_code}
          rows={props.reviews.rows}
          canManage={props.reviews.canManage}
        />
      )}

      <h2 id="deadline">{t('applications.case.deadline')}</h2>
      <dl class="summary-list">
        <dt>{t('applications.case.due')}</dt>
        <dd data-due-date={app.due_date ?? ''}>
          {app.due_date ?? t('applications.case.due_none')}
          {app.due_date && <ProvisionalNote locale={ctx.locale} years={app.due_date_provisional_years} />}
        </dd>
        <dt>{t('applications.case.rules', { rules: dl.rules })}</dt>
        <dd>{pick(ctx.locale, dl.steps[0]?.text ?? { zh: '', en: '' })}</dd>
      </dl>
      {dl.status === 'paused' && dl.pausedBy === 'consultation' && dl.pausedUntil && dl.dueDate && (
        <p data-paused-until={dl.pausedUntil}>
          {t('applications.case.paused_until', { until: dl.pausedUntil, due: dl.dueDate })}
        </p>
      )}
      {dl.provisionalDueDate && (
        <p>{t('applications.case.provisional', { date: dl.provisionalDueDate, days: dl.remainingWhenPaused ?? 0 })}</p>
      )}
      {dl.violations.length > 0 && (
        <div class="notice notice--warning" role="alert">
          <h3>{t('applications.case.violations')}</h3>
          <ul>
            {dl.violations.map((v) => (
              <li data-violation={v.code}>{pick(ctx.locale, v.text)}</li>
            ))}
          </ul>
        </div>
      )}
      {dl.warnings.length > 0 && (
        <>
          <h3>{t('applications.case.warnings')}</h3>
          <ul>
            {dl.warnings.map((w) => (
              <li data-warning={w.code}>{pick(ctx.locale, w.text)}</li>
            ))}
          </ul>
        </>
      )}
      <details class="steps-details">
        <summary>{t('applications.case.steps_toggle', { count: dayRows })}</summary>
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('applications.case.steps')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.case.step_date')}</th>
                <th scope="col">{t('applications.case.step_text')}</th>
              </tr>
            </thead>
            <tbody>
              {dl.steps.map((s) => (
                <tr class={s.kind === 'day' && !s.counted ? 'step--skipped' : undefined}>
                  <td>{s.date}</td>
                  <td>{pick(ctx.locale, s.text)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={`/api/v1/applications/${app.id}/deadline`}>{t('applications.case.api')}</a>
      </p>
      {props.can.handle && feeRegimeOn(app.received_on) === 'cost_fees_2008' && (
        <p>
          <a href={`/admin/applications/${app.id}/cost-fees-2007`} data-link="cost-fees-2007">
            {t('cost2007.title')}
          </a>
        </p>
      )}

      <h2>{t('applications.case.timeline')}</h2>
      <ol class="timeline">
        {props.events.map((e) => (
          <li class="timeline__item" data-event={e.kind}>
            <span class="timeline__date">{e.occurred_on}</span>
            {t(`applications.event.${e.kind}`)}
            <span class="muted">
              {' '}
              — {e.actor_name ?? t('common.none')} · {formatChinaTime(e.created_at)}
            </span>
            <DetailLine ctx={ctx} detail={e.detail} />
          </li>
        ))}
      </ol>

      {props.catalogSearch && <CatalogSearchPanel ctx={ctx} appId={app.id} {...props.catalogSearch} />}

      {props.approval && <PendingDraftPanel ctx={ctx} appId={app.id} {...props.approval} />}

      {props.can.handle && app.status !== 'closed' && (
        <>
          <h2 id="record">{t('applications.case.record')}</h2>
          <EventForm
            ctx={ctx}
            id={app.id}
            units={props.units}
            values={props.eventForm.values}
            issues={props.eventForm.issues}
          />
          <h2 id="reply">{t('applications.case.reply')}</h2>
          <ReplyForm ctx={ctx} id={app.id} values={props.replyForm.values} issues={props.replyForm.issues} />
        </>
      )}
      {props.can.handle && app.status === 'closed' && !props.events.some((e) => e.kind === 'delivered') && (
        <>
          <h2 id="deliver">{t('applications.case.deliver')}</h2>
          <DeliveryForm ctx={ctx} id={app.id} values={props.eventForm.values} issues={props.eventForm.issues} />
        </>
      )}
    </Layout>
  );
}
