// The in-app notices (the reminders' second channel beside mail): who is told of a case, the
// insert that keeps one notice per (case, kind, day, user), and the reads and the dismissal of the
// dashboard's panel. Kept apart from the dashboard, which lists them, so that the modules that raise
// reminders (applications, reports) do not depend on the dashboard that lists their cases.
import type { Executor } from '../../db/database.ts';
import { roleDirectory, userDirectory } from '../organisation/index.ts';
import type { NotificationRow } from './notifications.table.ts';

export const notificationsStore = {
  /** Who is reminded of a case: the agency's disclosure officers, and the drafters and unit
   *  heads of the unit it is assigned to; active accounts only. */
  recipients(db: Executor, agencyId: number, unitId: number | null) {
    return db
      .selectFrom(roleDirectory(db).as('role_assignments'))
      .innerJoin(userDirectory(db).as('users'), 'users.id', 'role_assignments.user_id')
      .select(['users.id', 'users.email'])
      .distinct()
      .where('role_assignments.agency_id', '=', agencyId)
      .where('users.disabled', '=', 0)
      .where((eb) =>
        eb.or([
          eb.and([eb('role_assignments.role', '=', 'disclosure_officer'), eb('role_assignments.unit_id', 'is', null)]),
          ...(unitId === null
            ? []
            : [
                eb.and([
                  eb('role_assignments.role', 'in', ['drafter', 'unit_head']),
                  eb('role_assignments.unit_id', '=', unitId),
                ]),
              ]),
        ]),
      )
      .orderBy('users.id')
      .execute();
  },

  async addNotification(
    db: Executor,
    row: {
      user_id: number;
      dedupe_key: string;
      kind: string;
      application_id: number | null;
      detail: Record<string, unknown>;
      created_on: string;
      created_at: string;
    },
  ): Promise<boolean> {
    const result = await db
      .insertInto('notifications')
      .values({
        user_id: row.user_id,
        dedupe_key: row.dedupe_key,
        kind: row.kind,
        application_id: row.application_id,
        detail_json: JSON.stringify(row.detail),
        created_on: row.created_on,
        read_at: null,
        created_at: row.created_at,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  },

  /** A user's unread notices, newest first (the dashboard's panel). */
  unread(db: Executor, userId: number, limit = 20): Promise<NotificationRow[]> {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  notification(db: Executor, id: number): Promise<NotificationRow | undefined> {
    return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async markRead(db: Executor, id: number, at: string): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  },
};
