// Publishing throughput: information items per second through the whole workflow (create →
// submit → unit head → confidentiality review → publish, each step its own transaction with its
// status row and hash-chained audit event, the personal-data guard on publishing) on SQLite,
// against a baseline measured in the same run: raw inserts of the same rows (item, version,
// five status rows) without the services. Two baselines: all of an item's rows in one
// transaction, and one transaction per step as the workflow commits.
// Run: npm run bench -- publishing   (or node --import tsx bench/publishing/throughput.bench.ts [N])
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectSqlite, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/database.ts';
import { configureAudit, systemContext } from '../../src/platform/audit/audit.ts';
import { loadActor } from '../../src/platform/auth/session.ts';
import { nowIso } from '../../src/platform/clock.ts';
import type { Role } from '../../src/platform/roles.ts';
import { calendarService } from '../../src/modules/calendar/index.ts';
import { organisationService } from '../../src/modules/organisation/index.ts';
import { demoAgencies } from '../../src/demo/demo-organisation.ts';
import type { AuditContext } from '../../src/platform/audit/audit.ts';
import { authorize, type Actor } from '../../src/platform/policy.ts';
import {
  authorizeTransition,
  draftScope,
  prepareDraft,
  publishingService as service,
  publishingStore,
  type ItemEvent,
  type ItemInput,
} from '../../src/modules/publishing/index.ts';

/** A demo user: the actor the routes authorize, the audit context the services log. */
interface Caller {
  readonly actor: Actor;
  readonly ctx: AuditContext;
}

export interface PublishingBenchResult {
  readonly items: number;
  readonly workflowItemsPerSecond: number;
  readonly rawOneTxItemsPerSecond: number;
  readonly rawPerStepItemsPerSecond: number;
  /** workflow throughput / raw (one transaction per item) throughput. */
  readonly ratioOneTx: number;
  /** workflow throughput / raw (one transaction per step) throughput. */
  readonly ratioPerStep: number;
}

const STEPS = [
  ['submit', 'draft', 'submitted'],
  ['unit_approve', 'submitted', 'unit_approved'],
  ['confidentiality_approve', 'unit_approved', 'confidentiality_reviewed'],
  ['publish', 'confidentiality_reviewed', 'published'],
] as const;

async function setUp(handle: DatabaseHandle): Promise<{ unit: number; agency: number; who: Record<string, Caller> }> {
  const db = handle.db;
  configureAudit({ algorithm: 'sha256', key: undefined });
  await calendarService.seedFromFile(db);
  const a = demoAgencies.find((x) => x.code === 'yueyang-hrss')!;
  const agency = await organisationService.createAgency(db, systemContext, {
    code: a.code,
    name: a.name,
    short_name: a.short_name,
    level: a.level,
    kind: a.kind,
    parent_id: null,
    credit_code: a.credit_code,
    address: null,
    postcode: null,
    phone: null,
    office_hours: null,
    website: null,
    index_number_template: '{creditCode}/{yyyy}-{seq:5}',
  });
  const unit = await organisationService.createUnit(db, systemContext, agency, {
    name: '就业促进科',
    kind: 'department',
    sort_order: 0,
  } as Parameters<typeof organisationService.createUnit>[3]);
  const who: Record<string, Caller> = {};
  const people: [string, Role, number | null][] = [
    ['drafter', 'drafter', unit],
    ['unithead', 'unit_head', unit],
    ['reviewer', 'confidentiality_reviewer', null],
    ['officer', 'disclosure_officer', null],
  ];
  for (const [username, role, unitId] of people) {
    const u = await organisationService.createUser(
      db,
      systemContext,
      { username, display_name: username, agency_id: agency, unit_id: unitId } as Parameters<
        typeof organisationService.createUser
      >[2],
      'Bench-Password-2026!',
    );
    await organisationService.assignRole(db, systemContext, u.id, role, agency, unitId);
    const row = await db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    const actor = await loadActor(db, {
      user_id: row.id,
      username: row.username,
      display_name: row.display_name,
      agency_id: row.agency_id,
      unit_id: row.unit_id,
      must_change_password: 0,
    });
    who[username] = { actor, ctx: { actorUserId: row.id, actorName: username, ip: null } };
  }
  return { unit, agency, who };
}

function input(unit: number, i: number): ItemInput {
  return {
    title: `关于2025年第${i}批就业补贴发放情况的公示`,
    issuing_agencies: ['岳阳市人力资源和社会保障局'],
    responsible_unit_id: unit,
    formation_date: '2025-06-02',
    disclosure_mode: 'proactive',
    catalog_category: 'work_news',
    keywords: '就业补贴',
    body_html:
      `<p>根据有关规定，现将第${i}批就业补贴发放情况公示如下：共发放补贴${100 + i}人次，金额${(i * 1234.5).toFixed(2)}元。</p>`.repeat(
        4,
      ),
  };
}

/** A step as its route takes it: the actor authorized on the item as loaded, then the service. */
async function step(db: Db, who: Caller, id: number, event: ItemEvent, basis?: string): Promise<void> {
  const item = (await publishingStore.item(db, id))!;
  await authorizeTransition(db, who.actor, item, event);
  await service.transition(db, who.ctx, id, event, { basis }, { actedBy: who.actor.userId, whileStatus: item.status });
}

