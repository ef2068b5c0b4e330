/**
 * The changes of an item (Art. 26 “变更”) with their own publication deadlines.
 *
 *  ChangesSection({ ctx, changes }) — nothing when the item has no change; lateness as the
 *      presenter worked it out against today
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ChangeEntry } from '../item.presenter.ts';

export function ChangesSection(props: { ctx: ViewContext; changes: readonly ChangeEntry[] }) {
  const { ctx, changes } = props;
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
                {t(`pub.changes.kind.${c.kind === 'validity' ? 'validity' : 'correction'}`)} {c.changedOn}
              </td>
              <td>
                {c.dueOn}
                {c.late && <span class="tag tag--danger"> {t('pub.list.late')}</span>}
              </td>
              <td>{c.publishedOn ?? t('pub.changes.pending')}</td>
              <td>
                {c.limitLaw
                  ? t('pub.changes.other_law', { law: c.limitLaw, days: c.limitDays })
                  : t('pub.changes.art26')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
