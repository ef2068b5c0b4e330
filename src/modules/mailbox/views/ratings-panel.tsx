/**
 * WriterRatingsPanel — on the console's start page, for the disclosure office: the writers'
 * ratings of answered letters still awaiting the callback, the dissatisfied ones first with the
 * writer's comment, so that the office records the callback or sends the letter back to be redone.
 *
 * Parameters: ctx; rows (letter id, subject, rating, comment, date rated).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { Rating } from '../rating.ts';

export interface AwaitingCallback {
  readonly id: number;
  readonly subject: string;
  readonly rating: Rating;
  readonly comment: string | null;
  readonly ratedOn: string | null;
}

export function WriterRatingsPanel(props: { ctx: ViewContext; rows: readonly AwaitingCallback[] }) {
  const { ctx, rows } = props;
  const { t } = ctx;
  const dissatisfied = rows.filter((r) => r.rating === 'dissatisfied');
  return (
    <section class="panel" aria-labelledby="panel-writer-ratings" data-panel="writer-ratings">
      <h2 id="panel-writer-ratings">{t('mailbox.ratings.heading')}</h2>
      {dissatisfied.length > 0 && <p>{t('mailbox.ratings.decide')}</p>}
      <ul>
        {rows.map((r) => (
          <li data-writer-rating={r.rating}>
            <a href={`/admin/mailbox/${r.id}`}>{r.subject}</a> <strong>{t(`mailbox.rate.value.${r.rating}`)}</strong>
            <span class="muted">
              {' '}
              — {t('mailbox.ratings.rated_on')}：{r.ratedOn ?? '—'}
            </span>
            {r.comment && (
              <p class="muted">
                {t('mailbox.ratings.comment')}：{r.comment}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
