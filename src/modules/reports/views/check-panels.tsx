/**
 * Dashboard panels of the annual report (registered in check.routes.tsx):
 *  ReportTaskPanel     — the office's own report: due date and days left, or days overdue.
 *  MissingReportsPanel — the supervisor's list of reports still outstanding after the deadline.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { AgencyReportStatus } from '../report-status.ts';

export function ReportTaskPanel(props: { ctx: ViewContext; rows: readonly AgencyReportStatus[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-report-task" data-panel="report-task">
      <h2 id="panel-report-task">{t('reports.panel.due.title')}</h2>
      <ul>
        {props.rows.map((r) => {
          const overdue = r.window.state === 'overdue';
          const params = {
            agency: r.name,
            year: r.window.reportYear,
            deadline: r.deadline,
            n: Math.abs(r.window.daysRemaining),
            status: t(`reports.status.${r.status}`),
          };
          return (
            <li
              data-report={`${r.code}/${r.window.reportYear}`}
              data-days={r.window.daysRemaining}
              data-state={r.window.state}
            >
              <a href={`/admin/reports/${r.code}/${r.window.reportYear}`}>
                {t(overdue ? 'reports.panel.overdue.item' : 'reports.panel.due.item', params)}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function MissingReportsPanel(props: { ctx: ViewContext; rows: readonly AgencyReportStatus[]; year: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-missing-reports" data-panel="missing-reports">
      <h2 id="panel-missing-reports">{t('reports.panel.missing.title')}</h2>
      <ul>
        {props.rows.map((r) => (
          <li data-agency={r.code} data-status={r.status}>
            {t('reports.panel.missing.item', {
              agency: r.name,
              year: props.year,
              deadline: r.deadline,
              status: t(`reports.status.${r.status}`),
            })}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/admin/reports/status?year=${props.year}`}>{t('reports.panel.missing.all')}</a>
      </p>
    </section>
  );
}
