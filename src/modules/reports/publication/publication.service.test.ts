// Annual report documents on both engines: versions, the review chain with each role's rights, the
// override rule for failed checks, late publication, the frozen snapshot on the portal's archive,
// and the carry-over compared with last year's report as published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../../test/support/database.ts';
import { seedDemo } from '../../../../test/support/app.ts';
import type { Db } from '../../../db/database.ts';
import { setClock } from '../../../platform/clock.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { organisationService } from '../../organisation/organisation.service.ts';
import { publishedReports } from '../../portal/report-registry.ts';
import { authorize } from '../../../platform/policy.ts';
import { asUser as publishingAs, callerOf, type DemoUser } from '../../publishing/publishing.test-support.ts';
import type { ItemEvent } from '../../publishing/publishing.ts';
import {
  authorizeReportTransition,
  authorizeStart,
  checkVersion,
  currentVersionOf,
  loadDocument,
  reportDocumentService as service,
  reportSteps,
  reportTable,
  reportTransitionsFor,
  scopeOfDocument,
  sectionsOfVersion,
  type StartInput,
} from './publication.service.ts';
import { publicationStore as store } from './publication.store.ts';

const forbidden = (e: unknown) => e instanceof ForbiddenError;
// A role that may act, but not on this document (another unit's), is answered as if it did not exist.
const outOfReach = (e: unknown) => e instanceof NotFoundError;
const conflict = (e: unknown) => e instanceof ConflictError;
const invalid = (e: unknown) => e instanceof ValidationError;
const blocked = (e: unknown) => e instanceof AppError && e.code === 'report_checks';
const at = (date: string) => setClock(() => new Date(`${date}T02:00:00.000Z`)); // 10:00 in China

/** What the console's routes do for a user: load the document, authorize, then the service. */
const asUser = {
  async start(db: Db, who: DemoUser, input: StartInput) {
    await authorizeStart(db, who.actor, input);
    return service.start(db, who.ctx, input, { createdBy: who.actor.userId });
  },
  async editSection(db: Db, who: DemoUser, id: number, key: string, text: string, baseVersionNo: number | null) {
    authorize(who.actor, 'reports.doc.draft', scopeOfDocument(await loadDocument(db, id)));
    return service.editSection(db, who.ctx, id, { key, text, baseVersionNo }, { createdBy: who.actor.userId });
  },
  async transition(
    db: Db,
    who: DemoUser,
    id: number,
    event: ItemEvent,
    options: { reason?: string; basis?: string } = {},
  ) {
    const doc = await loadDocument(db, id);
    await authorizeReportTransition(db, who.actor, doc, event);
    return service.transition(db, who.ctx, id, event, options, { actedBy: who.actor.userId, whileStatus: doc.status });
  },
  async override(db: Db, who: DemoUser, id: number, reason: string) {
    authorize(who.actor, 'reports.doc.override', scopeOfDocument(await loadDocument(db, id)));
    return service.override(db, who.ctx, id, reason, { overriddenBy: who.actor.userId });
  },
};

const NAMES = ['officer', 'drafter', 'unithead', 'reviewer', 'leader', 'chief', 'supervisor'] as const;
type Name = (typeof NAMES)[number];

