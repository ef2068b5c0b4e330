/**
 * The published annual report on the portal (/reports/:agencyCode/:year): the page stored at
 * publication, rendered from the approved version's frozen figures and text.
 *
 *  PublicReportPage({ ctx, title, html, publishedOn })
 */
import type { PortalContext } from '../../../portal/index.ts';
import { PortalLayout } from '../../../portal/index.ts';

export function PublicReportPage(props: {
  ctx: PortalContext;
  title: string;
  html: string;
  publishedOn: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={props.title} h1={false}>
      {/* Written at publication by export/html.ts, which escapes every text it puts in. */}
      <article class="annual-report" dangerouslySetInnerHTML={{ __html: props.html }} />
      <p class="muted">
        {props.publishedOn ? t('rdoc.published_at', { date: props.publishedOn }) : ''}
        {t('rdoc.public.figures_note')}
      </p>
      <p>
        <a href="/reports">{t('rdoc.public.archive')}</a>
      </p>
    </PortalLayout>
  );
}
