/**
 * CasePage — GET /admin/applications/:id: the applicant (masked: ID 430602********1234, phone
 * 138****5678, unless a disclosure officer asked to see it in full, which is audited), the
 * request, the reply deadline and how it was computed day by day (the steps of deadline.ts),
 * problems with the time limits, the case history, and for the disclosure office the forms to
 * record a step and the reply.
 *
 * Parameters: ctx; app (the presented case); agencyName; unitName; personal (shown values, masked
 * or full); revealed; deadline (computeDeadline's result as of today); events (presented, with actor
 * names); units; can { handle, reveal }; form state for the event and reply forms; recorded (kind just
 * recorded, for the notice).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice, PostButton, TableWrap } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { DeadlineResult } from '../deadline.ts';
import type { CaseEventItem, CaseView, LinkedReviewItem, PersonalView } from '../applications.presenter.ts';
import { isOutcomeCode } from '../outcome.ts';
import { DeliveryForm, EventForm, ReplyForm, outcomeLabel } from './case-forms.tsx';
import type { Values } from './applicant-fields.tsx';
import { CaseDocuments, type AttachmentView } from './case-documents.tsx';
import type { NoticeKind } from '../notices/notices.ts';
import { CaseReconsideration } from './case-reconsideration.tsx';
import { CaseDuplicates } from './case-duplicates.tsx';
import { CaseMailbox } from './case-mailbox.tsx';
import type { LinkedMailboxCase } from '../linked-mailbox.ts';
import { ProvisionalNote } from '../../calendar/index.ts';
import type { DuplicateReport } from '../duplicates.ts';
import type { ReplyDraft } from '../applications.events.ts';
import type { ReplyApprover } from '../reply-approvers.ts';
import { CatalogSearchPanel, PendingDraftPanel, type CatalogHit } from './case-approval.tsx';

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

type Props = {
  ctx: ViewContext;
  app: CaseView;
  agencyName: string;
  unitName: string | null;
  personal: PersonalView;
  revealed: boolean;
  deadline: DeadlineResult;
  events: readonly CaseEventItem[];
  units: readonly { id: number; name: string }[];
  can: { handle: boolean; reveal: boolean };
  eventForm: { values: Values; issues: readonly ValidationIssue[] };
  replyForm: { values: Values; issues: readonly ValidationIssue[] };
  /** Who may approve the draft reply in this agency (its setting). */
  approvers: readonly ReplyApprover[];
  recorded?: string;
  attachments?: readonly AttachmentView[];
  notices?: readonly { kind: NoticeKind; templateVersion: number | null }[];
  issuedKey?: string;
  /** Reconsideration and litigation cases over this application; null: the reader may not see them. */
  reviews?: { rows: readonly LinkedReviewItem[]; canManage: boolean } | null;
  /** The linked mailbox letters and work orders, and where to pass the case to the mailbox. */
  mailbox?: { rows: readonly LinkedMailboxCase[]; passPath: string | null };
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
};

/** The case's outcome once answered: its row of table 三, date, summary, the catalog items named and redactions. */
function OutcomeDetails(props: { ctx: ViewContext; outcome: NonNullable<CaseView['outcome']> }) {
  const { ctx, outcome } = props;
  const { t } = ctx;
  return (
    <>
      <dt>{t('applications.case.outcome')}</dt>
      <dd>
        {outcomeLabel(ctx, outcome.code)}（{outcome.on}）{outcome.summary && <div>{outcome.summary}</div>}
        {outcome.catalogItems.length > 0 && (
          <div data-catalog-items="true">
            {t('applications.case.catalog_items')}：
            {outcome.catalogItems.map((i, n) => (
              <>
                {n > 0 && '；'}
                <a href={`/admin/items/${i.id}`}>{i.title}</a>（{i.indexNumber}）
              </>
            ))}
          </div>
        )}
        {outcome.redactions && (
          <div data-redactions="true">
            {t('applications.field.redactions')}：{outcome.redactions}
          </div>
        )}
      </dd>
    </>
  );
}

/** The case at a glance: agency, status, channel, receipt, assigned unit and the outcome. */
function CaseSummary(props: Props) {
  const { ctx, app } = props;
  const { t } = ctx;
  return (
    <dl class="summary-list">
      <dt>{t('applications.track.agency')}</dt>
      <dd>{props.agencyName}</dd>
      <dt>{t('applications.list.status')}</dt>
      <dd>{t(`applications.status.${app.status}`)}</dd>
      <dt>{t('applications.field.channel')}</dt>
      <dd>{t(`applications.channel.${app.channel}`)}</dd>
      <dt>{t('applications.track.received')}</dt>
      <dd>{app.receivedOn}</dd>
      <dt>{t('applications.field.assigned_unit')}</dt>
      <dd>{props.unitName ?? '—'}</dd>
      {app.outcome && <OutcomeDetails ctx={ctx} outcome={app.outcome} />}
    </dl>
  );
}

/** The applicant, masked unless revealed, with the button that reveals (audited). */
function ApplicantSection(props: Props) {
  const { ctx, app, personal: p } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('applications.case.applicant')}</h2>
      <dl class="summary-list" data-personal={props.revealed ? 'full' : 'masked'}>
        <dt>{t('applications.field.applicant_kind')}</dt>
        <dd>{t(`applications.kind.${app.applicantKind}`)}</dd>
        <dt>{t('applications.field.applicant_name')}</dt>
        <dd>{app.applicantName}</dd>
        {app.organisationCreditCode && (
          <>
            <dt>{t('applications.field.credit_code')}</dt>
            <dd>{app.organisationCreditCode}</dd>
            <dt>{t('applications.field.contact_person')}</dt>
            <dd>{app.contactPerson}</dd>
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
    </>
  );
}

