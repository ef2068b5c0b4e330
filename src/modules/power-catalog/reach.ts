// The agencies an actor reaches in any of `roles`: the power-catalog routes, and the channels and
// tasks routes that list per agency the same way, scope their lists with it (kept out of the
// route file so other modules need not import a route file).
import type { Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';

export function reachOf(actor: Actor, roles: readonly Role[]): number[] {
  const out = new Set<number>();
  for (const role of roles) for (const id of actor.reach.get(role) ?? []) out.add(id);
  return [...out];
}
