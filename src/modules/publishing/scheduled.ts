// Scheduled publishing (定时发布): a job publishes `scheduled` items whose date has come. It runs
// on an interval inside every server process and as `gongkai publishing run-scheduled`. Several
// processes may run it at once: each item is published in its own transaction by a
// compare-and-set on its status, so only one of them moves it and the others skip it.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { mutate } from '../../platform/mutation.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { AppError, ConflictError } from '../../platform/errors.ts';
import { publicationChanged } from './publication-events.ts';
import { publishingStore as store } from './publishing.store.ts';
import { assertPiiClean, itemDocuments } from './item-documents.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';

export interface ScheduledRun {
  /** Items this run published. */
  readonly published: number[];
  /** Items another process published first (or that changed meanwhile). */
  readonly skipped: number[];
  /** Items the personal-data guard held back (their version changed since scheduling). */
  readonly blocked: number[];
}

/** Publishes every scheduled item due on or before `today`. Idempotent. */
export async function runScheduledPublishing(db: Db, today = todayInChina()): Promise<ScheduledRun> {
  const run = { published: [] as number[], skipped: [] as number[], blocked: [] as number[] };
  for (const candidate of await store.dueScheduled(db, today, 1000)) {
    try {
      const outcome = await mutate(db, systemContext, async (trx, audit) => {
        const item = await store.item(trx, candidate.id);
        // Another process got there first: roll back (nothing written) and count it as skipped.
        if (!item || item.status !== 'scheduled' || !item.scheduled_on || item.scheduled_on > today)
          throw new ConflictError('pub.error.changed_meanwhile');
        await assertPiiClean(trx, item);
        const updated = await trx
          .updateTable('information_items')
          .set({ status: 'published', publication_date: today, scheduled_on: null, updated_at: nowIso() })
          .where('id', '=', item.id)
          .where('status', '=', 'scheduled')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('pub.error.changed_meanwhile');
        await itemDocuments.recordStatus(trx, {
          documentId: item.id,
          versionId: item.current_version_id,
          from: 'scheduled',
          to: 'published',
          event: 'publish',
          userId: null,
          reason: null,
        });
        await publicationChanged(trx, {
          itemId: item.id,
          agencyId: item.agency_id,
          change: 'published',
          versionId: item.current_version_id,
        });
        await audit({
          action: 'publishing.publish',
          subjectType: 'information_item',
          subjectId: item.id,
          before: { status: 'scheduled' },
          after: { status: 'published', scheduled: true, version_id: item.current_version_id },
        });
        return item.id;
      });
      run.published.push(outcome);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) {
        (error.code === 'pii_findings' ? run.blocked : run.skipped).push(candidate.id);
        continue;
      }
      throw error;
    }
  }
  return run;
}

/** Every minute by default: a publication date is a day, so a minute's delay is invisible. */
export const SCHEDULE_INTERVAL_MS = 60_000;

/** Publishes what is due every minute while the server runs (platform/http/background-job.ts). */
export function scheduledPublishingJob(app: FastifyInstance, intervalMs = SCHEDULE_INTERVAL_MS): BackgroundJob {
  const db = app.deps.database.db;
  return {
    name: 'scheduled publishing',
    intervalMs,
    runOnListen: true,
    run: async () => {
      const run = await runScheduledPublishing(db);
      return run.published.length || run.blocked.length
        ? { published: run.published, blocked: run.blocked }
        : undefined;
    },
  };
}
