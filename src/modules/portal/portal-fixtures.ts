// Published items for the portal's tests, browser tests and bench, made through the publishing
// service itself (so they carry real index numbers, versions and status rows). The fixture sets
// the stage as the operator does: it names who acts, and no route authorizes.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { loadActor } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/policy.ts';
import { organisationStore, userDirectory } from '../organisation/index.ts';
import { publishingService, type ItemInput } from '../publishing/index.ts';

/** A demo user: the actor a route authorizes, the audit context a service logs. */
export interface DemoUser {
  readonly actor: Actor;
  readonly ctx: AuditContext;
}

export async function callerOf(db: Db, username: string): Promise<DemoUser> {
  const u = await db
    .selectFrom(userDirectory(db).as('u'))
    .selectAll()
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db, {
    user_id: u.id,
    username: u.username,
    display_name: u.display_name,
    agency_id: u.agency_id,
    unit_id: u.unit_id,
    must_change_password: 0,
  });
  return { actor, ctx: { actorUserId: u.id, actorName: u.username, ip: null } };
}

export interface PortalFixture {
  readonly draft: (over?: Partial<ItemInput>) => Promise<number>;
  readonly publish: (over?: Partial<ItemInput>) => Promise<number>;
  readonly withdraw: (id: number, reason: string) => Promise<void>;
  readonly officer: DemoUser;
  /** The principal leader, who alone may publish in an emergency. */
  readonly chief: DemoUser;
}

/** Drafts by the demo drafter; publication by the principal leader's emergency route (one step). */
export async function portalFixture(db: Db): Promise<PortalFixture> {
  const agency = (await organisationStore.agencyByCode(db, 'yueyang-hrss'))?.id;
  if (agency === undefined) throw new Error('the demo agency yueyang-hrss is missing');
  const unit = (await organisationStore.unitByName(db, agency, '就业促进科'))?.id;
  if (unit === undefined) throw new Error('the demo unit 就业促进科 is missing');
  const drafter = await callerOf(db, 'drafter');
  const officer = await callerOf(db, 'officer');
  const chief = await callerOf(db, 'chief');
  const input = (over: Partial<ItemInput>): ItemInput => ({
    title: '关于做好2025年高校毕业生就业工作的通知',
    issuing_agencies: ['岳阳市人力资源和社会保障局'],
    responsible_unit_id: unit,
    formation_date: '2025-06-02',
    disclosure_mode: 'proactive',
    catalog_category: 'notice',
    art20_item: 11,
    body_html: '<p>各县市区人力资源和社会保障局：现就做好社保补贴和就业服务工作通知如下。</p>',
    ...over,
  });
  const draft = async (over: Partial<ItemInput> = {}) =>
    (await publishingService.createDraft(db, drafter.ctx, input(over), { createdBy: drafter.actor.userId })).id;
  return {
    officer,
    chief,
    draft,
    async publish(over = {}) {
      const id = await draft(over);
      await publishingService.transition(
        db,
        chief.ctx,
        id,
        'emergency_publish',
        { reason: '测试发布' },
        { actedBy: chief.actor.userId },
      );
      return id;
    },
    async withdraw(id, reason) {
      await publishingService.transition(
        db,
        officer.ctx,
        id,
        'withdraw',
        { reason },
        { actedBy: officer.actor.userId },
      );
    },
  };
}
