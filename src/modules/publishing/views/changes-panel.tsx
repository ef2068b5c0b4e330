/**
 * The changes of an item (Art. 26 “变更”) with their own publication deadlines.
 *
 *  ChangesSection({ ctx, changes, today }) — nothing when the item has no change
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ItemChangeRow } from '../publishing.table.ts';
import { isChangeLate } from '../changes.ts';

export function ChangesSection(props: { ctx: ViewContext; changes: readonly ItemChangeRow[]; today: string }) {
  const { ctx, changes, today } = props;
  const { t } = ctx;
  if (!changes.length) return null;
  return (
    <section data-item-changes>
      <h2>{t('pub.changes.title')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('pub.changes.changed_on')}</th>
            <th scope="col">{t('pub.changes.due_on')}</th>
            <th scope="col">{t('pub.changes.published_on')}</th>
            <th scope="col">{t('pub.changes.limit')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr data-change-kind={c.kind}>
              <td>
                {t(`pub.changes.kind.${c.kind === 'validity' ? 'validity' : 'correction'}`)} {c.changed_on}
              </td>
              <td>
                {c.due_on}
                {isChangeLate(c, today) && <span class="tag tag--danger"> {t('pub.list.late')}</span>}
              </td>
              <td>{c.published_on ?? t('pub.changes.pending')}</td>
              <td>
                {c.limit_law
                  ? t('pub.changes.other_law', { law: c.limit_law, days: c.limit_days })
                  : t('pub.changes.art26')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
