/**
 * One information item in the console.
 *
 *  ItemPage({ ctx, data, issues?, notice?, done?, values? })
 *      — the item as item.presenter.ts presents it: the catalog data as a summary list; the actions the actor may take now (computed from
 *        the workflow table: one form per transition with the fields its requirements ask for);
 *        the personal-data check of the current version with "mask all" and, for confidentiality
 *        reviewers, a form to let the findings through with a reason; the current version; the
 *        version history; the status history (who, when, from, to, why); confidentiality reviews
 *        and, for normative documents, the validity history
 */
import { ChangesSection } from './changes-panel.tsx';
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, FieldError, Notice, PostButton } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { Text } from '../../../platform/i18n/i18n.ts';
import type { ItemPageModel } from '../item.presenter.ts';
import type { Transition } from '../workflow.ts';
import { StatusTag } from './item-list-page.tsx';
import { AttachmentsSection, LinksSection, ValiditySection } from './item-sections.tsx';
import { StatusHistory } from './status-history.tsx';
import { ProvisionalNote } from '../../calendar/index.ts';

export const itemDoneMessages: Record<string, string> = {
  created: 'pub.created',
  saved: 'pub.saved',
  transition: 'pub.done.transition',
  masked: 'pub.done.masked',
  override: 'pub.done.override',
  corrected: 'pub.done.corrected',
  validity: 'pub.done.validity',
  attachment_added: 'pub.done.attachment_added',
  attachment_replaced: 'pub.done.attachment_replaced',
  attachment_removed: 'pub.done.attachment_removed',
};

function Row(props: { label: string; children: ComponentChildren }) {
  const c = props.children;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{c === null || c === undefined || c === '' ? '—' : c}</dd>
    </>
  );
}

/** One transition as a form: event hidden, plus the inputs its requirements ask for. Field ids
 *  carry the event so that several forms on the page stay distinct. */
function TransitionForm(props: {
  ctx: ViewContext;
  itemId: number;
  row: Transition;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, row, issues } = props;
  const { t } = ctx;
  const input = (name: 'reason' | 'basis' | 'date', label: string, kind: 'text' | 'date') => {
    const id = `${name}-${row.event}`;
    const err = issues.find((i) => i.field === id);
    return (
      <div class={err ? 'field field--error' : 'field'}>
        <label class="field__label" for={`field-${id}`}>
          {label}
        </label>
        <FieldError ctx={ctx} issues={issues} name={id} />
        {kind === 'date' ? (
          <input
            id={`field-${id}`}
            name={name}
            type="date"
            class="input input--short"
            aria-invalid={err ? 'true' : undefined}
            aria-describedby={err ? `field-${id}-error` : undefined}
          />
        ) : (
          <textarea
            id={`field-${id}`}
            name={name}
            rows={2}
            class="input input--long"
            aria-invalid={err ? 'true' : undefined}
            aria-describedby={err ? `field-${id}-error` : undefined}
          />
        )}
      </div>
    );
  };
  const warning = row.event === 'return' || row.event === 'withdraw' || row.event === 'emergency_publish';
  return (
    <form method="post" action={`/admin/items/${props.itemId}/transition`} class="card">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="event" value={row.event} />
      {row.needs.includes('confidentiality_review') && input('basis', t('pub.field.basis'), 'text')}
      {row.needs.includes('reason') && input('reason', t('pub.field.reason'), 'text')}
      {row.needs.includes('date') && input('date', t('pub.field.date'), 'date')}
      <button type="submit" class={warning ? 'button button--warning' : 'button'}>
        {t(`pub.event.${row.event}`)}
      </button>
    </form>
  );
}

