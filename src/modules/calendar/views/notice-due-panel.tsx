// The system administrator's reminder on the console start page while a holiday notice is due.
import type { ViewContext } from '../../../platform/views/context.ts';

export function NoticeDuePanel(props: { ctx: ViewContext; years: readonly number[] }) {
  const { t } = props.ctx;
  return (
    <section class="panel" aria-labelledby="panel-calendar-notice" data-panel="calendar-notice">
      <h2 id="panel-calendar-notice">{t('calendar.reminder.title')}</h2>
      <ul class="notice-list">
        {props.years.map((year) => (
          <li data-notice-year={String(year)}>{t('calendar.missing_year', { year })}</li>
        ))}
      </ul>
      <p>
        <a href="/admin/calendar#add">{t('calendar.reminder.link')}</a>
      </p>
    </section>
  );
}
