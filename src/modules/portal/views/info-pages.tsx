// The disclosure guide (指南) generated from the agency's settings, the annual reports archive
// with the policy documents and their validity, the agency directory, and the search page.
import type { SectionHit } from '../public-sections.ts';
import type { PortalContext } from './portal-context.ts';
import { PortalLayout, Pagination } from './portal-layout.tsx';
import { ItemList } from './catalog-page.tsx';
import type { CatalogListItem } from '../catalog.presenter.ts';
import type { AgencyDirectoryEntry, GuideAgency } from '../agency.presenter.ts';
import type { GuideEntry, PowerEntry } from '../power-list.presenter.ts';
import type { PublishedReport } from '../report-registry.ts';
import type { SearchResult } from '../../search/index.ts';
import { publicationDeadline, type AgencyKind } from '../../../platform/annual-report-deadline.ts';
import { chineseDate } from '../../applications/index.ts';

export interface GuideData {
  readonly agencies: { code: string; name: string }[];
  readonly agency: GuideAgency;
  readonly office: string | null;
  readonly units: { name: string; phone: string | null }[];
}

export function GuidePage({ ctx, data }: { ctx: PortalContext; data: GuideData }) {
  const { t } = ctx;
  const a = data.agency;
  const contact: [string, string | null][] = [
    [t('portal.guide.office_unit'), data.office],
    [t('portal.guide.address'), a.address],
    [t('portal.guide.postcode'), a.postcode],
    [t('portal.guide.phone'), a.phone],
    [t('portal.guide.fax'), a.fax],
    [t('portal.guide.email'), a.email],
    [t('portal.guide.hours'), a.officeHours],
  ];
  return (
    <PortalLayout ctx={ctx} title={`${a.name}${t('portal.guide.title')}`}>
      {data.agencies.length > 1 && (
        <form method="get" action="/guide" class="inline-form guide-choose">
          <label for="g-agency" class="field__label">
            {t('portal.guide.choose')}
          </label>{' '}
          <select id="g-agency" name="agency" class="input">
            {data.agencies.map((x) => (
              <option value={x.code} selected={x.code === a.code}>
                {x.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button--secondary">
            {t('portal.guide.show')}
          </button>
        </form>
      )}
      <h2>{t('portal.guide.office')}</h2>
      <dl class="summary-list">
        {contact.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v ?? <span class="muted">{t('portal.guide.not_set')}</span>}</dd>
          </div>
        ))}
      </dl>
      {data.units.length > 0 && (
        <>
          <h3>{t('portal.guide.units')}</h3>
          <ul class="plain-list">
            {data.units.map((u) => (
              <li>
                {u.name}
                {u.phone ? ` — ${u.phone}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('portal.guide.proactive')}</h2>
      <p>{t('portal.guide.proactive_text')}</p>
      <p>
        <a href={`/agencies/${a.code}/catalog`}>{t('portal.agencies.catalog', { name: a.name })}</a>
        {' · '}
        <a href={`/agencies/${a.code}`}>{t('portal.section.title', { name: a.name })}</a>
      </p>
      <h2>{t('portal.guide.apply')}</h2>
      <p>{t('portal.guide.apply_text')}</p>
      <p>
        <a class="button" href={`/apply?agency=${a.code}`}>
          {t('portal.guide.apply_online')}
        </a>{' '}
        <a href={`/agencies/${a.code}/application-form.docx`} download>
          {t('portal.section.paper_form')}
        </a>
      </p>
      <h2>{t('portal.guide.fees')}</h2>
      <p>{t('portal.guide.fees_text')}</p>
      <h2>{t('portal.guide.remedies')}</h2>
      <p>{t('portal.guide.remedies_text')}</p>
    </PortalLayout>
  );
}

export function ReportsPage({
  ctx,
  reports,
  policies,
  agencies,
}: {
  ctx: PortalContext;
  reports: readonly PublishedReport[];
  policies: readonly CatalogListItem[];
  /** Every agency with its kind: the Art. 49 deadline differs by kind. */
  agencies: readonly { code: string; name: string; kind: string }[];
}) {
  const { t } = ctx;
  const kindOf = (code: string): AgencyKind =>
    agencies.find((a) => a.code === code)?.kind === 'government' ? 'government' : 'department';
  const date = (iso: string) => (ctx.locale === 'en' ? iso : chineseDate(iso));
  return (
    <PortalLayout ctx={ctx} title={t('portal.reports.title')}>
      <p class="lead">{t('portal.reports.lead')}</p>
      {reports.length === 0 ? (
        <p class="empty-state">{t('portal.reports.empty')}</p>
      ) : (
        // One group per agency (each agency's own reports, newest first), in the directory's order.
        agencies
          .filter((a) => reports.some((r) => r.agencyCode === a.code))
          .map((a) => (
            <section aria-labelledby={`rep-${a.code}`}>
              <h2 id={`rep-${a.code}`}>
                <a href={`/agencies/${a.code}`}>{a.name}</a>
              </h2>
              <ul class="plain-list">
                {reports
                  .filter((r) => r.agencyCode === a.code)
                  .map((r) => (
                    <li>
                      <a href={r.url}>{r.title}</a>{' '}
                      <span class="muted">
                        — {t('portal.reports.year', { year: r.year })}
                        {r.publishedOn ? `, ${r.publishedOn}` : ''},{' '}
                        {t('portal.reports.due', { date: date(publicationDeadline(kindOf(r.agencyCode), r.year)) })}
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          ))
      )}
      {agencies.length ? (
        <>
          <h2>{t('portal.reports.deadlines')}</h2>
          <ul class="plain-list report-deadlines">
            {agencies.map((a) => (
              <li>
                {a.name}：
                {t(
                  a.kind === 'government' ? 'portal.reports.deadline_government' : 'portal.reports.deadline_department',
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('portal.reports.policies')}</h2>
      <p>{t('portal.reports.policies_lead')}</p>
      {policies.length ? <ItemList ctx={ctx} rows={policies} /> : <p class="empty-state">{t('portal.home.empty')}</p>}
      <p>
        <a href="/catalog?category=normative_document">
          {t('portal.home.more', { name: t('portal.reports.policies') })}
        </a>
      </p>
    </PortalLayout>
  );
}

export function AgenciesPage({
  ctx,
  agencies,
}: {
  ctx: PortalContext;
  /** The directory's top level, each with the agencies under it. */
  agencies: readonly AgencyDirectoryEntry[];
}) {
  const { t } = ctx;
  const tree = (level: readonly AgencyDirectoryEntry[]) => (
    <ul class="agency-directory">
      {level.map((a) => (
        <li>
          <a href={`/agencies/${a.code}`}>{a.name}</a>{' '}
          <span class="muted">{t('portal.agencies.items', { n: a.items })}</span>
          {' · '}
          <a href={`/agencies/${a.code}/catalog`}>
            {t('portal.section.catalog')}
            <span class="visually-hidden">（{a.name}）</span>
          </a>
          {' · '}
          <a href={`/guide?agency=${a.code}`}>
            {t('portal.agencies.guide')}
            <span class="visually-hidden">（{a.name}）</span>
          </a>
          {a.contact && <p class="muted">{a.contact}</p>}
          {a.children.length > 0 && tree(a.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <PortalLayout ctx={ctx} title={t('portal.agencies.title')}>
      {tree(agencies)}
    </PortalLayout>
  );
}

export interface SearchData {
  readonly q: string;
  readonly available: boolean;
  readonly total: number;
  /** `total` is a lower bound: counting stopped there. */
  readonly totalCapped?: boolean;
  readonly results: readonly SearchResult[];
  readonly didYouMean?: string | undefined;
  /** Forms the synonym dictionary added (已包含：社会保险). */
  readonly widenedWith?: readonly string[] | undefined;
  /** The words the query was split into when it found nothing as typed. */
  readonly splitInto?: readonly string[] | undefined;
  readonly page: number;
  readonly pageSize: number;
  readonly hrefFor: (over: { q?: string; page?: number }) => string;
  /** Hits in the sections other modules add (public-sections.ts), each under its heading. */
  readonly sections?: readonly { heading: string; hits: readonly SectionHit[] }[];
}

/** The first page's hits of another section of the site, e.g. 互动交流. */
function SectionHits(props: { sections: readonly { heading: string; hits: readonly SectionHit[] }[] }) {
  return (
    <>
      {props.sections
        .filter((s) => s.hits.length > 0)
        .map((s) => (
          <section class="search-section" aria-label={s.heading}>
            <h2>{s.heading}</h2>
            <ol class="item-list">
              {s.hits.map((h) => (
                <li class="item-list__item">
                  <a class="item-list__title" href={h.url}>
                    {h.title}
                  </a>
                  <p class="search-snippet">{h.snippet}</p>
                  {h.date && (
                    <p class="item-list__meta">
                      <time dateTime={h.date}>{h.date}</time>
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
    </>
  );
}

export function SearchPage({
  ctx,
  data,
  filters,
}: {
  ctx: PortalContext;
  data: SearchData;
  filters: preact.ComponentChildren;
}) {
  const { t } = ctx;
  // A capped total is a lower bound: one more page is offered, found when it is opened.
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize) + (data.totalCapped ? 1 : 0));
  return (
    <PortalLayout ctx={ctx} title={data.q ? `${t('portal.search.title')}：${data.q}` : t('portal.search.title')}>
      <form method="get" action="/search" role="search" class="search-form">
        <label for="search-q" class="field__label">
          {t('portal.search.label')}
        </label>
        <p class="field__hint" id="search-q-hint">
          {t('portal.search.prompt')} {t('portal.search.quotes_hint')}
        </p>
        <div class="search-form__row">
          <input id="search-q" class="input" type="search" name="q" value={data.q} aria-describedby="search-q-hint" />
          <button type="submit" class="button">
            {t('portal.search.submit')}
          </button>
        </div>
        {filters}
      </form>
      {!data.available && <p class="notice notice--warning">{t('portal.search.unavailable')}</p>}
      {data.didYouMean && (
        <p class="did-you-mean">
          {t('portal.search.did_you_mean')}
          <a href={data.hrefFor({ q: data.didYouMean, page: 1 })}>{data.didYouMean}</a>
        </p>
      )}
      {data.splitInto && data.splitInto.length > 0 && (
        <p class="search-widened">{t('portal.search.split_into', { words: data.splitInto.join('、') })}</p>
      )}
      {data.widenedWith && data.widenedWith.length > 0 && (
        <p class="search-widened">{t('portal.search.widened_with', { words: data.widenedWith.join('、') })}</p>
      )}
      {data.q && data.available && (
        <p role="status">
          {data.total
            ? t(data.totalCapped ? 'portal.search.count_capped' : 'portal.search.count', { n: data.total })
            : t('portal.search.empty', { q: data.q })}
        </p>
      )}
      <ol class="item-list">
        {data.results.map((r) => (
          <li class="item-list__item">
            <a class="item-list__title" href={r.url}>
              {r.title}
            </a>
            {/* The search service escapes the text and adds only <mark>. */}
            <p class="search-snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
            <p class="item-list__meta">
              {r.publicationDate && <time dateTime={r.publicationDate}>{r.publicationDate}</time>}
              {r.documentNumber && <span>{r.documentNumber}</span>}
              {r.indexNumber && <span>{r.indexNumber}</span>}
              {r.agencyName && <span>{r.agencyName}</span>}
            </p>
          </li>
        ))}
      </ol>
      <Pagination ctx={ctx} page={data.page} pages={pages} href={(page) => data.hrefFor({ page })} />
      {data.page === 1 && data.sections && <SectionHits sections={data.sections} />}
    </PortalLayout>
  );
}

export interface PowerCatalogData {
  readonly powers: readonly PowerEntry[];
  readonly guides: readonly GuideEntry[];
  readonly page: number;
  readonly pages: number;
  /** All public ones, over every page. */
  readonly counts: { powers: number; guides: number };
  readonly hrefFor: (page: number) => string;
}

/** 权力清单 and 办事指南 with their workflows (办事流程). */
export function PowerCatalogPage({ ctx, data }: { ctx: PortalContext; data: PowerCatalogData }) {
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portal.power.title')}>
      <h2>{t('pub.category.power_catalog')}</h2>
      {data.counts.powers > 0 && <p class="muted">{t('portal.power.count', { n: data.counts.powers })}</p>}
      {data.powers.length === 0 ? (
        data.counts.powers === 0 ? (
          <p class="empty-state">{t('portal.home.empty')}</p>
        ) : (
          <p class="muted">{t('portal.power.none_on_page')}</p>
        )
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('pub.category.power_catalog')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('power.field.code')}</th>
                <th scope="col">{t('power.field.name')}</th>
                <th scope="col">{t('power.field.power_type')}</th>
                <th scope="col">{t('power.field.legal_basis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.powers.map((p) => (
                <tr>
                  <td>{p.code}</td>
                  <td>
                    <a href={`/items/${p.itemId}`}>{p.name}</a>
                  </td>
                  <td>{t(`power.type.${p.powerType}`)}</td>
                  <td>{p.legalBasis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('pub.category.service_guide')}</h2>
      {data.counts.guides > 0 && <p class="muted">{t('portal.power.guide_count', { n: data.counts.guides })}</p>}
      {data.guides.length === 0 ? (
        data.counts.guides === 0 ? (
          <p class="empty-state">{t('portal.home.empty')}</p>
        ) : (
          <p class="muted">{t('portal.power.none_on_page')}</p>
        )
      ) : (
        data.guides.map((g) => (
          <section class="card guide-card">
            <h3>
              <a href={`/items/${g.itemId}`}>{g.name}</a>
            </h3>
            <ol>
              {g.steps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
            <p class="muted">{g.details}</p>
          </section>
        ))
      )}
      <Pagination ctx={ctx} page={data.page} pages={data.pages} href={data.hrefFor} />
    </PortalLayout>
  );
}
