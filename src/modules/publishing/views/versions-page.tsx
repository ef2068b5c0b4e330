/**
 * Every version of an item, newest first, each with all of its content and the fields that
 * differ from the version before it marked — a list a reader can compare line by line.
 *
 *  VersionsPage({ ctx, indexNumber, itemId, currentVersionId, versions })
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { formatChinaTime } from '../../../platform/clock.ts';
import type { ItemAttachmentRow, ItemVersionRow } from '../publishing.table.ts';
import { bodyText } from '../sanitize.ts';

export interface VersionView {
  readonly version: ItemVersionRow;
  readonly authorName: string | null;
  readonly attachments: readonly ItemAttachmentRow[];
}

const FIELDS = [
  'title',
  'document_number',
  'issuing_agencies',
  'topic',
  'genre',
  'keywords',
  'summary',
  'body_html',
] as const;
type Field = (typeof FIELDS)[number] | 'attachments';

const LABELS: Record<Field, string> = {
  title: 'pub.field.title',
  document_number: 'pub.field.document_number',
  issuing_agencies: 'pub.field.issuing_agencies',
  topic: 'pub.field.topic',
  genre: 'pub.field.genre',
  keywords: 'pub.field.keywords',
  summary: 'pub.field.summary',
  body_html: 'pub.field.body',
  attachments: 'pub.item.attachments',
};

/** The comparable text of a field: the body as plain text, agencies as a list. */
function valueOf(v: VersionView, field: Field): string {
  if (field === 'attachments') return v.attachments.map((a) => `${a.filename} (${a.sha256.slice(0, 12)})`).join('\n');
  const raw = v.version[field];
  if (raw === null || raw === undefined) return '';
  if (field === 'body_html') return bodyText(raw);
  if (field === 'issuing_agencies') return (JSON.parse(raw) as string[]).join('、');
  return String(raw);
}

export function VersionsPage(props: {
  ctx: ViewContext;
  indexNumber: string;
  itemId: number;
  currentVersionId: number | null;
  versions: readonly VersionView[];
}) {
  const { ctx, versions } = props;
  const { t } = ctx;
  const title = t('pub.versions.title', { index: props.indexNumber });
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p class="lead">{t('pub.versions.intro')}</p>
      {versions.map((v, i) => {
        // versions are newest first: the one before is the next in the list
        const previous = versions[i + 1];
        const headingId = `version-${v.version.version_no}`;
        return (
          <section aria-labelledby={headingId} class="version">
            <h2 id={headingId}>
              {t('pub.versions.heading', { n: v.version.version_no })}
              {v.version.id === props.currentVersionId && <span class="tag">{t('pub.versions.current')}</span>}
            </h2>
            <p>{t('pub.versions.by', { when: formatChinaTime(v.version.created_at), name: v.authorName ?? '—' })}</p>
            {v.version.change_note && (
              <p>
                {t('pub.item.change_note')}：{v.version.change_note}
              </p>
            )}
            <dl class="summary-list">
              {[...FIELDS, 'attachments' as const].map((field) => {
                const value = valueOf(v, field);
                const changed = previous !== undefined && valueOf(previous, field) !== value;
                return (
                  <>
                    <dt>
                      {t(LABELS[field])}
                      {changed && <span class="tag tag--danger">{t('pub.versions.changed')}</span>}
                    </dt>
                    <dd class="version__value">{value === '' ? '—' : value}</dd>
                  </>
                );
              })}
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
