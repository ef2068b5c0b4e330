// The nightly re-scan (rules of issue 3, item 5): everything already public — titles, summaries,
// bodies and the text of attachments of each public item's current version — goes through the
// personal-data guard again, because the guard improves, overrides age, and items came in by
// import or before the guard existed. A finding is recorded as a flag per item version and shown
// on the confidentiality reviewers' dashboard until it is resolved: the text was changed (e.g.
// masked, a new version), a reviewer recorded an override for the version, or the item was
// withdrawn. Flags hold masked values only: the record of a leak must not be a second leak.
//
// The server runs it once a day (the first process to claim the day in the settings table runs
// it); `gongkai pii rescan` runs it on demand.
import type { FastifyInstance } from 'fastify';
import type { Db, Executor } from '../../db/database.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { advanceSetting } from '../../platform/audit/settings.ts';
import { now, nowIso, todayInChina } from '../../platform/clock.ts';
import { mutate } from '../../platform/mutation.ts';
import { allFindingsOf, findingCount, type FieldFindings } from './guard.ts';
import { publicStatuses } from './publishing.ts';
import type { ItemVersionRow, PiiRescanFlagRow } from './publishing.table.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';

export interface RescanRun {
  /** Public items scanned. */
  readonly scanned: number;
  /** Item versions with findings and no override (new or still open). */
  readonly flagged: number;
  /** Of those, flags raised by this run. */
  readonly newFlags: number;
  /** Open flags this run found resolved. */
  readonly resolved: number;
  /** Open flags after the run. */
  readonly open: number;
}

export interface FlagFinding {
  readonly field: string;
  readonly kind: string;
  readonly line: number;
  readonly masked: string;
}

function flagFindings(fields: readonly FieldFindings[]): FlagFinding[] {
  return fields.flatMap((f) =>
    f.findings.map((x) => ({
      field: f.filename ? `${f.field} (${f.filename})` : f.field,
      kind: x.kind,
      line: x.line,
      masked: x.masked,
    })),
  );
}

const BATCH = 200;

