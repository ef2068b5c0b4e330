// Sessions live in the database so that several app processes can serve one PostgreSQL. The
// cookie holds a random token; the table holds only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { addMinutes, now } from '../clock.ts';
import type { Actor, Grant } from '../policy.ts';
import { isRole, type Role } from '../roles.ts';
import { identityDirectory } from './identity-directory.ts';

export const SESSION_COOKIE = 'gk_session';
/** The cookie holding the CSRF secret (@fastify/csrf-protection); dropped at sign-in. */
export const CSRF_COOKIE = 'gk_csrf';

export interface SessionSettings {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** The stored id of a session token (what the sessions table holds). */
export function sessionId(token: string): string {
  return tokenId(token);
}

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  trx: Executor,
  userId: number,
  settings: SessionSettings,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now();
  await trx
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: userId,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: addMinutes(at, settings.absoluteHours * 60).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

/** Ends every session of the user, or every other one when `keepToken` names the one to keep;
 *  returns how many ended. */
export async function destroySessionsOfUser(db: Executor, userId: number, keepToken?: string): Promise<number> {
  let ended = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) ended = ended.where('id', '!=', tokenId(keepToken));
  const result = await ended.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type SessionLookup =
  | { readonly status: 'none' }
  | { readonly status: 'expired' }
  | { readonly status: 'active'; readonly actor: Actor };

// last_seen_at is written at most once a minute: a page with many requests should not turn
// every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

/** Roles whose reach is the agency and every agency beneath it. */
const SUBTREE_ROLES: readonly Role[] = ['supervisor', 'system_admin', 'security_admin', 'audit_admin'];

export async function loadSession(
  db: Executor,
  token: string | undefined,
  settings: SessionSettings,
): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  const id = tokenId(token);
  // The user comes from the organisation module's directory, joined as a derived table (both planners
  // fold it into this query, ADR 0022): one query per request, as a direct join.
  const row = await db
    .selectFrom('sessions')
    .innerJoin(identityDirectory().sessionUsers(db).as('u'), 'u.id', 'sessions.user_id')
    .select([
      'sessions.last_seen_at',
      'sessions.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.agency_id',
      'u.unit_id',
      'u.disabled',
      'u.locked_until',
      'u.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { status: 'none' };
  const at = now();
  const idleLimit = addMinutes(new Date(row.last_seen_at), settings.idleMinutes);
  const blocked = row.disabled === 1 || (row.locked_until !== null && new Date(row.locked_until) > at);
  if (idleLimit <= at || new Date(row.expires_at) <= at || blocked) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { status: 'expired' };
  }
  if (at.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
  }
  return { status: 'active', actor: await loadActor(db, row) };
}

export async function loadActor(
  db: Executor,
  user: {
    user_id: number;
    username: string;
    display_name: string;
    agency_id: number;
    unit_id: number | null;
    must_change_password: number;
  },
): Promise<Actor> {
  const directory = identityDirectory();
  const rows = await directory.grantsOf(db, user.user_id);
  const grants: Grant[] = rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as Role, agencyId: r.agency_id, unitId: r.unit_id }));
  const reach = new Map<Role, Set<number>>();
  for (const grant of grants) {
    const set = reach.get(grant.role) ?? new Set<number>();
    if (SUBTREE_ROLES.includes(grant.role)) {
      for (const agencyId of await directory.agencySubtree(db, grant.agencyId)) set.add(agencyId);
    } else {
      set.add(grant.agencyId);
    }
    reach.set(grant.role, set);
  }
  return {
    userId: user.user_id,
    username: user.username,
    displayName: user.display_name,
    agencyId: user.agency_id,
    unitId: user.unit_id,
    grants,
    reach,
    mustChangePassword: user.must_change_password === 1,
  };
}
