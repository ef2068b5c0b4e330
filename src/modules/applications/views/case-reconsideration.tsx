/**
 * CaseReconsideration — on the case page: the reconsideration and litigation cases brought over this
 * application (src/modules/reviews), each with its kind, the body or court, the case number, the
 * date filed and its status (the result, or pending), linking to the review case; and for the
 * disclosure office a link to record a new one already linked to this application.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { LinkedReviewItem } from '../applications.presenter.ts';

export function CaseReconsideration(props: {
  ctx: ViewContext;
  trackingCode: string;
  rows: readonly LinkedReviewItem[];
  canManage: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="case-reviews">
      <h2 id="case-reviews">{t('applications.case.reviews')}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{t('applications.case.reconsideration_none')}</p>
      ) : (
        <ul>
          {props.rows.map((r) => (
            <li data-review={String(r.id)} data-review-status={r.result ?? 'pending'}>
              <a href={`/admin/reviews/${r.id}`}>
                {t(`reconsideration.kind.${r.kind}`)} · {r.body}
                {r.caseNumber ? ` · ${r.caseNumber}` : ''}
              </a>
              {' — '}
              {t('reconsideration.field.filed_on')}：{r.filedOn}；{t(`reconsideration.result.${r.result ?? 'pending'}`)}
              {r.decidedOn ? `（${r.decidedOn}）` : ''}
            </li>
          ))}
        </ul>
      )}
      {props.canManage && (
        <p>
          <a href={`/admin/reviews/new?application=${props.trackingCode}`}>
            {t('applications.case.reconsideration_new')}
          </a>
        </p>
      )}
    </section>
  );
}
