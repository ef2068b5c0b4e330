// The publishing service's personal-data guard on both engines: an item with personal data in it is
// not published until the findings are masked or a confidentiality reviewer records an override for
// that version, and neither the audit log nor the override keeps the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { publishingService as service, type ItemInput } from './publishing.service.ts';
import {
  type DemoUser,
  asUser,
  itemInput,
  reviewWorkNews,
  publishingDemo,
  type DemoName,
} from './publishing.test-support.ts';

const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');

function forbidden(error: unknown) {
  return error instanceof ForbiddenError;
}

forEachDialect('publishing service, personal-data guard', (t) => {
  let db: Db;
  let who: Record<DemoName, DemoUser>;
  let unit = 0;
  let agency = 0;
  const input = (over: Partial<ItemInput> = {}) => itemInput(unit, over);

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    ({ agency, unit, who } = await publishingDemo(db));
  });
  after(() => setClock(undefined));

  test('the personal-data guard blocks publishing until the findings are masked', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ body_html: `<p>补贴名单：张三，身份证号${ID}，电话13907301234。</p>` }),
    );
    await reviewWorkNews(db, who, id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      (e) => e instanceof AppError && e.code === 'pii_findings' && e.status === 409,
    );
    await assert.rejects(
      asUser.transition(db, who.chief, id, 'emergency_publish', { reason: '紧急' }),
      (e) => e instanceof ConflictError || (e instanceof AppError && e.code === 'pii_findings'),
    );
    const { masked } = await asUser.maskPersonalData(db, who.drafter, id);
    assert.equal(masked, 2);
    const item = await db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const version = await db
      .selectFrom('item_versions')
      .selectAll()
      .where('id', '=', item.current_version_id!)
      .executeTakeFirstOrThrow();
    assert.ok(version.body_html.includes('430602********' + ID.slice(-4)), version.body_html);
    assert.ok(!version.body_html.includes(ID));
    await assert.rejects(
      asUser.maskPersonalData(db, who.drafter, id),
      (e) => e instanceof ConflictError,
      'nothing left to mask',
    );
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    const log = await db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'publishing.mask')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.ok(!log.after_json!.includes(ID.slice(6, 14)), 'the audit log keeps no personal data');
  });

  test('or until a confidentiality reviewer records an override for that version', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ body_html: `<p>获奖人员联系方式：13907301234</p>` }),
    );
    await reviewWorkNews(db, who, id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      (e) => e instanceof AppError && e.code === 'pii_findings',
    );
    await assert.rejects(asUser.overridePersonalData(db, who.drafter, id, '已征得本人同意'), forbidden);
    await assert.rejects(asUser.overridePersonalData(db, who.officer, id, '已征得本人同意'), forbidden);
    await assert.rejects(asUser.overridePersonalData(db, who.reviewer, id, '  '), (e) => e instanceof ValidationError);
    await asUser.overridePersonalData(db, who.reviewer, id, '已征得本人书面同意（条例第十五条）');
    const override = await db
      .selectFrom('pii_overrides')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(!override.findings_json.includes('13907301234'), 'only masked forms are kept');
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
  });
});
