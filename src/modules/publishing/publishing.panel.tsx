// The catalog's panel on the console start page (/admin): emergency publications still waiting
// for their confidentiality review (they stay here until it is recorded), those whose review is
// overdue (a query on the stored due day), and the Art. 26 items
// overdue or due within 5 working days — each count links to the filtered list.
import { reachOf } from '../../platform/reach.ts';
import type { Db } from '../../db/database.ts';
import { can, type Actor } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { readerRoles } from './publishing.policy.ts';
import { publishingStore as store, type ItemListFilter } from './publishing.store.ts';
import { publishingDeps, scopeOf } from './publishing.service.ts';

export interface CatalogAttention {
  readonly emergency: number;
  readonly emergencyOverdue: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

/** The calendar day before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Items published in an emergency whose confidentiality review is past its due day. */
export async function emergencyReviewsOverdue(
  db: Db,
  agencyIds: readonly number[],
  today: string,
): Promise<{ id: number; agency_id: number; responsible_unit_id: number; emergency_review_due_on: string | null }[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('information_items')
    .select(['id', 'agency_id', 'responsible_unit_id', 'emergency_review_due_on'])
    .where('status', '=', 'published_pending_approval')
    .where('emergency_review_due_on', '<', today)
    .where('agency_id', 'in', agencyIds)
    .execute();
}

export async function catalogAttention(db: Db, actor: Actor): Promise<CatalogAttention> {
  const agencyIds = reachOf(actor, readerRoles);
  const count = async (filter: Omit<ItemListFilter, 'agencyIds'>) =>
    (await store.list(db, { agencyIds, ...filter, limit: 5000 })).filter((i) =>
      can(actor, 'publishing.read', scopeOf(i)),
    ).length;
  const today = todayInChina();
  const soon = (await publishingDeps.calendar(db)).addWorkingDays(today, 5);
  return {
    emergency: await count({ statuses: ['published_pending_approval'] }),
    emergencyOverdue: (await emergencyReviewsOverdue(db, agencyIds, today)).filter((i) =>
      can(actor, 'publishing.read', scopeOf(i)),
    ).length,
    overdue: await count({ dueBetween: { to: dayBefore(today) } }),
    dueSoon: await count({ dueBetween: { from: today, to: soon } }),
  };
}

export function CatalogPanel(props: { ctx: ViewContext; data: CatalogAttention }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const links: [keyof CatalogAttention, string, string][] = [
    ['emergency', '/admin/items?status=published_pending_approval', 'pub.panel.emergency'],
    ['emergencyOverdue', '/admin/items?status=published_pending_approval', 'pub.panel.emergency_overdue'],
    ['overdue', '/admin/items?deadline=overdue', 'pub.list.overdue'],
    ['dueSoon', '/admin/items?deadline=due_soon', 'pub.list.due_soon'],
  ];
  return (
    <section class="panel" aria-labelledby="panel-catalog" data-panel="catalog">
      <h2 id="panel-catalog">{t('pub.panel.title')}</h2>
      <ul class="count-links">
        {links.map(([key, href, label]) => (
          <li>
            <a href={href} data-count={key}>
              <span class="count-links__n">{data[key]}</span>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const catalogAttentionPanel: DashboardPanel<CatalogAttention> = {
  id: 'publishing.attention',
  policy: 'publishing.read',
  order: 20,
  async load(db, actor) {
    const data = await catalogAttention(db, actor);
    return data.emergency + data.emergencyOverdue + data.overdue + data.dueSoon > 0 ? data : null;
  },
  render: (ctx, data) => <CatalogPanel ctx={ctx} data={data} />,
};
