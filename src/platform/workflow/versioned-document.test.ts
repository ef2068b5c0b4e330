// A new kind of versioned document is its tables, its workflow table and a few hooks. This test
// defines one that exists nowhere else — a quarterly bulletin over tables created here, with a
// three-step table — and runs it on both engines: creation with version 1 and its status row,
// immutable versions guarded by the version the editor saw, each row's role and needs, the
// compare-and-set on the state, the kind's hooks, and one audit event per operation.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { forEachDialect } from '../../../test/support/database.ts';
import type { Db } from '../../db/database.ts';
import { withId } from '../../db/dialect.ts';
import type { AuditContext } from '../audit/audit.ts';
import { ConflictError, ForbiddenError, issue, ValidationError } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { definePolicies, registerPolicies, roleOver, type Actor } from '../policy.ts';
import type { Role } from '../roles.ts';
import { versionedDocuments } from './versioned-document.ts';
import type { Transition } from './workflow-table.ts';

type Status = 'draft' | 'submitted' | 'approved' | 'published' | 'returned';
type Event = 'submit' | 'approve' | 'publish' | 'return' | 'redraft';
type Need = 'reason' | 'review' | 'date';
type Row = Transition<Status, Event, Need>;

const TABLE: readonly Row[] = [
  { from: 'draft', event: 'submit', to: 'submitted', requires: 'drafter', needs: [] },
  { from: 'submitted', event: 'approve', to: 'approved', requires: 'principal_leader', needs: ['review'] },
  { from: 'submitted', event: 'return', to: 'returned', requires: 'principal_leader', needs: ['reason'] },
  { from: 'approved', event: 'publish', to: 'published', requires: 'disclosure_officer', needs: ['date'] },
  { from: 'approved', event: 'return', to: 'returned', requires: 'disclosure_officer', needs: ['reason'] },
  { from: 'returned', event: 'redraft', to: 'draft', requires: 'drafter', needs: [] },
];

interface Bulletin {
  readonly id: number;
  readonly agency_id: number;
  readonly quarter: string;
  readonly status: string;
  readonly current_version_id: number | null;
  readonly published_on: string | null;
}

interface BulletinVersion {
  readonly id: number;
  readonly bulletin_id: number;
  readonly version_no: number;
  readonly body: string;
}

// The test's own actions, registered here as the composition root registers a module's (ADR 0019).
registerPolicies(
  definePolicies({
    'test.bulletin.read': (actor, resource) => actor.grants.some((g) => g.agencyId === resource?.agencyId),
    'test.bulletin.step.drafter': roleOver('drafter'),
    'test.bulletin.step.principal_leader': roleOver('principal_leader'),
    'test.bulletin.step.disclosure_officer': roleOver('disclosure_officer'),
  }),
);

/** What the hooks saw, for the assertions. */
const published: number[] = [];

function bulletins(db: Db) {
  return versionedDocuments<Bulletin, BulletinVersion, Row>({
    name: 'bulletin',
    tables: {
      documents: 'test_bulletins',
      versions: 'test_bulletin_versions',
      history: 'test_bulletin_status_history',
      documentColumn: 'bulletin_id',
    },
    audit: { subjectType: 'test_bulletin', actionPrefix: 'bulletin' },
    initialStatus: 'draft',
    messages: {
      notAllowed: 'error.invalid',
      notYourStep: 'error.forbidden',
      reasonRequired: 'error.invalid',
      reasonTooLong: 'error.invalid',
      basisRequired: 'error.invalid',
      changedMeanwhile: 'error.invalid',
    },
    load: async (_db, id) =>
      (await (_db as unknown as Kysely<any>)
        .selectFrom('test_bulletins')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()) as Bulletin | undefined,
    scopeOf: (doc) => ({ agencyId: doc.agency_id }),
    readPolicy: 'test.bulletin.read',
    stepPolicy: (role) => `test.bulletin.step.${role}`,
    table: async () => TABLE,
    basisNeed: 'review',
    validate: ({ row, input }) => (row.needs.includes('date') && !input.date ? [issue('date', 'error.invalid')] : []),
    prepare: async ({ doc, row, today }) =>
      row.event === 'publish'
        ? {
            set: { published_on: today },
            audit: { version_id: doc.current_version_id, published_on: today },
            after: async () => {
              published.push(doc.id);
            },
          }
        : { audit: { version_id: doc.current_version_id } },
  });
}

