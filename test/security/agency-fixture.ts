// Agency A's records for the agency matrix: one real record of every kind a route takes an id of,
// made through the services and routes the platform itself uses, each carrying a marker text so a
// list or export of another agency can be searched for it.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { Client, testConfig } from '../support/app.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { asUser, callerOf, demoBureau, itemInput } from '../../src/modules/publishing/publishing.test-support.ts';
import { createApplicationsService } from '../../src/modules/applications/applications.service.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { createReconsiderationService } from '../../src/modules/reconsideration/reconsideration.service.ts';
import { notificationsStore } from '../../src/modules/notifications/notifications.store.ts';
import { createOutboxService } from '../../src/modules/channels/outbox.service.ts';
import { createMailboxService } from '../../src/modules/mailbox/mailbox.service.ts';

export interface AgencyRecords {
  agency: number;
  unit: number;
  user: number;
  member: number;
  grant: number;
  item: number;
  published: number;
  attachment: number;
  application: number;
  review: number;
  /** "code/year" of the annual report. */
  report: string;
  reportDocument: number;
  notification: number;
  power: number;
  guide: number;
  outbox: number;
  task: number;
  mailbox: number;
  markers: string[];
}

const ITEM_MARKER = '甲机关草稿标记';
const APPLICATION_MARKER = '甲机关申请标记';
const REVIEW_MARKER = '甲机关复议机关标记';
const MAILBOX_MARKER = '甲机关来信标记';

export async function fixtureOfAgencyA(app: FastifyInstance, db: Db): Promise<AgencyRecords> {
  const { agency, unit } = await demoBureau(db);
  const drafter = await callerOf(db, 'drafter');
  const officer = await callerOf(db, 'officer');
  const first = async (table: 'leading_group_members' | 'power_items' | 'service_guides' | 'disclosure_tasks') =>
    (await db.selectFrom(table).select('id').where('agency_id', '=', agency).orderBy('id').executeTakeFirstOrThrow())
      .id;
  const grant = await db
    .selectFrom('role_assignments')
    .select('id')
    .where('user_id', '=', drafter.actor.userId)
    .executeTakeFirstOrThrow();
  const item = await asUser.createDraft(db, drafter, itemInput(unit, { title: ITEM_MARKER }));
  const published = await db
    .selectFrom('information_items')
    .select('id')
    .where('agency_id', '=', agency)
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const config = testConfig();
  const vault = createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir));
  const application = await createApplicationsService(vault).registerAtCounter(db, systemContext, agency, {
    channel: 'in_person',
    submitted_on: '2026-11-02',
    assigned_unit_id: String(unit),
    applicant_kind: 'natural_person',
    applicant_name: '甲机关申请人',
    id_number: '11010519491231002X',
    phone: '13800000000',
    description: APPLICATION_MARKER,
    form_wanted: 'electronic',
    delivery_way: 'pickup',
  });
  const review = await createReconsiderationService(vault).create(db, systemContext, agency, {
    kind: 'reconsideration',
    body: REVIEW_MARKER,
    filed_on: '2026-01-02',
  });
  const letter = await createMailboxService(vault).receiveLetter(db, systemContext, {
    agencyId: agency,
    category: 'consultation',
    subject: MAILBOX_MARKER,
    request: MAILBOX_MARKER,
    phone: '13800000000',
  });
  await notificationsStore.addNotification(db, {
    user_id: officer.actor.userId,
    dedupe_key: 'agency-matrix',
    kind: 'due_soon',
    application_id: application.id,
    detail: {},
    created_on: '2026-11-03',
    created_at: '2026-11-03T08:00:00.000Z',
  });
  const notification = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', officer.actor.userId)
    .executeTakeFirstOrThrow();
  const outbox = await createOutboxService(vault).queue(db, officer.ctx, published.id, 'weibo', {
    queuedBy: officer.actor.userId,
  });
  // The report document is started the way the office starts it, through its form.
  const client = new Client(app);
  assert.equal((await client.signIn('officer')).statusCode, 303);
  await client.get('/admin/report-documents');
  const started = await client.post('/admin/report-documents', { agency: 'yueyang-hrss', year: '2025' });
  const location = /\/admin\/report-documents\/(\d+)/.exec(String(started.headers.location ?? ''));
  assert.ok(location, `the report document starts (${started.statusCode})`);
  return {
    agency,
    unit,
    user: drafter.actor.userId,
    member: await first('leading_group_members'),
    grant: grant.id,
    item: item.id,
    published: published.id,
    attachment: 0, // uploaded by the test through the attachment form
    application: application.id,
    review,
    report: 'yueyang-hrss/2025',
    reportDocument: Number(location[1]),
    notification: notification.id,
    power: await first('power_items'),
    guide: await first('service_guides'),
    outbox,
    task: await first('disclosure_tasks'),
    mailbox: letter.id,
    markers: [ITEM_MARKER, APPLICATION_MARKER, REVIEW_MARKER, MAILBOX_MARKER],
  };
}

