// The agencies an actor reaches in any of `roles`, as a list without repeats: every console list
// scoped to agencies starts from it. In the platform (beside policy.ts) because most modules use it
// and none should depend on another's routes for it.
import type { Actor } from './policy.ts';
import type { Role } from './roles.ts';

export function reachOf(actor: Actor, roles: readonly Role[]): number[] {
  const out = new Set<number>();
  for (const role of roles) for (const id of actor.reach.get(role) ?? []) out.add(id);
  return [...out];
}