function PiiSection(props: { ctx: ViewContext; data: ItemPageModel; issues: readonly ValidationIssue[] }) {
  const { ctx, data, issues } = props;
  const { t } = ctx;
  const count = data.findings.length;
  return (
    <section aria-labelledby="pii-title">
      <h2 id="pii-title">{t('pub.item.pii')}</h2>
      {count === 0 ? (
        <p>{t('pub.item.pii_clean')}</p>
      ) : (
        <>
          {data.override ? (
            <Notice kind="success">
              {t('pub.item.pii_overridden', { reason: data.override.reason, name: data.override.reviewerName ?? '—' })}
            </Notice>
          ) : (
            <Notice kind="warning">{t('pub.item.pii_found', { count })}</Notice>
          )}
          <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
            <table class="table">
              <caption class="visually-hidden">{t('pub.item.pii')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pub.item.pii_where')}</th>
                  <th scope="col">{t('pub.item.pii_kind')}</th>
                  <th scope="col">{t('pub.item.pii_masked')}</th>
                </tr>
              </thead>
              <tbody>
                {data.findings.map((x) => (
                  <tr>
                    <td>
                      {x.filename !== null
                        ? t('pub.pii.field.attachment', { name: x.filename })
                        : t(`pub.pii.field.${x.field}`)}{' '}
                      {t('pub.item.pii_line', { line: x.line })}
                    </td>
                    <td>{t(`pub.pii.kind.${x.kind}`)}</td>
                    <td>
                      <code>{x.masked}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.findings.some((f) => f.filename !== null) && !data.override && (
            <p>{t('pub.item.pii_attachment_hint')}</p>
          )}
          {data.can.mask && data.findings.some((f) => f.filename === null) && (
            <PostButton ctx={ctx} action={`/admin/items/${data.item.id}/mask`} label={t('pub.item.mask_all')} />
          )}
          {data.can.override && !data.override && (
            <form method="post" action={`/admin/items/${data.item.id}/pii-override`} class="card">
              <CsrfField ctx={ctx} />
              <div class={issues.some((i) => i.field === 'override_reason') ? 'field field--error' : 'field'}>
                <label class="field__label" for="field-override_reason">
                  {t('pub.field.override_reason')}
                </label>
                <FieldError ctx={ctx} issues={issues} name="override_reason" />
                <textarea id="field-override_reason" name="override_reason" rows={2} class="input input--long" />
              </div>
              <button type="submit" class="button button--warning">
                {t('pub.item.override')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

function Header(props: { ctx: ViewContext; data: ItemPageModel; notice?: Text; done?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const { item } = props.data;
  const doneKey = props.done && Object.hasOwn(itemDoneMessages, props.done) ? itemDoneMessages[props.done] : undefined;
  return (
    <>
      <h1>{item.title}</h1>
      <p>
        <StatusTag ctx={ctx} status={item.status} />
        {item.late && <span class="tag tag--danger">{t('pub.item.late')}</span>}
      </p>
      {item.emergency && (
        <Notice kind="warning">
          {t(item.emergency.overdue ? 'pub.item.emergency_overdue' : 'pub.item.emergency_pending', {
            due: item.emergency.dueOn,
          })}
        </Notice>
      )}
      {item.scheduledOn && <p>{t('pub.item.scheduled_on', { date: item.scheduledOn })}</p>}
      {doneKey && <Notice kind="success">{t(doneKey)}</Notice>}
      {props.notice && <Notice kind="warning">{pick(ctx.locale, props.notice)}</Notice>}
    </>
  );
}

function ActionsSection(props: { ctx: ViewContext; data: ItemPageModel; issues: readonly ValidationIssue[] }) {
  const { ctx, data, issues } = props;
  const { t } = ctx;
  const { item } = data;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('pub.item.actions')}</h2>
      {data.can.edit && (
        <p>
          <a class="button button--secondary" href={`/admin/items/${item.id}/edit`}>
            {t('pub.edit')}
          </a>
        </p>
      )}
      {data.can.correct && (
        <p>
          <a class="button button--secondary" href={`/admin/items/${item.id}/correct`}>
            {t('pub.event.correct')}
          </a>
        </p>
      )}
      {data.transitions.length === 0 && !data.can.edit && !data.can.correct ? (
        <p>
          {data.waitingFor.length
            ? t('pub.item.waits_for', {
                steps: data.waitingFor.map((w) => `${t(`role.${w.role}`)}（${t(`pub.event.${w.event}`)}）`).join('、'),
              })
            : t('pub.item.no_actions')}
        </p>
      ) : (
        <div class="cards">
          {data.transitions.map((row) => (
            <TransitionForm ctx={ctx} itemId={item.id} row={row} issues={issues} />
          ))}
        </div>
      )}
    </section>
  );
}

function MetadataSection(props: { ctx: ViewContext; data: ItemPageModel }) {
  const { ctx } = props;
  const { t } = ctx;
  const { item, currentValidity } = props.data;
  return (
    <section aria-labelledby="meta-title">
      <h2 id="meta-title">{t('pub.item.metadata')}</h2>
      <dl class="summary-list">
        <Row label={t('pub.field.index_number')}>
          <code>{item.indexNumber}</code>
        </Row>
        <Row label={t('pub.field.document_number')}>{item.documentNumber}</Row>
        <Row label={t('pub.field.issuing_agencies')}>{item.issuingAgencies}</Row>
        <Row label={t('pub.field.responsible_unit')}>{item.unitName}</Row>
        <Row label={t('pub.field.formation_date')}>{item.formationDate}</Row>
        <Row label={t('pub.field.due_on')}>
          {item.dueOn ? (
            <>
              {item.dueOn}
              <ProvisionalNote locale={ctx.locale} years={item.dueProvisionalYears} />
            </>
          ) : null}
        </Row>
        <Row label={t('pub.field.publication_date')}>{item.publicationDate}</Row>
        <Row label={t('pub.field.disclosure_mode')}>
          {t(`pub.mode.${item.disclosureMode}`)}
          {item.nonDisclosureBasis && ` — ${t(`pub.basis.${item.nonDisclosureBasis}`)}`}
        </Row>
        <Row label={t('pub.field.catalog_category')}>{t(`pub.category.${item.category}`)}</Row>
        <Row label={t('pub.field.art20_item')}>{item.art20Item ? t('pub.art20', { n: item.art20Item }) : ''}</Row>
        <Row label={t('pub.field.topic')}>{item.topic}</Row>
        <Row label={t('pub.field.genre')}>{item.genre}</Row>
        <Row label={t('pub.field.keywords')}>{item.keywords}</Row>
        {item.isNormative && (
          <Row label={t('pub.item.validity')}>
            {currentValidity
              ? `${t(`pub.validity.${currentValidity.validity}`)}（${currentValidity.effectiveDate}）`
              : ''}
          </Row>
        )}
      </dl>
    </section>
  );
}

function CurrentVersionSection(props: { ctx: ViewContext; data: ItemPageModel }) {
  const { t } = props.ctx;
  const { current } = props.data;
  return (
    <section aria-labelledby="current-title">
      <h2 id="current-title">{t('pub.item.current', { n: current.versionNo })}</h2>
      {current.summary && <p class="lead">{current.summary}</p>}
      {/* The only raw HTML of the console: the body, cleaned by sanitize-html when it was saved
          and once more by the presenter, so a row written by an import or an older version is safe too. */}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: current.bodyHtml }} />
      {current.changeNote && (
        <p>
          {t('pub.item.change_note')}：{current.changeNote}
        </p>
      )}
    </section>
  );
}

function VersionsSection(props: { ctx: ViewContext; data: ItemPageModel }) {
  const { t } = props.ctx;
  const { item, versions } = props.data;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('pub.item.versions')}</h2>
      <p>
        <a href={`/admin/items/${item.id}/versions`}>{t('pub.versions.link')}</a>
      </p>
      <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
        <table class="table">
          <caption class="visually-hidden">{t('pub.item.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pub.item.version_no')}</th>
              <th scope="col">{t('pub.field.title')}</th>
              <th scope="col">{t('pub.item.change_note')}</th>
              <th scope="col">{t('pub.item.created_at')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.versionNo}</td>
                <td>{v.title}</td>
                <td>{v.changeNote ?? '—'}</td>
                <td>{v.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReviewsSection(props: { ctx: ViewContext; data: ItemPageModel }) {
  const { t } = props.ctx;
  const { reviews } = props.data;
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('pub.item.reviews')}</h2>
      <ul class="plain-list">
        {reviews.map((r) => (
          <li>
            {t('pub.item.review_line', {
              date: r.decidedOn,
              name: r.reviewerName ?? '—',
              decision: t(`pub.review.${r.decision}`),
              basis: r.basis,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ItemPage(props: {
  ctx: ViewContext;
  data: ItemPageModel;
  issues?: readonly ValidationIssue[];
  notice?: Text;
  done?: string;
  values?: Record<string, string | undefined>;
}) {
  const { ctx, data } = props;
  const { t } = ctx;
  const { item } = data;
  const issues = props.issues ?? [];
  return (
    <Layout ctx={ctx} title={item.title} wide>
      <Header ctx={ctx} data={data} notice={props.notice} done={props.done} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <ActionsSection ctx={ctx} data={data} issues={issues} />
      <MetadataSection ctx={ctx} data={data} />
      <LinksSection ctx={ctx} interprets={data.interprets} interpretations={data.interpretations} />
      <PiiSection ctx={ctx} data={data} issues={issues} />
      <CurrentVersionSection ctx={ctx} data={data} />
      <AttachmentsSection
        ctx={ctx}
        itemId={item.id}
        attachments={data.attachments}
        canEdit={data.can.edit}
        maxBytes={data.uploadMaxBytes}
        issues={issues}
      />
      <VersionsSection ctx={ctx} data={data} />
      <StatusHistory ctx={ctx} title={t('pub.item.history')} rows={data.history} />
      <ReviewsSection ctx={ctx} data={data} />
      <ChangesSection ctx={ctx} changes={data.changes} />
      {item.hasValidity && (
        <ValiditySection
          ctx={ctx}
          itemId={item.id}
          validity={data.validity}
          canRecord={data.can.validity}
          issues={issues}
          values={props.values}
        />
      )}
      <p>
        <a href="/admin/items">{t('pub.back')}</a>
      </p>
    </Layout>
  );
}