/** The URL of a route with agency A's record in its parameters. */
export function concrete(url: string, r: AgencyRecords): string {
  return url
    .replace(/^\/admin\/agencies\/:id/, `/admin/agencies/${r.agency}`)
    .replace(/^\/admin\/oversight\/:id/, `/admin/oversight/${r.agency}`)
    .replace(/^\/admin\/units\/:id/, `/admin/units/${r.unit}`)
    .replace(/^\/admin\/users\/:id/, `/admin/users/${r.user}`)
    .replace(/^\/admin\/leading-group\/:id/, `/admin/leading-group/${r.member}`)
    .replace(/^\/admin\/role-assignments\/:id/, `/admin/role-assignments/${r.grant}`)
    .replace(/^\/admin\/items\/:id\/(correct|validity)/, `/admin/items/${r.published}/$1`)
    .replace(/^\/admin\/items\/:id\/attachments\/:attachmentId/, `/admin/items/${r.item}/attachments/${r.attachment}`)
    .replace(/^\/admin\/items\/:id/, `/admin/items/${r.item}`)
    .replace(
      /^\/admin\/applications\/:id\/attachments\/:attachmentId/,
      `/admin/applications/${r.application}/attachments/1`,
    )
    .replace(
      /^\/admin\/applications\/:id\/notices\/:file/,
      `/admin/applications/${r.application}/notices/acknowledgement.pdf`,
    )
    .replace(/^\/(admin|api\/v1)\/applications\/:id/, `/$1/applications/${r.application}`)
    .replace(/^\/admin\/reviews\/:id/, `/admin/reviews/${r.review}`)
    .replace(/^\/admin\/reports\/:code\/:year/, `/admin/reports/${r.report}`)
    .replace(/^\/admin\/report-documents\/:id/, `/admin/report-documents/${r.reportDocument}`)
    .replace(/^\/admin\/notifications\/:id/, `/admin/notifications/${r.notification}`)
    .replace(/^\/admin\/power-catalog\/:id/, `/admin/power-catalog/${r.power}`)
    .replace(/^\/admin\/service-guides\/:id/, `/admin/service-guides/${r.guide}`)
    .replace(/^\/admin\/channels\/outbox\/:id/, `/admin/channels/outbox/${r.outbox}`)
    .replace(/^\/admin\/tasks\/:id/, `/admin/tasks/${r.task}`)
    .replace(/^\/admin\/mailbox\/:id\/attachments\/:attachmentId/, `/admin/mailbox/${r.mailbox}/attachments/1`)
    .replace(/^\/admin\/mailbox\/from-application\/:id/, `/admin/mailbox/from-application/${r.application}`)
    .replace(/^\/admin\/mailbox\/:id/, `/admin/mailbox/${r.mailbox}`);
}
