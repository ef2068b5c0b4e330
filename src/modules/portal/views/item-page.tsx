// An item of the catalog as the public sees it, and the notice that replaces a withdrawn one.
import type { PortalContext } from './portal-context.ts';
import { PortalLayout } from './portal-layout.tsx';
import { ValidityTag } from './catalog-page.tsx';
import type { ItemPageModel, WithdrawnNotice } from '../item.presenter.ts';

/** The item's metadata (the catalog's fields), in the order of the standard. */
function metadataRows(ctx: PortalContext, data: ItemPageModel): [string, preact.ComponentChildren][] {
  const { t } = ctx;
  const i = data.item;
  const current = data.validity.at(-1);
  const rows: [string, preact.ComponentChildren][] = [
    [t('pub.field.index_number'), i.indexNumber],
    [t('pub.field.document_number'), i.documentNumber ?? '—'],
    [t('pub.field.issuing_agencies'), i.issuers],
    [t('portal.item.agency'), <a href={`/agencies/${i.agencyCode}/catalog`}>{i.agencyName}</a>],
    [t('portal.item.unit'), i.unitName],
    [t('pub.field.formation_date'), <time dateTime={i.formationDate}>{i.formationDate}</time>],
    [
      t('pub.field.publication_date'),
      i.publicationDate ? <time dateTime={i.publicationDate}>{i.publicationDate}</time> : '—',
    ],
    [
      t('pub.field.catalog_category'),
      <a href={`/catalog?category=${i.category}`}>{t(`pub.category.${i.category}`)}</a>,
    ],
    [
      t('pub.field.art20_item'),
      i.art20Item ? (
        <a href={`/catalog?art20=${i.art20Item}`}>{`${i.art20Item}. ${t(`pub.art20_name.${i.art20Item}`)}`}</a>
      ) : (
        '—'
      ),
    ],
  ];
  if (i.normative || current)
    rows.push([
      t('pub.field.validity'),
      current ? (
        <ValidityTag
          ctx={ctx}
          validity={current.validity}
          date={current.validity === 'in_force' ? null : current.effectiveDate}
        />
      ) : (
        '—'
      ),
    ]);
  if (i.topic) rows.push([t('pub.field.topic'), i.topic]);
  if (i.genre) rows.push([t('pub.field.genre'), i.genre]);
  if (i.keywords) rows.push([t('pub.field.keywords'), i.keywords]);
  return rows;
}

export function ItemPage({ ctx, data }: { ctx: PortalContext; data: ItemPageModel }) {
  const { t } = ctx;
  const i = data.item;
  const current = data.validity.at(-1);
  const rows = metadataRows(ctx, data);
  const void_ = current && (current.validity === 'repealed' || current.validity === 'expired');
  return (
    <PortalLayout ctx={ctx} title={i.title}>
      {void_ && (
        <p class="validity-banner">
          <ValidityTag ctx={ctx} validity={current.validity} date={current.effectiveDate} />
          {current.note ? ` ${current.note}` : ''}
        </p>
      )}
      <h2 class="visually-hidden">{t('portal.item.metadata')}</h2>
      <dl class="summary-list item-meta">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {i.summary && <p class="lead">{i.summary}</p>}
      <h2>{t('portal.item.body')}</h2>
      {/* Sanitized when it was saved (publishing/sanitize.ts). */}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: i.bodyHtml }} />
      <ItemSections ctx={ctx} data={data} />
    </PortalLayout>
  );
}

/** What follows the body: attachments, linked items, the validity history and the public history. */
function ItemSections({ ctx, data }: { ctx: PortalContext; data: ItemPageModel }) {
  const { t } = ctx;
  return (
    <>
      {data.attachments.length > 0 && (
        <section aria-labelledby="h-att">
          <h2 id="h-att">{t('portal.item.attachments')}</h2>
          <ul class="plain-list">
            {data.attachments.map((a) => (
              <li>
                <a href={data.attachmentHref(a.id, a.filename)} download={a.filename}>
                  {a.filename}
                </a>{' '}
                <span class="muted">
                  ({a.kind}, {a.size})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.linked.length > 0 && (
        <section aria-labelledby="h-linked">
          <h2 id="h-linked">{t('portal.item.linked')}</h2>
          <ul class="plain-list">
            {data.linked.map((l) => (
              <li>
                <a href={`/items/${l.id}`}>{l.title}</a> <span class="muted">({t(`pub.category.${l.category}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.validity.length > 0 && (
        <section aria-labelledby="h-validity">
          <h2 id="h-validity">{t('portal.item.validity_history')}</h2>
          <ul class="timeline">
            {data.validity.map((v) => (
              <li class="timeline__item">
                <span class="timeline__date">{v.effectiveDate}</span> <ValidityTag ctx={ctx} validity={v.validity} />
                {v.note ? ` — ${v.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* An item published once and never changed has no history to show: no empty heading. */}
      {data.events.length + data.corrections.length > 0 && (
        <section aria-labelledby="h-history">
          <h2 id="h-history">{t('portal.item.history')}</h2>
          <ul class="timeline">
            {data.events.map((e) => (
              <li class="timeline__item">
                <span class="timeline__date">{e.date}</span> {t(`portal.item.event.${e.event}`)}
              </li>
            ))}
            {data.corrections.map((c) => (
              <li class="timeline__item">
                <span class="timeline__date">{c.date}</span>{' '}
                {t('portal.item.correction', { n: c.versionNo, note: c.note })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function WithdrawnPage(props: { ctx: PortalContext; notice: WithdrawnNotice }) {
  const { ctx, notice } = props;
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portal.withdrawn.title')}>
      <div class="notice notice--warning" role="status">
        <p>
          {t('portal.withdrawn.body', {
            title: notice.title,
            index: notice.indexNumber,
            date: notice.withdrawnOn,
            agency: notice.agencyName,
          })}
        </p>
        {notice.reason && (
          <p>
            <strong>{t('portal.withdrawn.reason')}：</strong>
            {notice.reason}
          </p>
        )}
      </div>
      <p>
        <a href="/catalog">{t('portal.nav.catalog')}</a>
      </p>
    </PortalLayout>
  );
}
