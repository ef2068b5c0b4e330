// The calendar page: read by everyone who counts deadlines; notices added by the system admin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/policy.ts';
import { readForm } from '../../platform/form.ts';
import { issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { isRealDate } from '../../platform/form.ts';
import { calendarService, getCalendar } from './calendar.service.ts';
import { noticeKinds } from './calendar.ts';
import { noticeYearsDue } from './statutory.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { NoticeDuePanel } from './views/notice-due-panel.tsx';
import { CalendarPage, type Trial, type YearLine } from './views/calendar-page.tsx';
import { Type } from '@sinclair/typebox';
import {
  checkedStatus,
  firstQueryValues,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';

const noticeForm = {
  year: { kind: 'int', label: 'calendar.year', required: true },
  kind: { kind: 'choice', label: 'calendar.kind', required: true, choices: noticeKinds },
  title: { kind: 'text', label: 'calendar.field.title', required: true, max: 200 },
  url: { kind: 'text', label: 'calendar.field.url', max: 300 },
  note: { kind: 'text', label: 'calendar.field.note', max: 500 },
  days: { kind: 'text', label: 'calendar.field.days', required: true, max: 5000 },
} as const;

// The system administrator's reminder: from 1 November until next year's notice is loaded (and
// whenever this year's is missing), on the console's start page.
export const noticeDuePanel: DashboardPanel<number[]> = {
  id: 'calendar.notice_due',
  policy: 'calendar.manage',
  order: 4,
  async load(db) {
    const calendar = await getCalendar(db);
    const years = noticeYearsDue(todayInChina(), (y) => calendar.coverage(y).covered);
    return years.length ? years : null;
  },
  render: (ctx, years) => <NoticeDuePanel ctx={ctx} years={years} />,
};

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      saved?: number;
      status?: number;
      /** The page's trial count (?from=…&days=…#try), a GET form on the page itself. */
      trial?: { from?: string; days?: string };
    },
  ) {
    const calendar = await getCalendar(db);
    const rows = calendar.rows();
    const years: YearLine[] = calendar
      .coveredYears()
      .sort((a, b) => b - a)
      .map((year) => {
        const source = calendar.coverage(year).source!;
        const inYear = rows.filter((r) => r.date.startsWith(`${year}-`));
        return {
          year,
          notice: source.notice,
          url: source.url,
          amendments: (source.amendments ?? []).map((a) => a.notice),
          offDays: inYear.filter((r) => r.isOffDay).length,
          workdays: inYear.filter((r) => !r.isOffDay).map((r) => r.date.slice(5)),
        };
      });
    const missingYears = noticeYearsDue(todayInChina(), (y) => calendar.coverage(y).covered);
    const trialValues = {
      from: (extra.trial?.from ?? '').trim(),
      days: (extra.trial?.days ?? '').trim(),
    };
    const trialIssues: ValidationIssue[] = [];
    let trial: Trial | undefined;
    if (trialValues.from || trialValues.days) {
      if (!isRealDate(trialValues.from))
        trialIssues.push(issue('from', 'field.invalid_date', { label: req.t('calendar.try_from') }));
      const days = Number(trialValues.days);
      if (!/^\d{1,3}$/.test(trialValues.days) || days < 1 || days > 200)
        trialIssues.push(issue('days', 'field.invalid_format', { label: req.t('calendar.try_days') }));
      if (trialIssues.length === 0) {
        trial = {
          from: trialValues.from,
          days,
          date: calendar.addWorkingDays(trialValues.from, days),
          explanation: calendar.explainWorkingDays(trialValues.from, days),
        };
      }
    }
    return reply.page(
      <CalendarPage
        ctx={reply.view()}
        years={years}
        missingYears={missingYears}
        trial={trial}
        trialIssues={trialIssues}
        trialValues={trialValues}
        canManage={can(req.actor, 'calendar.manage')}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        saved={extra.saved}
      />,
      extra.status ?? checkedStatus(trialIssues),
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/calendar',
    {
      config: { policy: 'calendar.read' },
      schema: { querystring: Type.Object({ saved: Text, from: Text, days: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const { saved, from, days } = req.query;
      return render(req, reply, {
        saved: saved && /^\d+$/.test(saved) ? Number(saved) : undefined,
        trial: { from, days },
      });
    },
  );

  app.post('/admin/calendar/notices', { config: { policy: 'calendar.manage' } }, async (req, reply) => {
    const { values, issues } = readForm(noticeForm, req.body);
    const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
    if (values.year !== null && (values.year < 2008 || values.year > 2100))
      issues.push(issue('year', 'field.invalid_format', { label: req.t('calendar.year') }));
    if (issues.length) return render(req, reply, invalidForm(issues, raw));
    try {
      const result = await calendarService.addNotice(db, req.auditContext(), {
        year: values.year!,
        kind: values.kind as 'annual' | 'amendment',
        title: values.title!,
        url: values.url,
        note: values.note,
        daysText: values.days!,
      });
      return reply.redirect(`/admin/calendar?saved=${result.recomputed}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(req, reply, invalidForm(error, raw));
      throw error;
    }
  });
}
