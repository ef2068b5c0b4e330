/**
 * MailboxFiguresTable — on the oversight page (one row per agency, linking to its breakdown) and on an
 * agency's breakdown (by unit, by month): the mayor's-mailbox letters and 12345 work orders received,
 * answered, answered in time, overdue, the mean working days to answer, satisfaction and redo rate.
 * Counts only, never a case. The definitions follow the table.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { TableWrap } from '../../../platform/views/components.tsx';
import type { ShareView } from '../supervision.presenter.ts';
import type { MailboxFiguresView, MailboxRow } from '../mailbox.presenter.ts';

export const MAILBOX_COLUMNS = [
  'received',
  'answered',
  'answered_in_time',
  'overdue',
  'average_days',
  'satisfaction',
  'redo',
] as const;

function shareText(s: ShareView): string {
  return `${s.percent}（${s.numerator}/${s.denominator}）`;
}

function Cells(props: { f: MailboxFiguresView }) {
  const { f } = props;
  return (
    <>
      <td data-figure="mailbox_received">{f.received}</td>
      <td data-figure="mailbox_answered">{f.answered}</td>
      <td data-figure="mailbox_answered_in_time">{shareText(f.answeredInTime)}</td>
      <td data-figure="mailbox_overdue">{f.overdue}</td>
      <td data-figure="mailbox_average_days">{f.averageWorkingDays}</td>
      <td data-figure="mailbox_satisfaction">{shareText(f.satisfaction)}</td>
      <td data-figure="mailbox_redo">{shareText(f.redo)}</td>
    </>
  );
}

export function MailboxFiguresTable<K>(props: {
  ctx: ViewContext;
  id: string;
  heading: string;
  first: string;
  rows: readonly MailboxRow<K>[];
  total: MailboxFiguresView;
  /** The text of a row without a label (the unassigned cases). */
  unlabelled?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id={props.id}>{props.heading}</h2>
      <TableWrap ctx={ctx} labelledBy={props.id}>
        <table class="table table--figures" data-mailbox-figures={props.id}>
          <thead>
            <tr>
              <th scope="col">{props.first}</th>
              {MAILBOX_COLUMNS.map((c) => (
                <th scope="col">{t(`supervision.mailbox.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr data-key={String(r.key)}>
                <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : (r.label ?? props.unlabelled ?? '—')}</th>
                <Cells f={r.figures} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-total>
              <th scope="row">{t('supervision.total')}</th>
              <Cells f={props.total} />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}

export function MailboxDefinitions(props: { ctx: ViewContext }) {
  const { t } = props.ctx;
  return (
    <details data-definitions="mailbox">
      <summary>{t('supervision.mailbox.definitions')}</summary>
      <dl class="summary-list">
        {MAILBOX_COLUMNS.map((c) => (
          <>
            <dt>{t(`supervision.mailbox.col.${c}`)}</dt>
            <dd data-definition={`mailbox_${c}`}>{t(`supervision.mailbox.def.${c}`)}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}
