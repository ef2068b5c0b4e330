/**
 * ApprovalPanel — on the console's start page, for those who approve answers: the cases whose
 * drafted reply waits for them, with the drafter and the due date, most urgent first.
 *
 * Parameters: ctx; rows (case id, tracking code, due date, drafter, when drafted).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { formatChinaTime } from '../../../platform/clock.ts';
import { formatTrackingCode } from '../tracking.ts';

export interface AwaitingApproval {
  readonly id: number;
  readonly tracking_code: string;
  readonly due_date: string | null;
  readonly drafted_at: string;
  readonly drafted_by: string | null;
}

export function ApprovalPanel(props: { ctx: ViewContext; rows: readonly AwaitingApproval[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-approval" data-panel="awaiting-approval">
      <h2 id="panel-approval">{t('applications.approval.panel_title', { n: props.rows.length })}</h2>
      <ul>
        {props.rows.map((r) => (
          <li data-awaiting-approval={String(r.id)}>
            <a href={`/admin/applications/${r.id}#pending-draft-title`}>{formatTrackingCode(r.tracking_code)}</a>
            <span class="muted">
              {' '}
              —{' '}
              {t('applications.approval.drafted_by', {
                name: r.drafted_by ?? t('common.none'),
                at: formatChinaTime(r.drafted_at),
              })}
              ；{t('applications.case.due')}：{r.due_date ?? t('applications.case.due_none')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
