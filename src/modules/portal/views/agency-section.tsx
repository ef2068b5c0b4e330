// An agency's own public section (站群): its guide, catalog, statutory disclosures by item of
// Art. 20, annual reports, how to apply (online, on paper in person or by post) and its
// disclosure rules; and the site map listing every section of the site.
import type { PortalContext } from './portal-context.ts';
import { PortalLayout } from './portal-layout.tsx';
import type { GuideAgency } from '../agency.presenter.ts';
import type { PublishedReport } from '../report-registry.ts';

export interface AgencySectionData {
  readonly agency: GuideAgency;
  readonly office: string | null;
  readonly items: number;
  readonly art20: readonly { item: number; n: number }[];
  readonly reports: readonly PublishedReport[];
}

const RULES = ['review', 'coordination', 'timeliness', 'application', 'report', 'assessment'] as const;

function ApplySection({ ctx, data }: { ctx: PortalContext; data: AgencySectionData }) {
  const { t } = ctx;
  const a = data.agency;
  const unknown = t('portal.section.not_set');
  const place = a.address ? `${data.office ? `${data.office}，` : ''}${a.address}` : unknown;
  return (
    <section aria-labelledby="sec-apply">
      <h2 id="sec-apply">{t('portal.section.apply')}</h2>
      <p>{t('portal.section.apply_lead')}</p>
      <p class="button-row">
        <a class="button" href={`/apply?agency=${a.code}`}>
          {t('portal.section.apply_online')}
        </a>
        <a href={`/agencies/${a.code}/application-form.docx`} download>
          {t('portal.section.paper_form')}
        </a>
      </p>
      <dl class="summary-list">
        <div>
          <dt>{t('portal.section.in_person')}</dt>
          <dd>{place}</dd>
        </div>
        <div>
          <dt>{t('portal.section.postal')}</dt>
          <dd>
            {a.address ? t('portal.section.postal_note', { address: a.address, postcode: a.postcode ?? '—' }) : unknown}
          </dd>
        </div>
        <div>
          <dt>{t('portal.section.hours')}</dt>
          <dd>{a.officeHours ?? unknown}</dd>
        </div>
        <div>
          <dt>{t('portal.section.phone')}</dt>
          <dd>{a.phone ?? unknown}</dd>
        </div>
      </dl>
      <p>
        <a href="/apply/track">{t('portal.section.track')}</a>
      </p>
    </section>
  );
}