function actor(userId: number, role: Role): Actor {
  return {
    userId,
    username: `u${userId}`,
    displayName: `U${userId}`,
    agencyId: 1,
    unitId: null,
    grants: [{ role, agencyId: 1, unitId: null }],
    reach: new Map([[role, new Set([1])]]),
    mustChangePassword: false,
  };
}

const ctx: AuditContext = { actorUserId: null, actorName: 'test', ip: null };
type Who = { readonly actor: Actor; readonly ctx: AuditContext };
const who = (userId: number, role: Role): Who => ({ actor: actor(userId, role), ctx });
const drafter = who(1, 'drafter');
const leader = who(2, 'principal_leader');
const officer = who(3, 'disclosure_officer');

forEachDialect('a versioned document kind defined over its own tables', (t) => {
  let db: Db;
  let kind: ReturnType<typeof bulletins>;

  before(async () => {
    db = t.handle.db;
    published.length = 0;
    const any = db as unknown as Kysely<any>;
    await withId(any, any.schema.createTable('test_bulletins'))
      .addColumn('agency_id', 'integer', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('current_version_id', 'integer')
      .addColumn('published_on', 'text')
      .addColumn('updated_at', 'text')
      .execute();
    await withId(any, any.schema.createTable('test_bulletin_versions'))
      .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('test_bulletins.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addUniqueConstraint('test_bulletin_versions_no_unique', ['bulletin_id', 'version_no'])
      .execute();
    await withId(any, any.schema.createTable('test_bulletin_status_history'))
      .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('test_bulletins.id'))
      .addColumn('version_id', 'integer')
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    kind = bulletins(db);
  });

  const history = (id: number) =>
    (db as unknown as Kysely<any>)
      .selectFrom('test_bulletin_status_history')
      .select(['from_status', 'to_status', 'event', 'actor_user_id', 'reason', 'version_id'])
      .where('bulletin_id', '=', id)
      .orderBy('id')
      .execute();
  const audits = (id: number) =>
    db
      .selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('subject_type', '=', 'test_bulletin')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
  // As a route takes a step: the actor authorized on the document as loaded, then the service.
  const step = async (caller: Who, id: number, event: Event, input = {}) => {
    const seen = await kind.load(db, id);
    await kind.authorizeStep(db, caller.actor, seen, event);
    return mutate(db, caller.ctx, async (trx, audit) =>
      kind.transition(trx, audit, await kind.load(trx, id), event, input, {
        actedBy: caller.actor.userId,
        whileStatus: seen.status,
      }),
    );
  };

  test('creation: the document in its first state, version 1, a status row and one audit event', async () => {
    const id = await mutate(db, ctx, (trx, audit) =>
      kind.create(trx, audit, drafter.actor.userId, {
        values: { agency_id: 1, quarter: '2026Q3', published_on: null, updated_at: null },
        version: { body: '三季度公开工作简报' },
        after: (versionId) => ({ quarter: '2026Q3', version_id: versionId }),
      }),
    );
    const doc = await kind.load(db, id);
    assert.equal(doc.status, 'draft');
    const version = await kind.currentVersion(db, doc);
    assert.equal(version.version_no, 1);
    assert.deepEqual(await history(id), [
      {
        from_status: null,
        to_status: 'draft',
        event: 'create',
        actor_user_id: 1,
        reason: null,
        version_id: version.id,
      },
    ]);
    assert.deepEqual(
      (await audits(id)).map((a) => [a.action, a.after_json]),
      [['bulletin.create', JSON.stringify({ quarter: '2026Q3', version_id: version.id })]],
    );
  });

  test('versions are added, never changed; an edit built on an older version is refused', async () => {
    const doc = await kind.load(db, 1);
    const v2 = await mutate(db, ctx, async (trx, audit) => {
      const next = await kind.appendVersion(trx, doc.id, { body: '修改后的简报' });
      await kind.setCurrentVersion(trx, doc, next.id, { whileStatus: 'draft', whileVersion: true });
      await audit({ action: 'bulletin.edit', subjectType: 'test_bulletin', subjectId: doc.id });
      return next;
    });
    assert.equal(v2.versionNo, 2);
    assert.equal((await kind.version(db, doc.current_version_id!))?.body, '三季度公开工作简报');
    // `doc` is the document as the first editor saw it: at version 1.
    await assert.rejects(
      mutate(db, ctx, async (trx, audit) => {
        const next = await kind.appendVersion(trx, doc.id, { body: '另一人的修改' });
        await kind.setCurrentVersion(trx, doc, next.id, { whileStatus: 'draft', whileVersion: true });
        await audit({ action: 'bulletin.edit', subjectType: 'test_bulletin', subjectId: doc.id });
      }),
      (e) => e instanceof ConflictError,
    );
    assert.equal(await kind.lastVersionNo(db, doc.id), 2, 'the refused edit left no version behind');
  });

  test('each row: its state, its role, its needs; the kind hooks run with the move', async () => {
    const forbidden = (e: unknown) => e instanceof ForbiddenError;
    const conflict = (e: unknown) => e instanceof ConflictError;
    const invalid = (e: unknown) => e instanceof ValidationError;
    await assert.rejects(step(drafter, 1, 'approve'), conflict, 'no such row from draft');
    await assert.rejects(step(leader, 1, 'submit'), forbidden, "the drafter's step");
    assert.equal(await step(drafter, 1, 'submit'), 'submitted');
    await assert.rejects(step(leader, 1, 'return'), invalid, 'a return says why');
    await assert.rejects(step(leader, 1, 'approve'), invalid, 'an approval records its basis');
    assert.equal(await step(leader, 1, 'approve', { basis: '内容已核' }), 'approved');
    await assert.rejects(step(officer, 1, 'publish'), invalid, "the kind's own need: a date");
    assert.equal(await step(officer, 1, 'publish', { date: '2026-10-08' }), 'published');
    assert.deepEqual(published, [1]);
    const doc = await kind.load(db, 1);
    assert.equal(doc.status, 'published');
    assert.ok(doc.published_on);
    assert.deepEqual(
      (await history(1)).slice(1).map((h) => [h.from_status, h.to_status, h.event, h.actor_user_id, h.reason]),
      [
        ['draft', 'submitted', 'submit', 1, null],
        ['submitted', 'approved', 'approve', 2, '内容已核'],
        ['approved', 'published', 'publish', 3, null],
      ],
    );
    const events = await audits(1);
    assert.deepEqual(
      events.map((a) => a.action),
      ['bulletin.create', 'bulletin.edit', 'bulletin.submit', 'bulletin.approve', 'bulletin.publish'],
    );
    assert.deepEqual(JSON.parse(events[4]!.after_json!), {
      status: 'published',
      reason: null,
      basis: null,
      version_id: doc.current_version_id,
      published_on: doc.published_on,
    });
    assert.deepEqual(transitionsOf(kind, officer, doc), []);
  });

  test('the buttons of a page: the rows from the state the actor may take', async () => {
    const id = await mutate(db, ctx, (trx, audit) =>
      kind.create(trx, audit, 1, {
        values: { agency_id: 1, quarter: '2026Q4', published_on: null, updated_at: null },
        version: { body: '四季度简报' },
        after: () => ({}),
      }),
    );
    await step(drafter, id, 'submit');
    const doc = await kind.load(db, id);
    assert.deepEqual(transitionsOf(kind, leader, doc), ['approve', 'return']);
    assert.deepEqual(transitionsOf(kind, drafter, doc), []);
  });

  test('a step authorized on one state is not taken on the state the document moved to meanwhile', async () => {
    const id = await mutate(db, ctx, (trx, audit) =>
      kind.create(trx, audit, 1, {
        values: { agency_id: 1, quarter: '2027Q1', published_on: null, updated_at: null },
        version: { body: '一季度简报' },
        after: () => ({}),
      }),
    );
    await step(drafter, id, 'submit');
    const seen = await kind.load(db, id);
    await kind.authorizeStep(db, leader.actor, seen, 'return');
    await step(leader, id, 'approve', { basis: '内容已核' });
    // From 'approved' a return is the officer's: the leader's return, authorized on 'submitted', is refused.
    await assert.rejects(
      kind.authorizeStep(db, leader.actor, await kind.load(db, id), 'return'),
      (e) => e instanceof ForbiddenError,
    );
    await assert.rejects(
      mutate(db, ctx, async (trx, audit) =>
        kind.transition(
          trx,
          audit,
          await kind.load(trx, id),
          'return',
          { reason: '退回' },
          {
            actedBy: leader.actor.userId,
            whileStatus: seen.status,
          },
        ),
      ),
      (e) => e instanceof ConflictError,
    );
    assert.equal((await kind.load(db, id)).status, 'approved');
  });
});

function transitionsOf(kind: ReturnType<typeof bulletins>, caller: Who, doc: Bulletin): Event[] {
  return kind.transitionsFor(caller.actor, doc, TABLE).map((r) => r.event);
}
