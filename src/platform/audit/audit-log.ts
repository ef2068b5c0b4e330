// Reads of the audit log for the audit module's pages. The log is the platform's table (audit.ts writes
// it inside every change), so the queries live here and the module calls them (ADR 0022).
import type { Executor } from '../../db/database.ts';

export const auditLog = {
  /** Newest first, `limit` events older than `before` whose action starts with `actionPrefix`. */
  events(db: Executor, filter: { before?: number; actionPrefix?: string; limit: number }) {
    let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
    // LIKE's wildcards in what was typed are dropped: the filter is a prefix, never a pattern.
    if (filter.actionPrefix) q = q.where('action', 'like', `${filter.actionPrefix.replace(/[%_]/g, '')}%`);
    return q.execute();
  },

  /** Newest first, `limit` events with one of `actions` older than `before`. */
  eventsOf(db: Executor, actions: readonly string[], filter: { before?: number; limit: number }) {
    let q = db
      .selectFrom('audit_events')
      .select([
        'seq',
        'occurred_at',
        'actor_user_id',
        'actor_name',
        'ip',
        'action',
        'subject_type',
        'subject_id',
        'after_json',
      ])
      .where('action', 'in', actions)
      .orderBy('seq', 'desc')
      .limit(filter.limit);
    if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
    return q.execute();
  },
};
