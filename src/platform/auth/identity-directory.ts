// The people the platform serves, as the module that keeps them provides them (ADR 0022: the platform
// reads no module's table). A session needs its user and the user's grants, a grant of a supervising
// role reaches the agencies beneath its agency, and the audit anchor is mailed to the audit
// administrators. The platform knows no module (ADR 0018), so it declares here what it needs; the
// organisation module implements it and declares it in its definition (`identityDirectory`), and the
// composition root (src/composition.ts) provides it when it wires the modules. Used before that, it
// throws: a session read without its users would sign everyone out.
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { Role } from '../roles.ts';

/** What a session shows of its user: who they are, where they sit, whether they may sign in. */
export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  agency_id: number;
  unit_id: number | null;
  disabled: number;
  locked_until: string | null;
  must_change_password: number;
}

/** One role grant as stored: a role, the agency it is held in and, for a unit-scoped grant, the unit. */
export interface StoredGrant {
  readonly role: string;
  readonly agency_id: number;
  readonly unit_id: number | null;
}

export interface IdentityDirectory {
  /** Users as sessions read them, a select builder joined as a derived table, so reading a session
   *  stays one query (`.innerJoin(sessionUsers(db).as('u'), 'u.id', 'sessions.user_id')`). */
  sessionUsers(db: Executor): SelectQueryBuilder<Database, any, SessionUser>;
  /** The role grants of a user. */
  grantsOf(db: Executor, userId: number): Promise<readonly StoredGrant[]>;
  /** The agency and every agency beneath it (a city government → its bureaus → county bureaus). */
  agencySubtree(db: Executor, rootId: number): Promise<number[]>;
  /** The addresses of the enabled users holding `role` in any agency, each once. */
  emailsOfRole(db: Executor, role: Role): Promise<string[]>;
}

let provided: IdentityDirectory | undefined;

/** Called by the composition root only (src/composition.test.ts checks it), with the organisation
 *  module's implementation. A second, different directory is a wiring mistake and throws. */
export function provideIdentityDirectory(directory: IdentityDirectory): void {
  if (provided && provided !== directory) throw new Error('an identity directory is already provided');
  provided = directory;
}

/** Whether the composition root has provided the directory (the wiring probe reads it). */
export function identityDirectoryProvided(): boolean {
  return provided !== undefined;
}

/** The provided directory; throws when nothing provided one (a module used without the composition root). */
export function identityDirectory(): IdentityDirectory {
  if (!provided)
    throw new Error(
      'No identity directory: sessions, grants and agency scopes are read through the organisation module, ' +
        'which the composition root provides — call wireModules() (src/composition.ts) before using them',
    );
  return provided;
}
