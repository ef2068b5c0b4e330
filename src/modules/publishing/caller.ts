// Who acts in a publishing operation, in its own file so the service files that split the
// operations between them can all name it without importing one another.
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/policy.ts';

/** Who acts: the actor for permissions, the audit context for the log. */
export interface Caller {
  readonly actor: Actor;
  readonly ctx: AuditContext;
}