/** What was asked for, in which form and how it is to be delivered. */
function RequestSection(props: { ctx: ViewContext; app: CaseView }) {
  const { ctx, app } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('applications.case.request')}</h2>
      <p>{app.description}</p>
      {app.documentNumberHint && (
        <p class="muted">
          {t('applications.field.document_number_hint')}：{app.documentNumberHint}
        </p>
      )}
      <p class="muted">
        {t('applications.field.form_wanted')}：{t(`applications.form.${app.formWanted}`)}；
        {t('applications.field.delivery_way')}：{t(`applications.delivery.${app.deliveryWay}`)}
      </p>
    </>
  );
}

/** The reply deadline, the pause, the provisional date and the problems with the time limits. */
function DeadlineSection(props: Props) {
  const { ctx, app, deadline: dl } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="deadline">{t('applications.case.deadline')}</h2>
      <dl class="summary-list">
        <dt>{t('applications.case.due')}</dt>
        <dd data-due-date={app.dueDate ?? ''}>
          {app.dueDate ?? t('applications.case.due_none')}
          {app.dueDate && <ProvisionalNote locale={ctx.locale} years={app.dueDateProvisionalYears} />}
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
      <DeadlineIssues ctx={ctx} deadline={dl} />
      <DeadlineSteps ctx={ctx} deadline={dl} />
      <p>
        <a href={`/api/v1/applications/${app.id}/deadline`}>{t('applications.case.api')}</a>
      </p>
      {props.can.handle && app.costFees2007 && (
        <p>
          <a href={`/admin/applications/${app.id}/cost-fees-2007`} data-link="cost-fees-2007">
            {t('cost2007.title')}
          </a>
        </p>
      )}
    </>
  );
}

/** The time limits broken (an alert) and the warnings. */
function DeadlineIssues(props: { ctx: ViewContext; deadline: DeadlineResult }) {
  const { ctx, deadline: dl } = props;
  const { t } = ctx;
  return (
    <>
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
    </>
  );
}

/** How the deadline was counted, day by day (deadline.ts), folded. */
function DeadlineSteps(props: { ctx: ViewContext; deadline: DeadlineResult }) {
  const { ctx, deadline: dl } = props;
  const { t } = ctx;
  return (
    <details class="steps-details">
      <summary>{t('applications.case.steps_toggle', { count: dl.steps.length })}</summary>
      <TableWrap ctx={ctx}>
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
      </TableWrap>
    </details>
  );
}

/** The case history: each step with its date, who recorded it and when, and its details. */
function Timeline(props: { ctx: ViewContext; events: readonly CaseEventItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('applications.case.timeline')}</h2>
      <ol class="timeline">
        {props.events.map((e) => (
          <li class="timeline__item" data-event={e.kind}>
            <span class="timeline__date">{e.occurredOn}</span>
            {t(`applications.event.${e.kind}`)}
            <span class="muted">
              {' '}
              — {e.actorName ?? t('common.none')} · {e.recordedAt}
            </span>
            <DetailLine ctx={ctx} detail={e.detail} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** The office's forms: a step and the draft reply while the case is open, the delivery once answered. */
function OfficeForms(props: Props) {
  const { ctx, app } = props;
  const { t } = ctx;
  if (!props.can.handle) return null;
  if (app.closed)
    return app.delivered ? null : (
      <>
        <h2 id="deliver">{t('applications.case.deliver')}</h2>
        <DeliveryForm ctx={ctx} id={app.id} values={props.eventForm.values} issues={props.eventForm.issues} />
      </>
    );
  return (
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
      <ReplyForm
        ctx={ctx}
        id={app.id}
        values={props.replyForm.values}
        issues={props.replyForm.issues}
        approvers={props.approvers}
      />
    </>
  );
}

export function CasePage(props: Props) {
  const { ctx, app } = props;
  const { t } = ctx;
  const title = t('applications.case.title', { code: app.displayCode });
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      {props.recorded && (
        <Notice kind="success">
          {t('applications.case.recorded', { what: t(`applications.event.${props.recorded}`) })}
        </Notice>
      )}
      {props.revealed && <Notice kind="warning">{t('applications.case.revealed')}</Notice>}
      <CaseSummary {...props} />
      <ApplicantSection {...props} />
      <RequestSection ctx={ctx} app={app} />
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
          trackingCode={app.trackingCode}
          rows={props.reviews.rows}
          canManage={props.reviews.canManage}
        />
      )}
      {props.mailbox && <CaseMailbox ctx={ctx} rows={props.mailbox.rows} passPath={props.mailbox.passPath} />}
      <DeadlineSection {...props} />
      <Timeline ctx={ctx} events={props.events} />
      {props.catalogSearch && <CatalogSearchPanel ctx={ctx} appId={app.id} {...props.catalogSearch} />}
      {props.approval && <PendingDraftPanel ctx={ctx} appId={app.id} {...props.approval} />}
      <OfficeForms {...props} />
    </Layout>
  );
}
