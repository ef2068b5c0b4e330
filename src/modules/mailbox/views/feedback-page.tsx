/**
 * FeedbackPage — GET /admin/mailbox/feedback: the 12345 centre's feedback export (办结反馈) of the
 * officer's agency, as CSV or Excel, for the orders answered in a period (this year by default).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';

export function FeedbackPage(props: {
  ctx: ViewContext;
  agencyName: string;
  from: string;
  to: string;
  issues: readonly ValidationIssue[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailbox.feedback.title')}>
      <h1>{t('mailbox.feedback.title')}</h1>
      <p>{props.agencyName}</p>
      <p>{t('mailbox.feedback.intro')}</p>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="get" action="/admin/mailbox/feedback" novalidate>
        <TextField
          ctx={ctx}
          issues={props.issues}
          name="from"
          label={t('mailbox.feedback.from')}
          type="date"
          width="short"
          value={props.from}
        />
        <TextField
          ctx={ctx}
          issues={props.issues}
          name="to"
          label={t('mailbox.feedback.to')}
          type="date"
          width="short"
          value={props.to}
        />
        <p>
          <button type="submit" name="format" value="csv" class="button">
            {t('mailbox.feedback.csv')}
          </button>{' '}
          <button type="submit" name="format" value="xlsx" class="button button--secondary">
            {t('mailbox.feedback.xlsx')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
