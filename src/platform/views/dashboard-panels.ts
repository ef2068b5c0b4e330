// Modules declare panels of the console's start page (/admin) in their web part, and the
// composition root registers them here as it registers navigation entries: a panel is shown to actors its policy allows, in `order`, with the data its
// `load` returned (null: nothing to show, the panel is left out).
import type { VNode } from 'preact';
import type { Db } from '../../db/database.ts';
import { can, type Actor } from '../policy.ts';
import type { ViewContext } from './context.ts';

export interface DashboardPanel<T = unknown> {
  readonly id: string;
  readonly policy: string;
  readonly order: number;
  load(db: Db, actor: Actor): Promise<T | null>;
  render(ctx: ViewContext, data: T): VNode;
}

/** A loaded panel, ready to render with the page's view context. */
export interface LoadedPanel {
  readonly id: string;
  render(ctx: ViewContext): VNode;
}

const panels: DashboardPanel<any>[] = [];

export function registerDashboardPanel<T>(panel: DashboardPanel<T>): void {
  if (panels.some((p) => p.id === panel.id)) return;
  panels.push(panel);
  panels.sort((a, b) => a.order - b.order);
}

/** Every registered panel (for the tests of the wiring). */
export function registeredDashboardPanels(): readonly DashboardPanel<any>[] {
  return panels;
}

export async function loadDashboardPanels(db: Db, actor: Actor): Promise<LoadedPanel[]> {
  const allowed = panels.filter((p) => can(actor, p.policy));
  const data = await Promise.all(allowed.map((p) => p.load(db, actor)));
  return allowed.flatMap((p, i) =>
    data[i] === null ? [] : [{ id: p.id, render: (ctx: ViewContext) => p.render(ctx, data[i]) }],
  );
}
