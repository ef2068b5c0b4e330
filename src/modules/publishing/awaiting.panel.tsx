// The start page's panel of items waiting for the signed-in person's step (awaiting.ts): the
// first few, earliest due first, each with the step it waits for, and a link to the full list.
// Shown to everyone in the review chain who has something waiting; nothing waiting, no panel.
import type { ViewContext } from '../../platform/views/context.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { itemsAwaiting } from './awaiting.ts';

/** How many items the panel lists; the rest are a click away. */
const SHOWN = 5;

export interface AwaitingView {
  readonly total: number;
  readonly items: readonly {
    readonly id: number;
    readonly title: string;
    readonly unitName: string;
    readonly statusKey: string;
    readonly eventKey: string;
    readonly dueOn: string | null;
  }[];
}

export function AwaitingPanel(props: { ctx: ViewContext; data: AwaitingView }) {
  const { ctx, data } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-awaiting" data-panel="awaiting">
      <h2 id="panel-awaiting">{t('pub.awaiting.title')}</h2>
      <p>{t('pub.awaiting.count', { count: data.total })}</p>
      <ul class="awaiting-list">
        {data.items.map((i) => (
          <li>
            <a href={`/admin/items/${i.id}`}>{i.title}</a>
            <span class="field__hint">
              {' '}
              {i.unitName} · {t(i.statusKey)} · {t('pub.awaiting.next', { step: t(i.eventKey) })}
              {i.dueOn && <> · {t('pub.awaiting.due', { date: i.dueOn })}</>}
            </span>
          </li>
        ))}
      </ul>
      {data.total > data.items.length && (
        <p>
          <a href="/admin/items?view=mine">{t('pub.awaiting.all')}</a>
        </p>
      )}
    </section>
  );
}

export const awaitingPanel: DashboardPanel<AwaitingView> = {
  id: 'publishing.awaiting',
  policy: 'publishing.read',
  order: 3,
  async load(db, actor) {
    const waiting = await itemsAwaiting(db, actor);
    if (waiting.length === 0) return null;
    return {
      total: waiting.length,
      items: waiting.slice(0, SHOWN).map(({ item, event }) => ({
        id: item.id,
        title: item.title,
        unitName: item.unit_name,
        statusKey: `pub.status.${item.status}`,
        eventKey: `pub.event.${event}`,
        dueOn: item.disclosure_due_on,
      })),
    };
  },
  render: (ctx, data) => <AwaitingPanel ctx={ctx} data={data} />,
};
