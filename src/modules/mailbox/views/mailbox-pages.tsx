/**
 * The mailbox's console pages.
 *  MailboxListPage — GET /admin/mailbox: letters and work orders with their filters, count and pages.
 *  MailboxCasePage — GET /admin/mailbox/:id (?step=<event> opens that step's form), POST
 *    /admin/mailbox/:id/step and /reveal: the request, the writer (masked until revealed), the
 *    clock's explanation, the steps the actor may take, the reply versions and the history.
 */
import { CaseApplication } from './case-application.tsx';
import type { CaseApplicationView } from '../conversion.presenter.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ListCount, ListFilters, listHref, Pager, type FilterField } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import { ErrorSummary, Notice, PostButton, TableWrap, type FormValues } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type {
  AttachmentView,
  ClockLine,
  HistoryLine,
  MailboxCaseView,
  MailboxListItem,
  ReplyVersionView,
} from '../mailbox.presenter.ts';
import { MailboxStepForm, type StepChoice } from './mailbox-steps.tsx';

export interface MailboxListQuery {
  readonly source: string;
  readonly status: string;
  readonly category: string;
  readonly unit: string;
  readonly overdue: string;
}

export function MailboxListPage(props: {
  ctx: ViewContext;
  cases: Page<MailboxListItem>;
  query: MailboxListQuery;
  filters: readonly FilterField[];
  canManage: boolean;
}) {
  const { ctx, cases, query } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailbox.title')} wide>
      <h1>{t('mailbox.title')}</h1>
      {props.canManage && (
        <p>
          <a href="/admin/mailbox/settings">{t('mailbox.settings.title')}</a>
          {' · '}
          <a href="/admin/mailbox/import">{t('mailbox.import.title')}</a>
        </p>
      )}
      <ListFilters ctx={ctx} action="/admin/mailbox" fields={props.filters} per={cases.per} />
      <ListCount ctx={ctx} page={cases} />
      {cases.rows.length === 0 ? (
        <p>{t('mailbox.empty')}</p>
      ) : (
        <TableWrap ctx={ctx} label={t('mailbox.title')}>
          <table class="table" data-table="mailbox">
            <thead>
              <tr>
                <th scope="col">{t('mailbox.field.reference')}</th>
                <th scope="col">{t('mailbox.field.source')}</th>
                <th scope="col">{t('mailbox.field.category')}</th>
                <th scope="col">{t('mailbox.field.subject')}</th>
                <th scope="col">{t('mailbox.field.received_on')}</th>
                <th scope="col">{t('mailbox.field.due_date')}</th>
                <th scope="col">{t('mailbox.field.status')}</th>
                <th scope="col">{t('mailbox.field.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.rows.map((r) => (
                <tr data-status={r.status} data-overdue={r.overdue ? '1' : undefined}>
                  <td>
                    <a href={`/admin/mailbox/${r.id}`}>{r.reference}</a>
                  </td>
                  <td>{t(`mailbox.source.${r.source}`)}</td>
                  <td>{t(`mailbox.category.${r.category}`)}</td>
                  <td>{r.subject}</td>
                  <td class="date">{r.receivedOn}</td>
                  <td class="date">
                    {r.dueDate}
                    {r.overdue && <strong> {t('mailbox.overdue')}</strong>}
                  </td>
                  <td>{t(`mailbox.status.${r.status}`)}</td>
                  <td>{r.unitName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager ctx={ctx} page={cases} href={(n) => listHref('/admin/mailbox', { ...query, page: n, per: cases.per })} />
    </Layout>
  );
}

function Writer(props: { ctx: ViewContext; row: MailboxCaseView; canReveal: boolean }) {
  const { ctx, row } = props;
  const { t } = ctx;
  const p = row.personal;
  return (
    <section aria-labelledby="writer-title">
      <h2 id="writer-title">{t('mailbox.writer')}</h2>
      <dl class="summary-list" data-personal={row.revealed ? 'revealed' : 'masked'}>
        <dt>{t('mailbox.field.name')}</dt>
        <dd>{p.name ?? '—'}</dd>
        <dt>{t('mailbox.field.phone')}</dt>
        <dd>{p.phone ?? '—'}</dd>
        <dt>{t('mailbox.field.email')}</dt>
        <dd>{p.email ?? '—'}</dd>
        <dt>{t('mailbox.field.consent')}</dt>
        <dd>
          {t(
            row.consent
              ? row.publishName
                ? 'mailbox.consent.with_name'
                : 'mailbox.consent.yes'
              : 'mailbox.consent.no',
          )}
        </dd>
      </dl>
      {!row.revealed && props.canReveal && (
        <PostButton ctx={ctx} action={`/admin/mailbox/${row.id}/reveal`} label={t('mailbox.reveal')} secondary />
      )}
    </section>
  );
}

function Clock(props: { ctx: ViewContext; lines: readonly ClockLine[] }) {
  const { ctx } = props;
  const zh = ctx.locale !== 'en';
  return (
    <section aria-labelledby="clock-title">
      <h2 id="clock-title">{ctx.t('mailbox.clock')}</h2>
      <ol class="clock-steps" data-clock>
        {props.lines.map((l) => (
          <li data-kind={l.kind} data-counted={l.counted ? '1' : undefined}>
            {l.date} {zh ? l.text.zh : l.text.en}
          </li>
        ))}
      </ol>
    </section>
  );
}

function History(props: { ctx: ViewContext; rows: readonly HistoryLine[] }) {
  const { t } = props.ctx;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('mailbox.history')}</h2>
      <TableWrap ctx={props.ctx} labelledBy="history-title">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.history.at')}</th>
              <th scope="col">{t('mailbox.history.who')}</th>
              <th scope="col">{t('mailbox.history.event')}</th>
              <th scope="col">{t('mailbox.field.status')}</th>
              <th scope="col">{t('mailbox.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((h) => (
              <tr data-status={h.toStatus}>
                <td class="date">{h.at}</td>
                <td>{h.actorName ?? '—'}</td>
                <td>{t(`mailbox.event.${h.event}`)}</td>
                <td>
                  {h.fromStatus ? `${t(`mailbox.status.${h.fromStatus}`)} → ` : ''}
                  {t(`mailbox.status.${h.toStatus}`)}
                </td>
                <td>{h.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** The files the writer sent, each a download whose opening is audited. */
function CaseAttachments(props: { ctx: ViewContext; attachments: readonly AttachmentView[] }) {
  const { t } = props.ctx;
  if (props.attachments.length === 0) return null;
  return (
    <section data-attachments={String(props.attachments.length)}>
      <h3>{t('mailbox.attachments')}</h3>
      <ul>
        {props.attachments.map((a) => (
          <li>
            <a href={a.href}>{a.name}</a> （{a.size}）
          </li>
        ))}
      </ul>
      <p class="field__hint">{t('mailbox.attachments_hint')}</p>
    </section>
  );
}

export function MailboxCasePage(props: {
  ctx: ViewContext;
  row: MailboxCaseView;
  clock: readonly ClockLine[];
  history: readonly HistoryLine[];
  versions: readonly ReplyVersionView[];
  /** The files the writer sent with the letter (each opening is audited). */
  attachments: readonly AttachmentView[];
  steps: readonly StepChoice[];
  /** The step whose form is open, with its values and problems. */
  open: { event: string; values: FormValues; issues: readonly ValidationIssue[] } | null;
  units: readonly { id: number; name: string }[];
  canReveal: boolean;
  done: boolean;
  /** The linked disclosure application and the conversion link (conversion.presenter.ts). */
  application?: CaseApplicationView;
}) {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = `${t(`mailbox.source.${row.source}`)} ${row.reference}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.done && <Notice kind="success">{t('mailbox.step_done')}</Notice>}
      {props.open && <ErrorSummary ctx={ctx} issues={props.open.issues} />}
      <dl class="summary-list">
        <dt>{t('mailbox.field.status')}</dt>
        <dd data-status={row.status}>{t(`mailbox.status.${row.status}`)}</dd>
        <dt>{t('mailbox.field.category')}</dt>
        <dd>{t(`mailbox.category.${row.category}`)}</dd>
        <dt>{t('mailbox.field.received_at')}</dt>
        <dd>{row.receivedAt}</dd>
        <dt>{t('mailbox.field.due_date')}</dt>
        <dd>
          {row.dueDate}
          {row.dueDate !== row.originalDueDate && ` (${t('mailbox.original_due', { date: row.originalDueDate })})`}
          {row.overdue && <strong> {t('mailbox.overdue')}</strong>}
        </dd>
        <dt>{t('mailbox.field.unit')}</dt>
        <dd>{row.unitName ?? '—'}</dd>
        {row.rating && <dt>{t('mailbox.field.rating')}</dt>}
        {row.rating && (
          <dd>
            {t(`mailbox.rating.${row.rating}`)}
            {row.ratingComment ? `：${row.ratingComment}` : ''}
          </dd>
        )}
      </dl>
      <h2>{row.subject}</h2>
      <p class="prewrap">{row.request}</p>
      <CaseAttachments ctx={ctx} attachments={props.attachments} />
      {props.application && <CaseApplication ctx={ctx} view={props.application} />}
      <MailboxStepForm
        ctx={ctx}
        caseId={row.id}
        steps={props.steps}
        open={props.open}
        units={props.units}
        versions={props.versions}
      />
      <Writer ctx={ctx} row={row} canReveal={props.canReveal} />
      <Clock ctx={ctx} lines={props.clock} />
      {props.versions.length > 0 && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('mailbox.replies')}</h2>
          {props.versions.map((v) => (
            <article data-version={v.versionNo}>
              <h3>
                {t('mailbox.reply_version', { n: v.versionNo })} · {v.at}
                {v.current && ` · ${t('mailbox.current')}`}
              </h3>
              <p class="prewrap">{v.body}</p>
            </article>
          ))}
        </section>
      )}
      <History ctx={ctx} rows={props.history} />
      <p>
        <a href="/admin/mailbox">{t('mailbox.back')}</a>
      </p>
    </Layout>
  );
}