async function workflow(db: Db, unit: number, who: Record<string, Caller>, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const draft = input(unit, i);
    authorize(who.drafter!.actor, 'publishing.draft', draftScope(await prepareDraft(db, draft), draft));
    const { id } = await service.createDraft(db, who.drafter!.ctx, draft, { createdBy: who.drafter!.actor.userId });
    await step(db, who.drafter!, id, 'submit');
    await step(db, who.unithead!, id, 'unit_approve');
    await step(db, who.reviewer!, id, 'confidentiality_approve', '不涉及国家秘密');
    await step(db, who.officer!, id, 'publish');
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The same rows as the workflow writes to the catalog tables, inserted directly. */
async function raw(
  db: Db,
  agency: number,
  unit: number,
  userId: number,
  n: number,
  perStep: boolean,
  offset: number,
): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const now = nowIso();
    const values = input(unit, i);
    const insertItem = async (trx: Db) => {
      const item = await trx
        .insertInto('information_items')
        .values({
          agency_id: agency,
          index_number: `raw-${offset}-${i}`,
          current_version_id: null,
          status: 'draft',
          disclosure_mode: 'proactive',
          non_disclosure_basis: null,
          art20_item: null,
          catalog_category: 'work_news',
          responsible_unit_id: unit,
          formation_date: values.formation_date,
          disclosure_due_on: '2025-06-30',
          scheduled_on: null,
          publication_date: null,
          created_by: userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const version = await trx
        .insertInto('item_versions')
        .values({
          item_id: item.id,
          version_no: 1,
          title: values.title,
          document_number: null,
          issuing_agencies: JSON.stringify(values.issuing_agencies),
          topic: null,
          genre: null,
          keywords: values.keywords ?? null,
          summary: null,
          body_html: values.body_html ?? '',
          change_note: null,
          created_by: userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('information_items')
        .set({ current_version_id: version.id })
        .where('id', '=', item.id)
        .execute();
      await trx
        .insertInto('item_status_history')
        .values({
          item_id: item.id,
          version_id: version.id,
          from_status: null,
          to_status: 'draft',
          event: 'create',
          actor_user_id: userId,
          reason: null,
          created_at: now,
        })
        .execute();
      return { itemId: item.id, versionId: version.id };
    };
    const step = async (
      trx: Db,
      ids: { itemId: number; versionId: number },
      [event, from, to]: (typeof STEPS)[number],
    ) => {
      await trx
        .updateTable('information_items')
        .set({ status: to, updated_at: now })
        .where('id', '=', ids.itemId)
        .where('status', '=', from)
        .execute();
      await trx
        .insertInto('item_status_history')
        .values({
          item_id: ids.itemId,
          version_id: ids.versionId,
          from_status: from,
          to_status: to,
          event,
          actor_user_id: userId,
          reason: null,
          created_at: now,
        })
        .execute();
    };
    if (perStep) {
      const ids = await db.transaction().execute((trx) => insertItem(trx as unknown as Db));
      for (const s of STEPS) await db.transaction().execute((trx) => step(trx as unknown as Db, ids, s));
    } else {
      await db.transaction().execute(async (trx) => {
        const ids = await insertItem(trx as unknown as Db);
        for (const s of STEPS) await step(trx as unknown as Db, ids, s);
      });
    }
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(options: { items?: number; rounds?: number } = {}): Promise<PublishingBenchResult> {
  const n = options.items ?? 300;
  const rounds = options.rounds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-pub-'));
  const handle = connectSqlite(join(dir, 'bench.sqlite'));
  try {
    await migrateToLatest(handle.db);
    const { unit, agency, who } = await setUp(handle);
    const userId = who.drafter!.actor.userId;
    // Warm-up (JIT, statement cache), then the best of interleaved rounds: the machine is shared.
    await workflow(handle.db, unit, who, 20);
    await raw(handle.db, agency, unit, userId, 20, false, -1);
    let best = { wf: Infinity, one: Infinity, per: Infinity };
    for (let r = 0; r < rounds; r++) {
      best = {
        wf: Math.min(best.wf, await workflow(handle.db, unit, who, n)),
        one: Math.min(best.one, await raw(handle.db, agency, unit, userId, n, false, r * 2)),
        per: Math.min(best.per, await raw(handle.db, agency, unit, userId, n, true, r * 2 + 1)),
      };
    }
    const perSecond = (ms: number) => n / (ms / 1000);
    return {
      items: n,
      workflowItemsPerSecond: perSecond(best.wf),
      rawOneTxItemsPerSecond: perSecond(best.one),
      rawPerStepItemsPerSecond: perSecond(best.per),
      ratioOneTx: best.one / best.wf,
      ratioPerStep: best.per / best.wf,
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(r: PublishingBenchResult): void {
  console.log(`publishing throughput on SQLite, ${r.items} items per round, best of 3:`);
  console.log(
    `  whole workflow (services, 5 transactions, audit, guard)  ${r.workflowItemsPerSecond.toFixed(1)} items/s`,
  );
  console.log(
    `  raw inserts, one transaction per item                  ${r.rawOneTxItemsPerSecond.toFixed(1)} items/s`,
  );
  console.log(
    `  raw inserts, one transaction per step                  ${r.rawPerStepItemsPerSecond.toFixed(1)} items/s`,
  );
  console.log(
    `  ratio workflow / raw (one tx)   ${r.ratioOneTx.toFixed(3)}  (${(1 / r.ratioOneTx).toFixed(1)}× slower)`,
  );
  console.log(
    `  ratio workflow / raw (per step) ${r.ratioPerStep.toFixed(3)}  (${(1 / r.ratioPerStep).toFixed(1)}× slower)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (await import('../../src/composition.ts')).wireModules();
  const arg = Number(process.argv[2]);
  report(await run(Number.isFinite(arg) && arg > 0 ? { items: arg } : {}));
}