export function AgencySectionPage({ ctx, data }: { ctx: PortalContext; data: AgencySectionData }) {
  const { t } = ctx;
  const a = data.agency;
  const base = `/agencies/${a.code}`;
  return (
    <PortalLayout
      ctx={ctx}
      title={t('portal.section.title', { name: a.name })}
      feeds={[{ href: `/feeds/agency/${a.code}.atom`, title: a.name }]}
    >
      <p class="lead">{t('portal.section.lead')}</p>
      <ul class="section-links">
        <li>
          <a href={`/guide?agency=${a.code}`}>{t('portal.section.guide')}</a>
        </li>
        <li>
          <a href={`${base}/catalog`}>{t('portal.section.catalog')}</a>{' '}
          <span class="muted">{t('portal.section.items', { n: data.items })}</span>
        </li>
        <li>
          <a href="#sec-statutory">{t('portal.section.statutory')}</a>
        </li>
        <li>
          <a href="#sec-reports">{t('portal.section.reports')}</a>
        </li>
        <li>
          <a href="#sec-apply">{t('portal.section.apply')}</a>
        </li>
        <li>
          <a href="#sec-interaction">{t('portal.section.interaction')}</a>
        </li>
        <li>
          <a href="#sec-rules">{t('portal.section.rules')}</a>
        </li>
      </ul>
      <section aria-labelledby="sec-statutory">
        <h2 id="sec-statutory">{t('portal.section.statutory')}</h2>
        <p>{t('portal.section.statutory_lead')}</p>
        {data.art20.length === 0 ? (
          <p class="empty-state">{t('portal.section.statutory_none')}</p>
        ) : (
          <ul class="plain-list">
            {data.art20.map((x) => (
              <li>
                <a href={`${base}/catalog?art20=${x.item}`}>{t('portal.section.art20', { n: x.item })}</a>{' '}
                <span class="muted">{t('portal.section.art20_count', { n: x.n })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sec-reports">
        <h2 id="sec-reports">{t('portal.section.reports')}</h2>
        {data.reports.length === 0 ? (
          <p class="empty-state">{t('portal.section.reports_none')}</p>
        ) : (
          <ul class="plain-list">
            {data.reports.map((r) => (
              <li>
                <a href={r.url}>{r.title}</a>
                {r.publishedOn ? <span class="muted"> — {r.publishedOn}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ApplySection ctx={ctx} data={data} />
      <section aria-labelledby="sec-interaction">
        <h2 id="sec-interaction">{t('portal.section.interaction')}</h2>
        <p>{t('portal.section.interaction_lead')}</p>
        <p class="button-row">
          <a class="button" href={`/mailbox/write?agency=${a.code}`}>
            {t('portal.section.write_letter')}
          </a>
          <a href={`/mailbox/answers?agency=${a.code}`}>{t('portal.section.answers')}</a>
        </p>
      </section>
      <section aria-labelledby="sec-rules">
        <h2 id="sec-rules">{t('portal.section.rules')}</h2>
        <p>{t('portal.section.rules_lead')}</p>
        <ol>
          {RULES.map((r) => (
            <li>{t(`portal.section.rule.${r}`)}</li>
          ))}
        </ol>
      </section>
    </PortalLayout>
  );
}

export interface SitemapData {
  readonly agencies: readonly { code: string; name: string }[];
  readonly categories: readonly string[];
}

/** 网站地图: every section of the site, in words (sitemap.xml is its machine-readable twin). */
export function SitemapPage({ ctx, data }: { ctx: PortalContext; data: SitemapData }) {
  const { t } = ctx;
  const site: [string, string][] = [
    ['/', t('portal.nav.home')],
    ['/catalog', t('portal.nav.catalog')],
    ['/search', t('portal.nav.search')],
    ['/guide', t('portal.nav.guide')],
    ['/apply', t('portal.nav.apply')],
    ['/apply/track', t('portal.sitemap.track')],
    ['/reports', t('portal.nav.reports')],
    ['/mailbox/answers', t('portal.nav.interaction')],
    ['/mailbox/write', t('portal.sitemap.write')],
    ['/mailbox/track', t('portal.sitemap.track_letter')],
    ['/agencies', t('portal.nav.agencies')],
    ['/power-catalog', t('portal.sitemap.power')],
    ['/screen', t('portal.sitemap.screen')],
  ];
  return (
    <PortalLayout ctx={ctx} title={t('portal.sitemap.title')}>
      <p class="lead">{t('portal.sitemap.lead')}</p>
      <h2>{t('portal.sitemap.site')}</h2>
      <ul class="plain-list sitemap-list">
        {site.map(([href, label]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
      <h2>{t('portal.sitemap.categories')}</h2>
      <ul class="plain-list sitemap-list">
        {data.categories.map((c) => (
          <li>
            <a href={`/catalog?category=${c}`}>{t(`pub.category.${c}`)}</a>
          </li>
        ))}
      </ul>
      <h2>{t('portal.sitemap.agencies')}</h2>
      <ul class="plain-list">
        {data.agencies.map((a) => (
          <li>
            <a href={`/agencies/${a.code}`}>{a.name}</a>
            <ul class="inline-links">
              <li>
                <a href={`/guide?agency=${a.code}`}>{t('portal.section.guide')}</a>
              </li>
              <li>
                <a href={`/agencies/${a.code}/catalog`}>{t('portal.section.catalog')}</a>
              </li>
              <li>
                <a href={`/agencies/${a.code}#sec-reports`}>{t('portal.section.reports')}</a>
              </li>
              <li>
                <a href={`/apply?agency=${a.code}`}>{t('portal.section.apply')}</a>
              </li>
            </ul>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}
