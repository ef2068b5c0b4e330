// The power catalog page's entries (权力清单) and service guides (办事指南) as it shows them.
import type { portalStore } from './portal.store.ts';

type PowerRow = Awaited<ReturnType<typeof portalStore.powerItems>>[number];
type GuideRow = Awaited<ReturnType<typeof portalStore.serviceGuides>>[number];

export interface PowerEntry {
  readonly code: string;
  readonly name: string;
  /** A power type code (power.type.*). */
  readonly powerType: string;
  readonly legalBasis: string;
  /** The public item that carries it. */
  readonly itemId: number;
}

export interface GuideEntry {
  readonly name: string;
  /** The workflow (办事流程), a step a line as entered; blank lines dropped. */
  readonly steps: readonly string[];
  /** Time limit, place, hours and phone, as one line. */
  readonly details: string;
  readonly itemId: number;
}

export function presentPowers(rows: readonly PowerRow[]): PowerEntry[] {
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    powerType: p.power_type,
    legalBasis: p.legal_basis,
    itemId: p.item_id,
  }));
}

export function presentGuides(rows: readonly GuideRow[]): GuideEntry[] {
  return rows.map((g) => ({
    name: g.name,
    steps: g.steps
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    details: [g.time_limit, g.place, g.hours, g.phone].filter(Boolean).join(' · '),
    itemId: g.item_id,
  }));
}
