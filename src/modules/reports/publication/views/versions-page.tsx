/**
 * Every version of a report document, newest first: who made it and why, the sections whose text
 * changed from the version before it side by side, and the figures that changed (a recomputation).
 *
 *  VersionsPage({ ctx, title, documentId, currentVersionId, publishedVersionId, versions }) — the
 *      versions as document.presenter.ts compares them
 */
import type { ViewContext } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import type { VersionEntry } from '../document.presenter.ts';

const show = (n: number | null) => (n === null ? '—' : String(n));

export function VersionsPage(props: {
  ctx: ViewContext;
  title: string;
  documentId: number;
  currentVersionId: number | null;
  publishedVersionId: number | null;
  versions: readonly VersionEntry[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const heading = t('rdoc.versions.title', { title: props.title });
  return (
    <Layout ctx={ctx} title={heading} wide>
      <h1>{heading}</h1>
      {props.versions.map((v) => (
        <section aria-labelledby={`version-${v.versionNo}`} class="version" data-version={v.versionNo}>
          <h2 id={`version-${v.versionNo}`}>
            {t('rdoc.versions.heading', { n: v.versionNo })}
            {v.id === props.currentVersionId && <span class="tag">{t('pub.versions.current')}</span>}
            {v.id === props.publishedVersionId && <span class="tag">{t('pub.status.published')}</span>}
          </h2>
          <p>
            {t('rdoc.versions.by', { when: v.createdAt, name: v.authorName ?? '—' })}
            {v.changeNote ? ` — ${v.changeNote}` : ''}
          </p>
          {v.sections === null ? (
            <p>{t('rdoc.versions.first')}</p>
          ) : v.sections.length === 0 && v.figures.length === 0 ? (
            <p>{t('rdoc.versions.no_change')}</p>
          ) : null}
          {v.sections?.map((s) => (
            <div class="table-wrap" role="region" aria-label={s.heading} tabIndex={0}>
              <table class="table version-diff" data-section={s.key}>
                <caption>{s.heading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rdoc.versions.before', { n: v.versionNo - 1 })}</th>
                    <th scope="col">{t('rdoc.versions.after', { n: v.versionNo })}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td class="version__value">
                      <del>{s.before}</del>
                    </td>
                    <td class="version__value">
                      <ins>{s.after}</ins>
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          ))}
          {v.figures.length > 0 && (
            <div class="table-wrap" role="region" aria-label={t('rdoc.versions.figures_changed')} tabIndex={0}>
              <table class="table" data-figures-changed={v.figures.length}>
                <caption>{t('rdoc.versions.figures_changed')}</caption>
                <thead>
                  <tr>
                    <th scope="col">JSON</th>
                    <th scope="col">{t('rdoc.versions.before', { n: v.versionNo - 1 })}</th>
                    <th scope="col">{t('rdoc.versions.after', { n: v.versionNo })}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.figures.map((f) => (
                    <tr>
                      <th scope="row">
                        <code>{f.path}</code>
                      </th>
                      <td>{show(f.before)}</td>
                      <td>{show(f.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      <p>
        <a href={`/admin/report-documents/${props.documentId}`}>{t('rdoc.back')}</a>
      </p>
    </Layout>
  );
}
