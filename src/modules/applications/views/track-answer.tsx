/**
 * AnswerSection — on the public tracking page of an answered case: the outcome in words and the
 * reply date for anyone with the tracking code; the proof form (correction key, or the last 6
 * characters of the ID or mobile number) until it is passed; then short-lived download links for
 * the reply notice and the information released with it.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';

export interface AnswerSummary {
  /** The outcome's category of table 三 (disclosed, partially_disclosed, withheld…). */
  readonly category: string;
  readonly repliedOn: string;
  readonly documentNumber: string | null;
}

export interface AnswerDownloads {
  readonly minutes: number;
  readonly noticeDocx: string;
  readonly noticeHtml: string;
  readonly files: readonly { name: string; kilobytes: number; href: string }[];
}

export function AnswerSection(props: {
  ctx: ViewContext;
  code: string;
  answer: AnswerSummary;
  downloads?: AnswerDownloads | undefined;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, answer, downloads } = props;
  const { t } = ctx;
  return (
    <section class="answer" aria-labelledby="answer-heading" data-answer={answer.category}>
      <h2 id="answer-heading">{t('applications.answer.heading')}</h2>
      <dl class="summary-list">
        <dt>{t('applications.answer.outcome')}</dt>
        <dd data-answer-outcome="true">{t(`applications.category.${answer.category}`)}</dd>
        <dt>{t('applications.answer.replied_on')}</dt>
        <dd>{answer.repliedOn}</dd>
        {answer.documentNumber && (
          <>
            <dt>{t('applications.answer.document_number')}</dt>
            <dd>{answer.documentNumber}</dd>
          </>
        )}
      </dl>
      <p>{t(`applications.answer.text.${answer.category}`)}</p>
      {downloads ? <Downloads ctx={ctx} downloads={downloads} /> : <ProofForm {...props} />}
    </section>
  );
}

function ProofForm(props: { ctx: ViewContext; code: string; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form method="post" action={`/apply/track/${props.code}/answer`} novalidate>
      <p>{t('applications.answer.prove_hint')}</p>
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name="proof"
        label={t('applications.answer.proof')}
        hint={t('applications.answer.proof_hint')}
        value=""
        issues={props.issues}
        width="medium"
        autocomplete="off"
        required
      />
      <div class="button-row">
        <button type="submit" class="button">
          {t('applications.answer.unlock')}
        </button>
      </div>
    </form>
  );
}

function Downloads(props: { ctx: ViewContext; downloads: AnswerDownloads }) {
  const { ctx, downloads: d } = props;
  const { t } = ctx;
  return (
    <div data-answer-downloads="true">
      <Notice kind="success">
        <p>{t('applications.answer.verified', { minutes: d.minutes })}</p>
      </Notice>
      <h3>{t('applications.answer.downloads')}</h3>
      <ul>
        <li>
          <a href={d.noticeDocx} data-download="notice-docx" download>
            {t('applications.answer.notice_docx')}
          </a>
        </li>
        <li>
          <a href={d.noticeHtml} data-download="notice-html">
            {t('applications.answer.notice_html')}
          </a>
        </li>
      </ul>
      <h3>{t('applications.answer.released')}</h3>
      {d.files.length === 0 ? (
        <p class="muted">{t('applications.answer.no_released')}</p>
      ) : (
        <ul>
          {d.files.map((f) => (
            <li>
              <a href={f.href} data-download="released" download>
                {f.name}
              </a>{' '}
              <span class="muted">{ctx.locale === 'en' ? `(${f.kilobytes} KB)` : `（${f.kilobytes} KB）`}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
