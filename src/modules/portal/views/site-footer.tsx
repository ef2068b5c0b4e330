// The public site's footer: what the national government website indicators ask every page to
// carry — 主办单位, contact, 网站标识码, ICP 备案号 and 公安备案号 (from the host agency's profile),
// and 网站地图 — plus the machine-readable addresses. A field the host agency has not entered is
// left out rather than shown empty.
import type { PortalContext } from './portal-context.ts';

export function SiteFooter({ ctx }: { ctx: PortalContext }) {
  const { t, site } = ctx;
  const row = (label: string, value: string | null, cls: string) =>
    value ? (
      <span class={`site-footer__field site-footer__${cls}`}>
        {label}
        {t('portal.footer.colon')}
        {value}
      </span>
    ) : null;
  const icp = site.icpNumber && (
    <a href="https://beian.miit.gov.cn/" rel="noopener" class="site-footer__icp">
      {site.icpNumber}
    </a>
  );
  const psb = site.psbNumber && (
    <a href="https://beian.mps.gov.cn/" rel="noopener" class="site-footer__psb">
      {site.psbNumber}
    </a>
  );
  return (
    <footer class="site-footer">
      <nav class="site-footer__links" aria-label={t('portal.footer.links')}>
        <a href="/sitemap">{t('portal.sitemap.title')}</a> · <a href="/guide">{t('portal.nav.guide')}</a> ·{' '}
        <a href="/feeds/latest.atom">{t('portal.nav.feeds')}</a> · <a href="/sitemap.xml">sitemap.xml</a> ·{' '}
        <a href="/api/v1/openapi.json">API</a>
      </nav>
      <p class="site-footer__identity">
        {row(t('portal.footer.host'), site.hostName || null, 'host')}
        {row(t('portal.footer.website_code'), site.websiteCode, 'code')}
        {row(
          t('portal.footer.address'),
          site.address && `${site.address}${site.postcode ? `（${site.postcode}）` : ''}`,
          'address',
        )}
        {row(t('portal.footer.phone'), site.phone, 'phone')}
        {site.email && (
          <span class="site-footer__field site-footer__email">
            {t('portal.footer.email')}
            {t('portal.footer.colon')}
            <a href={`mailto:${site.email}`}>{site.email}</a>
          </span>
        )}
        {(icp || psb) && (
          <span class="site-footer__field site-footer__filing">
            {icp}
            {icp && psb ? ' ' : ''}
            {psb}
          </span>
        )}
      </p>
      <p>{t('portal.footer.about')}</p>
      {ctx.liveSearch && (
        <p>
          {t('portal.footer.static')}
          <a href={ctx.liveSearch}>{ctx.liveSearch}</a>
        </p>
      )}
    </footer>
  );
}
