/**
 * PendingDraftPanel — the drafted answer waiting for approval, with the approve and return
 * forms for those who may decide (never for its own drafter: separation of duties).
 * CatalogSearchPanel — a search of the agency's published catalog from the case (GET form),
 * whose results can be ticked into the reply draft's catalog items.
 *
 * Parameters: ctx; appId; draft (ReplyDraft); canDecide; ownDraft; issues (of the approver's
 * forms) — and for the search: q, results (null before a search), the reply form's anchor.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { ReplyDraft } from '../applications.events.ts';
import { formatChinaTime } from '../../../platform/clock.ts';
import { outcomeLabel } from './case-forms.tsx';

export function PendingDraftPanel(props: {
  ctx: ViewContext;
  appId: number;
  draft: ReplyDraft;
  canDecide: boolean;
  ownDraft: boolean;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, draft: d } = props;
  const { t } = ctx;
  return (
    <section class="notice" data-pending-draft={String(d.id)} aria-labelledby="pending-draft-title">
      <h2 id="pending-draft-title">{t('applications.approval.pending')}</h2>
      <p class="muted">
        {t('applications.approval.drafted_by', {
          name: d.actorName ?? t('common.none'),
          at: formatChinaTime(d.createdAt),
        })}
      </p>
      <dl class="summary-list">
        <dt>{t('applications.field.outcome')}</dt>
        <dd data-draft-outcome={d.outcome}>{outcomeLabel(ctx, d.outcome)}</dd>
        <dt>{t('applications.field.reply_date')}</dt>
        <dd>{d.replyDate}</dd>
        <dt>{t('applications.field.reply_summary')}</dt>
        <dd>{d.summary}</dd>
        {d.redactions && (
          <>
            <dt>{t('applications.field.redactions')}</dt>
            <dd>{d.redactions}</dd>
          </>
        )}
        {d.catalogItems.length > 0 && (
          <>
            <dt>{t('applications.case.catalog_items')}</dt>
            <dd>
              {d.catalogItems.map((i, n) => (
                <>
                  {n > 0 && '；'}
                  <a href={`/admin/items/${i.id}`}>{i.title}</a>（{i.indexNumber}）
                </>
              ))}
            </dd>
          </>
        )}
      </dl>
      {props.canDecide && props.ownDraft && <p data-own-draft="true">{t('applications.approval.own_draft')}</p>}
      {props.canDecide && !props.ownDraft && (
        <>
          <ErrorSummary ctx={ctx} issues={props.issues} />
          <form method="post" action={`/admin/applications/${props.appId}/reply/approve`} class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="draft" value={String(d.id)} />
            <button type="submit" class="button">
              {t('applications.approval.approve')}
            </button>
          </form>
          <form method="post" action={`/admin/applications/${props.appId}/reply/return`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="draft" value={String(d.id)} />
            <TextField
              ctx={ctx}
              name="return_reason"
              label={t('applications.field.return_reason')}
              issues={props.issues}
              required
              multiline
            />
            <div class="button-row">
              <button type="submit" class="button button--secondary">
                {t('applications.approval.return')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

export interface CatalogHit {
  readonly id: number;
  readonly title: string;
  readonly indexNumber: string;
  readonly documentNumber: string | null;
  readonly publicationDate: string | null;
}

export function CatalogSearchPanel(props: {
  ctx: ViewContext;
  appId: number;
  q: string;
  results: { total: number; capped: boolean; hits: readonly CatalogHit[] } | null;
  linked: readonly string[];
  issues: readonly ValidationIssue[];
}) {
  const { ctx, results } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="catalog-search-title" data-search-catalog="true">
      <h2 id="catalog-search-title">{t('applications.catalog_search.title')}</h2>
      <form
        method="get"
        action={`/admin/applications/${props.appId}/catalog-search#catalog-search-title`}
        role="search"
      >
        <ErrorSummary ctx={ctx} issues={props.issues} />
        <TextField
          ctx={ctx}
          name="q"
          label={t('applications.catalog_search.q')}
          hint={t('applications.catalog_search.q_hint')}
          value={props.q}
          issues={props.issues}
          width="long"
        />
        <div class="button-row">
          <button type="submit" class="button button--secondary">
            {t('applications.catalog_search.submit')}
          </button>
        </div>
        {results && results.hits.length === 0 && (
          <p data-catalog-results="0">{t('applications.catalog_search.none')}</p>
        )}
        {results && results.hits.length > 0 && (
          <>
            <p data-catalog-results={String(results.total)}>
              {t(results.capped ? 'applications.catalog_search.count_capped' : 'applications.catalog_search.count', {
                n: results.total,
                shown: results.hits.length,
              })}
            </p>
            <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
              <table class="table">
                <caption class="visually-hidden">{t('applications.catalog_search.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('applications.catalog_search.link')}</th>
                    <th scope="col">{t('applications.catalog_search.index_number')}</th>
                    <th scope="col">{t('applications.catalog_search.item')}</th>
                    <th scope="col">{t('applications.catalog_search.published')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.hits.map((h) => (
                    <tr data-catalog-hit={h.indexNumber}>
                      <td>
                        <input
                          type="checkbox"
                          name="link"
                          value={h.indexNumber}
                          id={`catalog-link-${h.id}`}
                          checked={props.linked.includes(h.indexNumber)}
                        />
                        <label for={`catalog-link-${h.id}`} class="visually-hidden">
                          {t('applications.catalog_search.link_item', { title: h.title })}
                        </label>
                      </td>
                      <td>{h.indexNumber}</td>
                      <td>
                        <a href={`/admin/items/${h.id}`}>{h.title}</a>
                        {h.documentNumber && <span class="muted">（{h.documentNumber}）</span>}
                      </td>
                      <td>{h.publicationDate?.slice(0, 10) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="button-row">
              <button type="submit" class="button" name="to_reply" value="1" data-link-to-reply="true">
                {t('applications.catalog_search.link_submit')}
              </button>
            </div>
          </>
        )}
      </form>
    </section>
  );
}
