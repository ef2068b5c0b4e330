// Authorization: each module declares pure predicates `(actor, resource?) => boolean` under
// action names. Anything not registered is denied. Routes name the action they need; handlers
// check again with the loaded resource, so scope (agency, unit) is decided on real data.
import type { Role } from './roles.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

export interface Grant {
  readonly role: Role;
  readonly agencyId: number;
  readonly unitId: number | null;
}

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly agencyId: number;
  readonly unitId: number | null;
  readonly grants: readonly Grant[];
  /** Agencies each grant reaches: its own agency, plus every agency beneath it for the roles
   *  whose scope is a subtree (supervisor and the admin roles). Keyed by role. */
  readonly reach: ReadonlyMap<Role, ReadonlySet<number>>;
  readonly mustChangePassword: boolean;
}

/** A resource as policies see it: where it lives. */
export interface Scoped {
  readonly agencyId: number;
  readonly unitId?: number | null;
}

export type Predicate = (actor: Actor, resource?: Scoped) => boolean;

const registry = new Map<string, Predicate>();

/** A module's table of actions. Defining it registers nothing: the composition root
 *  (src/composition.ts) registers the tables its modules declare. */
export function definePolicies<K extends string>(policies: Record<K, Predicate>): Record<K, Predicate> {
  return policies;
}

export function registerPolicies(...tables: readonly Readonly<Record<string, Predicate>>[]): void {
  for (const policies of tables)
    for (const [action, predicate] of Object.entries(policies)) {
      if (registry.has(action)) throw new Error(`policy ${action} is defined twice`);
      registry.set(action, predicate);
    }
}

/** Every registered action (for the tests of the wiring). */
export function registeredActions(): string[] {
  return [...registry.keys()];
}

export function isRegisteredAction(action: string): boolean {
  return registry.has(action);
}

/** Deny by default: an unknown action, or no actor, is never allowed. */
export function can(actor: Actor | undefined, action: string, resource?: Scoped): boolean {
  if (!actor) return false;
  const predicate = registry.get(action);
  return predicate ? predicate(actor, resource) : false;
}

/**
 * Refuses what the actor may not do. With a resource (a record, or an agency named in a request),
 * the refusal is a 404, the same answer as for a record that does not exist: another agency's
 * case, user or draft must not be told apart from a missing one by its status code (issue 14
 * finding 6). Without one — the actor's role cannot do this at all — it is a 403.
 */
export function authorize(actor: Actor | undefined, action: string, resource?: Scoped): void {
  if (can(actor, action, resource)) return;
  if (resource && can(actor, action)) throw new NotFoundError();
  throw new ForbiddenError();
}

// ——— composable predicates ———

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}

/** The actor holds `role` over the resource: without a resource, holding it anywhere is enough
 *  (the route-level check); with one, the resource must be inside the role's reach and, for a
 *  unit-scoped grant, inside its unit. */
export function roleOver(role: Role): Predicate {
  return (actor, resource) => {
    if (!resource) return hasRole(actor, role);
    if (!actor.reach.get(role)?.has(resource.agencyId)) return false;
    const unitGrants = actor.grants.filter((g) => g.role === role && g.unitId !== null);
    const agencyGrants = actor.grants.filter((g) => g.role === role && g.unitId === null);
    if (agencyGrants.length > 0) return true;
    return unitGrants.some(
      (g) => g.agencyId === resource.agencyId && (resource.unitId == null || g.unitId === resource.unitId),
    );
  };
}

export function anyOf(...predicates: Predicate[]): Predicate {
  return (actor, resource) => predicates.some((p) => p(actor, resource));
}

export function allOf(...predicates: Predicate[]): Predicate {
  return (actor, resource) => predicates.every((p) => p(actor, resource));
}

export function anyRoleOver(...list: Role[]): Predicate {
  return anyOf(...list.map(roleOver));
}

/** Any signed-in user (own account pages, the dashboard). */
export const signedIn: Predicate = () => true;
