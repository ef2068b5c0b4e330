// The in-app notices (the reminders' second channel beside mail): who is told of a case, and
// the insert that keeps one notice per (case, kind, day, user). Kept apart from the dashboard,
// which reads them, so that the modules that raise reminders (applications, reports) do not
// depend on the dashboard that lists their cases.
import type { Executor } from '../../db/database.ts';

export const notificationsStore = {
  /** Who is reminded of a case: the agency's disclosure officers, and the drafters and unit
   *  heads of the unit it is assigned to; active accounts only. */
  recipients(db: Executor, agencyId: number, unitId: number | null) {
    return db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
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
};
