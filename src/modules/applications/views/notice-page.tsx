/**
 * NoticeDocument — one notice (告知书) as an accessible HTML document: the title as the page's
 * heading, the document number, the addressee, the body paragraphs and the signature block, in
 * reading order, with the language of the text declared. Every value is text (JSX escapes it),
 * so neither a template nor a case value can add markup.
 * ConsoleNoticePage — GET /admin/applications/:id/notices/:kind.html, with the DOCX link and the
 * template version the notice was made with.
 * PublicNoticePage — the reply notice for the applicant, opened from the tracking page with the
 * tracking code and the correction key, once the office has delivered it online.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { PublicLayout } from '../../../platform/views/public-layout.tsx';
import { chineseDate, type OfficialNotice } from '../notices/official-docx.ts';
import { formatTrackingCode } from '../tracking.ts';

export function NoticeDocument(props: { notice: OfficialNotice; headingLevel?: 1 | 2 }) {
  const n = props.notice;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h1';
  return (
    <article class="notice-document" lang="zh-CN" aria-label={n.title}>
      <Heading class="notice-document__title">{n.title}</Heading>
      <p class="notice-document__number">{n.documentNumber}</p>
      <p class="notice-document__addressee">{n.addressee}</p>
      {n.paragraphs.map((p) => (
        <p class="notice-document__paragraph">{p}</p>
      ))}
      {(n.listing ?? []).map((l) => (
        <p class="notice-document__listing">{l}</p>
      ))}
      <p class="notice-document__signature">
        {n.agencyName}
        <br />
        <time dateTime={n.date}>{chineseDate(n.date)}</time>
      </p>
    </article>
  );
}

export function ConsoleNoticePage(props: {
  ctx: ViewContext;
  appId: number;
  trackingCode: string;
  kind: string;
  notice: OfficialNotice;
  templateNote: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const title = `${props.notice.title} · ${formatTrackingCode(props.trackingCode)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/admin/applications/${props.appId}`}>{t('applications.notice.back_to_case')}</a>
        {' · '}
        <a href={`/admin/applications/${props.appId}/notices/${props.kind}.docx`} data-notice-docx={props.kind}>
          {t('applications.notice.download_docx')}
        </a>
        <span class="muted"> {props.templateNote}</span>
      </p>
      <NoticeDocument notice={props.notice} />
    </Layout>
  );
}

export function PublicNoticePage(props: { ctx: ViewContext; trackingCode: string; notice: OfficialNotice }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={props.notice.title}>
      <p>
        <a href={`/apply/track/${props.trackingCode}`}>{t('applications.notice.back_to_tracking')}</a>
      </p>
      <NoticeDocument notice={props.notice} />
    </PublicLayout>
  );
}