/** Scans every public item; records new flags, refreshes open ones and resolves those that no longer apply. */
export async function runPiiRescan(db: Db, options: { batchSize?: number } = {}): Promise<RescanRun> {
  const batchSize = options.batchSize ?? BATCH;
  let scanned = 0;
  let flagged = 0;
  let newFlags = 0;
  let lastId = 0;
  const seenFlags = new Set<string>();
  for (;;) {
    const items = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .selectAll('v')
      .select(['i.id as item_id', 'i.agency_id', 'i.responsible_unit_id'])
      .where('i.status', 'in', [...publicStatuses])
      .where('i.id', '>', lastId)
      .orderBy('i.id')
      .limit(batchSize)
      .execute();
    if (items.length === 0) break;
    lastId = items.at(-1)!.item_id;
    scanned += items.length;
    const found: { item: (typeof items)[number]; findings: FlagFinding[] }[] = [];
    for (const item of items) {
      const fields = await allFindingsOf(db, item as ItemVersionRow);
      if (findingCount(fields) === 0) continue;
      const overridden = await db
        .selectFrom('pii_overrides')
        .select('id')
        .where('version_id', '=', item.id)
        .executeTakeFirst();
      if (overridden) continue;
      found.push({ item, findings: flagFindings(fields) });
    }
    if (found.length === 0) continue;
    flagged += found.length;
    await mutate(db, systemContext, async (trx, audit) => {
      const at = nowIso();
      const raised: number[] = [];
      for (const { item, findings } of found) {
        seenFlags.add(`${item.item_id}/${item.id}`);
        const existing = await trx
          .selectFrom('pii_rescan_flags')
          .select(['id', 'resolved_at'])
          .where('item_id', '=', item.item_id)
          .where('version_id', '=', item.id)
          .executeTakeFirst();
        const values = { finding_count: findings.length, findings_json: JSON.stringify(findings), last_seen_at: at };
        if (existing) {
          // A flag resolved earlier for this very version (e.g. the override was its) opens again.
          await trx
            .updateTable('pii_rescan_flags')
            .set({ ...values, resolved_at: null, resolution: null })
            .where('id', '=', existing.id)
            .execute();
          if (existing.resolved_at) raised.push(item.item_id);
        } else {
          await trx
            .insertInto('pii_rescan_flags')
            .values({
              agency_id: item.agency_id,
              item_id: item.item_id,
              version_id: item.id,
              responsible_unit_id: item.responsible_unit_id,
              first_found_at: at,
              resolved_at: null,
              resolution: null,
              ...values,
            })
            .execute();
          raised.push(item.item_id);
        }
      }
      newFlags += raised.length;
      await audit({
        action: 'pii.rescan_flag',
        subjectType: 'information_item',
        subjectId: raised[0] ?? found[0]!.item.item_id,
        after: {
          items: found.map((f) => f.item.item_id),
          raised,
          kinds: [...new Set(found.flatMap((f) => f.findings.map((x) => x.kind)))],
        },
      });
    });
  }
  const resolved = await resolveStale(db, seenFlags);
  const open = Number(
    (
      await db
        .selectFrom('pii_rescan_flags')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('resolved_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { scanned, flagged, newFlags, resolved, open };
}

/** Open flags not seen by this run: why each no longer applies. */
async function resolveStale(db: Db, seen: ReadonlySet<string>): Promise<number> {
  const open = await db
    .selectFrom('pii_rescan_flags as f')
    .innerJoin('information_items as i', 'i.id', 'f.item_id')
    .select(['f.id', 'f.item_id', 'f.version_id', 'i.status', 'i.current_version_id'])
    .where('f.resolved_at', 'is', null)
    .execute();
  const stale = open.filter((f) => !seen.has(`${f.item_id}/${f.version_id}`));
  if (stale.length === 0) return 0;
  await mutate(db, systemContext, async (trx, audit) => {
    const at = nowIso();
    for (const f of stale) {
      const overridden = await trx
        .selectFrom('pii_overrides')
        .select('id')
        .where('version_id', '=', f.version_id)
        .executeTakeFirst();
      const resolution = !(publicStatuses as readonly string[]).includes(f.status)
        ? 'withdrawn'
        : overridden && f.current_version_id === f.version_id
          ? 'overridden'
          : 'changed';
      await trx.updateTable('pii_rescan_flags').set({ resolved_at: at, resolution }).where('id', '=', f.id).execute();
    }
    await audit({
      action: 'pii.rescan_resolved',
      subjectType: 'information_item',
      subjectId: stale[0]!.item_id,
      after: { flags: stale.map((f) => f.id), items: stale.map((f) => f.item_id) },
    });
  });
  return stale.length;
}

export type OpenFlagRow = PiiRescanFlagRow & { index_number: string; title: string; status: string };

export function openFlags(db: Executor, agencyIds: readonly number[], limit = 500): Promise<OpenFlagRow[]> {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pii_rescan_flags as f')
    .innerJoin('information_items as i', 'i.id', 'f.item_id')
    .innerJoin('item_versions as v', 'v.id', 'f.version_id')
    .selectAll('f')
    .select(['i.index_number', 'v.title', 'i.status'])
    .where('f.agency_id', 'in', agencyIds)
    .where('f.resolved_at', 'is', null)
    .orderBy('f.first_found_at')
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

const SETTING = 'pii.rescan.last_day';

/** Claims today's run for this process (one process a day runs the re-scan). */
function claimDay(db: Db, today: string): Promise<boolean> {
  return advanceSetting(db, SETTING, today);
}

/** Hourly check; the first tick of a day (China time) from 02:00 on runs the re-scan once. */
export function piiRescanJob(app: FastifyInstance, intervalMs = 3600_000): BackgroundJob {
  const db = app.deps.database.db;
  return {
    name: 'personal-data re-scan',
    intervalMs,
    run: async () => {
      const chinaHour = (now().getUTCHours() + 8) % 24;
      if (chinaHour < 2 || !(await claimDay(db, todayInChina()))) return undefined;
      return runPiiRescan(db);
    },
  };
}
