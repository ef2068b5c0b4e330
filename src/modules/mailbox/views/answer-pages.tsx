/**
 * AnswersPage — GET /mailbox/answers: the 互动交流 column, published letters and replies (paged,
 * by agency) with the agency's interaction figures and the ways to write and track a letter.
 * AnswerPage — GET /mailbox/answers/:id: one published letter and its reply.
 * Every text here comes from a presenter that ran the personal-data guard (letter.presenter.ts).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import { Pager } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import type { PublicAnswer } from '../letter.presenter.ts';
import type { InteractionIndicators } from '../public-answers.ts';

function Paragraphs(props: { text: string }) {
  return (
    <div class="prose">
      {props.text.split(/\n+/).map((line) => (
        <p>{line}</p>
      ))}
    </div>
  );
}

function Indicators(props: { ctx: ViewContext; figures: InteractionIndicators }) {
  const { ctx, figures: f } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('mailbox.indicators.heading')}</h2>
      <dl class="summary-list" data-indicators="true">
        <dt>{t('mailbox.indicators.received')}</dt>
        <dd>{String(f.received)}</dd>
        <dt>{t('mailbox.indicators.answered')}</dt>
        <dd>{String(f.answered)}</dd>
        <dt>{t('mailbox.indicators.average_days')}</dt>
        <dd>
          {f.averageWorkingDays === null
            ? t('mailbox.indicators.none')
            : t('mailbox.indicators.days', { n: f.averageWorkingDays })}
        </dd>
        <dt>{t('mailbox.indicators.overdue')}</dt>
        <dd>{String(f.unansweredOverThreeMonths)}</dd>
      </dl>
    </section>
  );
}

export function AnswersPage(props: {
  ctx: ViewContext;
  agencies: readonly { code: string; name: string }[];
  agency: { code: string; name: string } | null;
  figures: InteractionIndicators;
  answers: Page<PublicAnswer>;
}) {
  const { ctx, agency } = props;
  const { t } = ctx;
  const title = agency ? t('mailbox.answers.title_agency', { agency: agency.name }) : t('mailbox.answers.title');
  const query = agency ? `agency=${agency.code}&` : '';
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('mailbox.answers.lead')}</p>
      <p class="button-row">
        <a class="button" href={agency ? `/mailbox/write?agency=${agency.code}` : '/mailbox/write'}>
          {t('mailbox.answers.write')}
        </a>
        <a href="/mailbox/track">{t('mailbox.answers.track')}</a>
        <a href={agency ? `/mailbox/answers.atom?agency=${agency.code}` : '/mailbox/answers.atom'}>
          {t('mailbox.answers.feed')}
        </a>
      </p>
      <form method="get" action="/mailbox/answers" class="filter-form">
        <label for="answers-agency">{t('mailbox.answers.agency')}</label>{' '}
        <select id="answers-agency" name="agency" class="select">
          <option value="">{t('mailbox.answers.all_agencies')}</option>
          {props.agencies.map((a) => (
            <option value={a.code} selected={a.code === agency?.code}>
              {a.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button--secondary">
          {t('mailbox.answers.filter')}
        </button>
      </form>
      <Indicators ctx={ctx} figures={props.figures} />
      <h2>{t('mailbox.answers.count', { n: props.answers.total })}</h2>
      {props.answers.rows.length === 0 ? (
        <p class="empty-state">{t('mailbox.answers.none')}</p>
      ) : (
        <ul class="plain-list" data-answers="true">
          {props.answers.rows.map((a) => (
            <li>
              <a href={`/mailbox/answers/${a.id}`}>{a.subject}</a>{' '}
              <span class="muted">
                {t(`mailbox.write.category.${a.category}`)} · {a.agencyName} · {t('mailbox.answers.replied_on')}{' '}
                {a.repliedOn}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pager ctx={ctx} page={props.answers} href={(n) => `/mailbox/answers?${query}page=${n}`} />
    </PublicLayout>
  );
}

export function AnswerPage(props: { ctx: ViewContext; answer: PublicAnswer; agencyCode: string }) {
  const { ctx, answer: a } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={a.subject}>
      <h1>{a.subject}</h1>
      <dl class="summary-list">
        <dt>{t('mailbox.answers.category')}</dt>
        <dd>{t(`mailbox.write.category.${a.category}`)}</dd>
        <dt>{t('mailbox.answers.writer')}</dt>
        <dd>{a.writerName ?? t('mailbox.answers.anonymous')}</dd>
        <dt>{t('mailbox.answers.received_on')}</dt>
        <dd>{a.receivedOn}</dd>
        <dt>{t('mailbox.answers.replied_by')}</dt>
        <dd>{a.agencyName}</dd>
        <dt>{t('mailbox.answers.replied_on')}</dt>
        <dd>{a.repliedOn}</dd>
      </dl>
      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading">{t('mailbox.answers.letter')}</h2>
        <Paragraphs text={a.letter} />
      </section>
      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading">{t('mailbox.answers.reply')}</h2>
        <Paragraphs text={a.reply} />
      </section>
      <p>
        <a href={`/mailbox/answers?agency=${props.agencyCode}`}>{t('mailbox.answers.back')}</a>
      </p>
    </PublicLayout>
  );
}