forEachDialect('annual report documents', (t) => {
  let db: Db;
  let who: Record<Name, DemoUser>;

  before(async () => {
    await seedDemo(t.handle);
    db = t.handle.db;
    // The head of the disclosure office (政策法规科) approves for the office; in the demo she is the
    // supervisor 郑芳, who is that unit's head — give her the unit-head role over her unit.
    const agency = await db
      .selectFrom('agencies')
      .select(['id', 'disclosure_office_unit_id'])
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const head = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    await organisationService.assignRole(
      db,
      { actorUserId: admin.id, actorName: 'admin', ip: null },
      head.id,
      'unit_head',
      agency.id,
      agency.disclosure_office_unit_id,
    );
    who = {} as Record<Name, DemoUser>;
    for (const n of NAMES) who[n] = await callerOf(db, n);
  });
  after(() => setClock(undefined));

  const version = async (id: number) => currentVersionOf(db, await loadDocument(db, id));

  /** Writes every section still holding the drafted placeholder. */
  async function writeSections(id: number) {
    const v = await version(id);
    for (const [key, text] of Object.entries(sectionsOfVersion(v))) {
      if (text.startsWith('（本节由'))
        await asUser.editSection(
          db,
          who.officer,
          id,
          key,
          `${key}：本年度工作情况说明。`,
          (await version(id)).version_no,
        );
    }
  }

  async function approve(id: number) {
    await asUser.transition(db, who.officer, id, 'submit');
    await asUser.transition(db, who.supervisor, id, 'unit_approve');
    await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', { basis: '不涉及国家秘密和工作秘密' });
    await asUser.transition(db, who.leader, id, 'leader_check');
    await asUser.transition(db, who.chief, id, 'principal_approve');
  }

  test('start: version 1 with the frozen 2013 figures and the narrative drafted from them', async () => {
    at('2014-03-10');
    await assert.rejects(
      asUser.start(db, who.drafter, { agencyCode: 'yueyang-hrss', year: 2013 }),
      invalid,
      'a drafter outside the disclosure office cannot compile the report',
    );
    await assert.rejects(
      asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2016 }),
      invalid,
      'a year not yet over',
    );
    await assert.rejects(
      asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2013, template: '2030' }),
      invalid,
    );
    await assert.rejects(
      asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2013, rollup: true }),
      invalid,
      'the office cannot read the county bureaus',
    );
    const id = await asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2013 });
    await assert.rejects(
      asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2013 }),
      conflict,
      'one document per agency, year, template and scope',
    );
    const doc = await loadDocument(db, id);
    assert.equal(doc.template, '2008');
    assert.equal(doc.status, 'draft');
    const v = await version(id);
    assert.equal(v.version_no, 1);
    const figures = JSON.parse(v.figures_json);
    assert.deepEqual(
      [
        figures.report.proactive.totalPublished,
        figures.report.proactive.websitePublished,
        figures.report.proactive.powerCatalogItems,
        figures.report.proactive.serviceWorkflows,
      ],
      [702, 275, 120, 153],
    );
    assert.match(sectionsOfVersion(v).proactive!, /发布政府信息275条/);
  });

  test('editing a section makes a new version; stale, empty and unchanged edits are refused', async () => {
    const id = (await store.byKey(
      db,
      (
        await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
      ).id,
      2013,
      '2008',
      'agency',
    ))!.id;
    await assert.rejects(asUser.editSection(db, who.drafter, id, 'overview', '问题', 1), outOfReach);
    await assert.rejects(asUser.editSection(db, who.officer, id, 'nonsense', '问题', 1), invalid);
    await assert.rejects(asUser.editSection(db, who.officer, id, 'overview', '   ', 1), invalid);
    await asUser.editSection(
      db,
      who.officer,
      id,
      'overview',
      '本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开、依申请公开等部分。',
      1,
    );
    await assert.rejects(
      asUser.editSection(db, who.officer, id, 'overview', '另一个版本', 1),
      conflict,
      'saved over version 1 while version 2 exists',
    );
    await assert.rejects(
      asUser.editSection(
        db,
        who.officer,
        id,
        'overview',
        '本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开、依申请公开等部分。',
        2,
      ),
      invalid,
      'unchanged',
    );
    const versions = await store.versions(db, id);
    assert.deepEqual(
      versions.map((v) => v.version_no),
      [2, 1],
    );
    assert.equal(versions[0]!.figures_json, versions[1]!.figures_json, 'an edit of the text keeps the frozen figures');
    assert.match(sectionsOfVersion(versions[0]!).overview!, /全文包括概述/);
    assert.match(sectionsOfVersion(versions[1]!).overview!, /本报告统计数据的期限/);
  });

  test('the review chain: each step by its role only, within the office; failed checks block publication until overridden', async () => {
    const id = (
      await db.selectFrom('report_documents').select('id').where('report_year', '=', 2013).executeTakeFirstOrThrow()
    ).id;
    await assert.rejects(asUser.transition(db, who.drafter, id, 'submit'), outOfReach, 'a drafter of another unit');
    await asUser.transition(db, who.officer, id, 'submit');
    await assert.rejects(
      asUser.editSection(db, who.officer, id, 'overview', '改', null),
      conflict,
      'a submitted report is not edited',
    );
    await assert.rejects(
      asUser.transition(db, who.unithead, id, 'unit_approve'),
      outOfReach,
      'the head of another unit',
    );
    await assert.rejects(asUser.transition(db, who.leader, id, 'leader_check'), conflict, 'steps are not skipped');
    await asUser.transition(db, who.supervisor, id, 'unit_approve');
    await assert.rejects(
      asUser.transition(db, who.reviewer, id, 'confidentiality_approve'),
      invalid,
      'the review states its basis',
    );
    await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', { basis: '不涉及国家秘密' });
    await assert.rejects(asUser.transition(db, who.chief, id, 'leader_check'), forbidden);
    await asUser.transition(db, who.leader, id, 'leader_check');
    const table = await reportTable(db, (await loadDocument(db, id)).agency_id);
    assert.deepEqual(
      reportTransitionsFor(who.chief.actor, await loadDocument(db, id), table).map((r) => r.event),
      ['principal_approve', 'return'],
    );
    assert.deepEqual(
      reportTransitionsFor(who.officer.actor, await loadDocument(db, id), table).map((r) => r.event),
      [],
    );
    await asUser.transition(db, who.chief, id, 'principal_approve');
    assert.ok(
      !table.some((r) => r.event === 'schedule' || r.event === 'emergency_publish' || r.event === 'correct'),
      'reports are not scheduled, rushed or corrected in place',
    );

    // 存在的主要问题和改进措施 still holds the drafted placeholder: a required section is empty.
    const doc = await loadDocument(db, id);
    const checks = await checkVersion(db, doc, await version(id), '2014-03-10');
    assert.deepEqual(
      checks.findings.map((f) => f.code),
      ['missing_section'],
    );
    await assert.rejects(asUser.transition(db, who.officer, id, 'publish'), blocked);
    await assert.rejects(
      asUser.override(db, who.officer, id, '领导同意'),
      forbidden,
      'the office does not override its own checks',
    );
    await assert.rejects(asUser.override(db, who.chief, id, '  '), invalid);
    await asUser.override(db, who.chief, id, '问题和改进措施部分另行报送，先行公布数据部分');
    await assert.rejects(asUser.override(db, who.chief, id, '再次'), conflict);
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    const published = await loadDocument(db, id);
    assert.equal(published.published_on, '2014-03-10');
    assert.equal(published.is_late, 0, 'before 31 March under the 2007 Regulation');
    assert.equal(published.published_version_id, published.current_version_id);
    for (const n of ['702', '275', '120', '153'])
      assert.match(published.published_html!, new RegExp(`>${n}<|${n}条|${n}项|${n}个`));
    assert.match(published.published_html!, /<caption>/);

    const history = await store.history(db, id);
    assert.deepEqual(
      history.map((h) => h.to_status),
      ['draft', 'submitted', 'unit_approved', 'confidentiality_reviewed', 'leader_checked', 'approved', 'published'],
    );
    assert.equal(history[3]!.reason, '不涉及国家秘密');
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'report_document')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.ok(audit.some((a) => a.action === 'reports.document.override'));
    assert.equal(audit.at(-1)!.action, 'reports.document.publish');

    const archive = await publishedReports(db);
    assert.ok(
      archive.some((r) => r.url === '/reports/yueyang-hrss/2013' && r.year === 2013 && r.publishedOn === '2014-03-10'),
    );
  });

  test('returned with a reason; only one report of an agency and year is public at a time', async () => {
    const id = await asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2013, template: '2021' });
    await writeSections(id);
    await asUser.transition(db, who.officer, id, 'submit');
    await assert.rejects(asUser.transition(db, who.supervisor, id, 'return'), invalid, 'a return says why');
    await asUser.transition(db, who.supervisor, id, 'return', { reason: '请补充解读工作情况' });
    await assert.rejects(asUser.editSection(db, who.officer, id, 'other', '补充', null), conflict, 'redraft first');
    await asUser.transition(db, who.officer, id, 'redraft');
    await asUser.editSection(db, who.officer, id, 'other', '本年度开展政策解读5次。', null);
    await approve(id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      conflict,
      'the 2008-format report of 2013 is public',
    );
    const history = await store.history(db, id);
    assert.equal(history.find((h) => h.to_status === 'returned')!.reason, '请补充解读工作情况');
  });

  test('late publication is allowed and recorded; the carry-over is checked against last year as published', async () => {
    at('2026-01-20');
    const y2024 = await asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2024 });
    await writeSections(y2024);
    await approve(y2024);
    await asUser.transition(db, who.officer, y2024, 'publish');
    const doc2024 = await loadDocument(db, y2024);
    assert.equal(doc2024.is_late, 1, 'a department’s 2024 report was due on 31 January 2025');
    assert.match((await store.history(db, y2024)).at(-1)!.reason!, /逾期公布/);

    const y2025 = await asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2025 });
    await writeSections(y2025);
    const doc2025 = await loadDocument(db, y2025);
    const same = await checkVersion(db, doc2025, await version(y2025), '2026-01-20');
    assert.equal(same.previous?.year, 2024);
    assert.deepEqual(
      same.findings.filter((f) => f.code === 'carry_over_mismatch'),
      [],
      'figures computed from the same records agree',
    );

    // Last year's report as published said something else (an imported or hand-corrected report):
    // this year's carried-over is compared with the published figures, not recomputed ones.
    const v = (await store.version(db, doc2024.published_version_id!))!;
    const snapshot = JSON.parse(v.figures_json);
    snapshot.report.applications.carriedForward.naturalPerson += 3;
    snapshot.report.applications.carriedForward.total += 3;
    await db
      .updateTable('report_document_versions')
      .set({ figures_json: JSON.stringify(snapshot) })
      .where('id', '=', v.id)
      .execute();
    const differs = await checkVersion(db, doc2025, await version(y2025), '2026-01-20');
    const warnings = differs.findings.filter((f) => f.code === 'carry_over_mismatch');
    assert.ok(warnings.length >= 1 && warnings.every((w) => w.severity === 'warning'));
    assert.match(warnings[0]!.message.zh, /2024年度报告/);
    // A warning does not block: the 2025 report goes out on time.
    await approve(y2025);
    await asUser.transition(db, who.officer, y2025, 'publish');
    assert.equal((await loadDocument(db, y2025)).is_late, 0);
  });

  test('withdrawn: off the archive, with a reason', async () => {
    const id = (
      await db.selectFrom('report_documents').select('id').where('report_year', '=', 2025).executeTakeFirstOrThrow()
    ).id;
    await assert.rejects(asUser.transition(db, who.officer, id, 'withdraw'), invalid);
    await asUser.transition(db, who.officer, id, 'withdraw', { reason: '数据有误，更正后重新公布' });
    assert.ok(!(await publishedReports(db)).some((r) => r.year === 2025));
  });

  test('two people starting the same report at once: one document, the other told it exists', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() => asUser.start(db, who.officer, { agencyCode: 'yueyang-hrss', year: 2022 })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(conflict(failed.reason), String(failed.reason));
    assert.equal(
      (await db.selectFrom('report_documents').select('id').where('report_year', '=', 2022).execute()).length,
      1,
    );
  });

  test('the review chain is configured per agency under the category key annual_report', async () => {
    const agency = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    assert.deepEqual(await reportSteps(db, agency), ['unit_head', 'confidentiality', 'leader', 'principal']);
    // The catalog's fallback ('*') is for information items; the report keeps its own chain.
    await publishingAs.configureWorkflow(db, await callerOf(db, 'admin'), agency, '*', ['confidentiality']);
    assert.deepEqual(await reportSteps(db, agency), ['unit_head', 'confidentiality', 'leader', 'principal']);
    await publishingAs.configureWorkflow(db, await callerOf(db, 'admin'), agency, 'annual_report', [
      'confidentiality',
      'principal',
    ]);
    assert.deepEqual(await reportSteps(db, agency), ['confidentiality', 'principal']);
    const id = (
      await db.selectFrom('report_documents').select('id').where('report_year', '=', 2022).executeTakeFirstOrThrow()
    ).id;
    await writeSections(id);
    await asUser.transition(db, who.officer, id, 'submit');
    await assert.rejects(
      asUser.transition(db, who.supervisor, id, 'unit_approve'),
      conflict,
      'the unit step is not configured',
    );
    await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', { basis: '不涉及国家秘密' });
    await asUser.transition(db, who.chief, id, 'principal_approve');
    assert.equal((await loadDocument(db, id)).status, 'approved');
  });
});
