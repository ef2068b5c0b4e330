/**
 * Every version of an item, newest first, each with all of its content and the fields that
 * differ from the version before it marked — a list a reader can compare line by line.
 *
 *  VersionsPage({ ctx, indexNumber, itemId, versions }) — the versions as item-versions.presenter.ts
 *      compares them
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { VersionEntry } from '../item-versions.presenter.ts';

export function VersionsPage(props: {
  ctx: ViewContext;
  indexNumber: string;
  itemId: number;
  versions: readonly VersionEntry[];
}) {
  const { ctx, versions } = props;
  const { t } = ctx;
  const title = t('pub.versions.title', { index: props.indexNumber });
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p class="lead">{t('pub.versions.intro')}</p>
      {versions.map((v) => {
        const headingId = `version-${v.versionNo}`;
        return (
          <section aria-labelledby={headingId} class="version">
            <h2 id={headingId}>
              {t('pub.versions.heading', { n: v.versionNo })}
              {v.isCurrent && <span class="tag">{t('pub.versions.current')}</span>}
            </h2>
            <p>{t('pub.versions.by', { when: v.createdAt, name: v.authorName ?? '—' })}</p>
            {v.changeNote && (
              <p>
                {t('pub.item.change_note')}：{v.changeNote}
              </p>
            )}
            <dl class="summary-list">
              {v.fields.map((f) => (
                <>
                  <dt>
                    {t(f.label)}
                    {f.changed && <span class="tag tag--danger">{t('pub.versions.changed')}</span>}
                  </dt>
                  <dd class="version__value">{f.value === '' ? '—' : f.value}</dd>
                </>
              ))}
            </dl>
          </section>
        );
      })}
      <p>
        <a href={`/admin/items/${props.itemId}`}>{t('pub.back_item')}</a>
      </p>
    </Layout>
  );
}
