// An item of the catalog as the public sees it, and the notice that replaces a withdrawn one.
import type { PortalContext } from './portal-context.ts';
import { PortalLayout } from './portal-layout.tsx';
import { ValidityTag } from './catalog-page.tsx';
import { formatBytes } from '../../../platform/files/check.ts';

export interface ItemData {
  readonly item: {
    id: number;
    title: string;
    index_number: string;
    document_number: string | null;
    issuing_agencies: string;
    agency_name: string;
    agency_code: string;
    unit_name: string;
    formation_date: string;
    publication_date: string | null;
    catalog_category: string;
    art20_item: number | null;
    is_normative: number;
    topic: string | null;
    genre: string | null;
    keywords: string | null;
    summary: string | null;
    body_html: string;
  };
  readonly validity: { validity: string; effective_date: string; note: string | null }[];
  readonly attachments: { id: number; filename: string; kind: string; size: number }[];
  readonly linked: { id: number; title: string; catalog_category: string }[];
  readonly events: { event: string; created_at: string; reason: string | null }[];
  readonly corrections: { version_no: number; change_note: string | null; created_at: string }[];
  /** The attachment address: live /items/:id/attachments/:aid, or a file in the static copy. */
  readonly attachmentHref: (id: number, filename: string) => string;
}

function issuers(json: string, fallback: string): string {
  try {
    const list = JSON.parse(json) as unknown;
    if (Array.isArray(list) && list.length) return list.join('、');
  } catch {
    /* stored by the publishing module as JSON; a bad row shows the agency */
  }
  return fallback;
}

export function ItemPage({ ctx, data }: { ctx: PortalContext; data: ItemData }) {
  const { t } = ctx;
  const i = data.item;
  const current = data.validity.at(-1);
  const rows: [string, preact.ComponentChildren][] = [
    [t('pub.field.index_number'), i.index_number],
    [t('pub.field.document_number'), i.document_number ?? '—'],
    [t('pub.field.issuing_agencies'), issuers(i.issuing_agencies, i.agency_name)],
    [t('portal.item.agency'), <a href={`/agencies/${i.agency_code}/catalog`}>{i.agency_name}</a>],
    [t('portal.item.unit'), i.unit_name],
    [t('pub.field.formation_date'), <time dateTime={i.formation_date}>{i.formation_date}</time>],
    [
      t('pub.field.publication_date'),
      i.publication_date ? <time dateTime={i.publication_date}>{i.publication_date}</time> : '—',
    ],
    [
      t('pub.field.catalog_category'),
      <a href={`/catalog?category=${i.catalog_category}`}>{t(`pub.category.${i.catalog_category}`)}</a>,
    ],
    [
      t('pub.field.art20_item'),
      i.art20_item ? (
        <a href={`/catalog?art20=${i.art20_item}`}>{`${i.art20_item}. ${t(`portal.art20.${i.art20_item}`)}`}</a>
      ) : (
        '—'
      ),
    ],
  ];
  if (i.is_normative || current)
    rows.push([
      t('pub.field.validity'),
      current ? (
        <ValidityTag
          ctx={ctx}
          validity={current.validity}
          date={current.validity === 'in_force' ? null : current.effective_date}
        />
      ) : (
        '—'
      ),
    ]);
  if (i.topic) rows.push([t('pub.field.topic'), i.topic]);
  if (i.genre) rows.push([t('pub.field.genre'), i.genre]);
  if (i.keywords) rows.push([t('pub.field.keywords'), i.keywords]);
  const void_ = current && (current.validity === 'repealed' || current.validity === 'expired');
  return (
    <PortalLayout ctx={ctx} title={i.title}>
      {void_ && (
        <p class="validity-banner">
          <ValidityTag ctx={ctx} validity={current.validity} date={current.effective_date} />
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
      <div class="item-body" dangerouslySetInnerHTML={{ __html: i.body_html }} />
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
                  ({a.kind.toUpperCase()}, {formatBytes(a.size)})
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
                <a href={`/items/${l.id}`}>{l.title}</a>{' '}
                <span class="muted">({t(`pub.category.${l.catalog_category}`)})</span>
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
                <span class="timeline__date">{v.effective_date}</span> <ValidityTag ctx={ctx} validity={v.validity} />
                {v.note ? ` — ${v.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t('portal.item.history')}</h2>
        <ul class="timeline">
          {data.events.map((e) => (
            <li class="timeline__item">
              <span class="timeline__date">{e.created_at.slice(0, 10)}</span> {t(`portal.item.event.${e.event}`)}
            </li>
          ))}
          {data.corrections.map((c) => (
            <li class="timeline__item">
              <span class="timeline__date">{c.created_at.slice(0, 10)}</span>{' '}
              {t('portal.item.correction', { n: c.version_no, note: c.change_note ?? '' })}
            </li>
          ))}
        </ul>
      </section>
    </PortalLayout>
  );
}

export function WithdrawnPage(props: {
  ctx: PortalContext;
  notice: { title: string; index_number: string; agency_name: string; reason: string | null; withdrawn_at: string };
}) {
  const { ctx, notice } = props;
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portal.withdrawn.title')}>
      <div class="notice notice--warning" role="status">
        <p>
          {t('portal.withdrawn.body', {
            title: notice.title,
            index: notice.index_number,
            date: notice.withdrawn_at.slice(0, 10),
            agency: notice.agency_name,
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
