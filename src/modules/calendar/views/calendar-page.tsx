/**
 * CalendarPage — the working-day calendar: years and their notices, a warning for a missing
 * year, a "try a period" tool that explains a due date day by day, and (for the system
 * administrator) the form to add a notice or an ad-hoc change.
 *
 * Parameters: ctx; years (year, notice, url, amendments, offDays, workdays); missingYears;
 * trial (from, days, date, explanation) or undefined; canManage; issues and form values for the
 * add form; saved (number of recomputed cases) after a change.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitRow,
  TableWrap,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { ExplainedDay } from '../../../platform/calendar/calendar.ts';

export interface YearLine {
  readonly year: number;
  readonly notice: string;
  readonly url?: string;
  readonly amendments: readonly string[];
  readonly offDays: number;
  readonly workdays: readonly string[];
}

export interface Trial {
  readonly from: string;
  readonly days: number;
  readonly date: string;
  readonly explanation: readonly ExplainedDay[];
}

export function CalendarPage(props: {
  ctx: ViewContext;
  years: readonly YearLine[];
  missingYears: readonly number[];
  trial?: Trial;
  trialIssues: readonly ValidationIssue[];
  trialValues: { from: string; days: string };
  canManage: boolean;
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  saved?: number;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('calendar.title')} wide>
      <h1>{t('calendar.title')}</h1>
      <p class="lead">{t('calendar.lead')}</p>
      {props.saved !== undefined && <Notice kind="success">{t('calendar.saved', { count: props.saved })}</Notice>}
      {props.missingYears.map((year) => (
        <Notice kind="warning">{t('calendar.missing_year', { year })}</Notice>
      ))}

      <TrialSection ctx={ctx} trial={props.trial} issues={props.trialIssues} values={props.trialValues} />

      <NoticeYears ctx={ctx} years={props.years} />

      {props.canManage && <AddNoticeForm ctx={ctx} issues={props.issues} values={props.values} />}
    </Layout>
  );
}

/** The "try a period" tool: the form, and for a submitted period its due date explained day by day. */
function TrialSection(props: {
  ctx: ViewContext;
  trial?: Trial;
  issues: readonly ValidationIssue[];
  values: { from: string; days: string };
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="try">{t('calendar.try')}</h2>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="get" action="/admin/calendar#try" novalidate>
        <TextField
          ctx={ctx}
          name="from"
          label={t('calendar.try_from')}
          value={props.values.from}
          issues={props.issues}
          width="short"
          hint="2026-02-10"
        />
        <TextField
          ctx={ctx}
          name="days"
          label={t('calendar.try_days')}
          value={props.values.days}
          issues={props.issues}
          width="short"
        />
        <div class="button-row">
          <button type="submit" class="button button--secondary">
            {t('calendar.try')}
          </button>
        </div>
      </form>
      {props.trial && (
        <>
          <p class="lead" role="status">
            {t('calendar.try_result', { from: props.trial.from, days: props.trial.days, date: props.trial.date })}
          </p>
          <TableWrap ctx={ctx}>
            <table class="table">
              <caption class="visually-hidden">{t('calendar.try')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.ordinal')}</th>
                  <th scope="col">{t('calendar.date')}</th>
                  <th scope="col">{t('calendar.day_kind')}</th>
                </tr>
              </thead>
              <tbody>
                {props.trial.explanation.map((d) => (
                  <tr>
                    <td>{d.counted ? d.ordinal : '—'}</td>
                    <td>{d.date}</td>
                    <td>
                      {t(`calendar.day.${d.reason}`)}
                      {d.holidayName ? `（${d.holidayName}）` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </>
  );
}

/** The years with their notices, amendments, off days and adjusted workdays. */
function NoticeYears(props: { ctx: ViewContext; years: readonly YearLine[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('calendar.notice')}</h2>
      <TableWrap ctx={ctx}>
        <table class="table">
          <caption class="visually-hidden">{t('calendar.notice')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.year')}</th>
              <th scope="col">{t('calendar.notice')}</th>
              <th scope="col">{t('calendar.off_days')}</th>
              <th scope="col">{t('calendar.workdays')}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr>
                <td>{y.year}</td>
                <td>
                  {y.url ? (
                    <a href={y.url} rel="noopener noreferrer">
                      {y.notice}
                    </a>
                  ) : (
                    y.notice
                  )}
                  {y.amendments.map((a) => (
                    <div class="muted">+ {a}</div>
                  ))}
                </td>
                <td>{y.offDays}</td>
                <td>{y.workdays.join('、') || t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** The system administrator's form to add an annual notice or an ad-hoc amendment. */
function AddNoticeForm(props: {
  ctx: ViewContext;
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="add">{t('calendar.add_notice')}</h2>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="post" action="/admin/calendar/notices" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="year"
          label={t('calendar.year')}
          value={props.values.year}
          issues={props.issues}
          width="short"
          required
        />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('calendar.kind')}
          value={props.values.kind ?? 'annual'}
          options={[
            { value: 'annual', label: t('calendar.kind.annual') },
            { value: 'amendment', label: t('calendar.kind.amendment') },
          ]}
          issues={props.issues}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('calendar.field.title')}
          value={props.values.title}
          issues={props.issues}
          required
        />
        <TextField
          ctx={ctx}
          name="url"
          label={t('calendar.field.url')}
          value={props.values.url}
          issues={props.issues}
        />
        <TextField
          ctx={ctx}
          name="note"
          label={t('calendar.field.note')}
          value={props.values.note}
          issues={props.issues}
        />
        <TextField
          ctx={ctx}
          name="days"
          label={t('calendar.field.days')}
          hint={t('calendar.field.days_hint')}
          value={props.values.days}
          issues={props.issues}
          multiline
          required
        />
        <SubmitRow ctx={ctx} />
      </form>
    </>
  );
}
