// The publishing service on an item's versions, on both engines: 50 concurrent creations get
// distinct index numbers, published corrections carrying files, attachments under the
// personal-data guard, and interpretations linked to their documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { publishedAttachment, type StoredAttachment } from './attachments.service.ts';
import { publishingStore as store } from './publishing.store.ts';
import {
  asUser,
  itemInput,
  publishingDemo,
  reviewWorkNews,
  type DemoName,
  type DemoUser,
} from './publishing.test-support.ts';

const ID = '11010519491231002X';

function file(name: string, text: string | null, sha = 'a'): StoredAttachment {
  return {
    sha256: sha.repeat(64).slice(0, 64),
    filename: name,
    kind: 'txt',
    mime: 'text/plain; charset=utf-8',
    size: text?.length ?? 10,
    text,
  };
}

const forbidden = (e: unknown) => e instanceof ForbiddenError;
const conflict = (e: unknown) => e instanceof ConflictError;
const piiBlocked = (e: unknown) => e instanceof AppError && e.code === 'pii_findings';

forEachDialect('publishing service, item versions and files', (t) => {
  let db: Db;
  let who: Record<DemoName, DemoUser>;
  let unit = 0;
  let agency = 0;

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    ({ agency, unit, who } = await publishingDemo(db));
  });
  after(() => setClock(undefined));

  test('50 concurrent creations get 50 distinct consecutive index numbers', async () => {
    const start = Number(
      (
        await db
          .selectFrom('index_number_sequences')
          .select('last_seq')
          .where('agency_id', '=', agency)
          .where('year', '=', 2022)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    );
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        asUser.createDraft(db, who.drafter, itemInput(unit, { title: `并发 ${i}`, formation_date: '2022-05-10' })),
      ),
    );
    const serials = created.map((c) => Number(/-(\d+)$/.exec(c.indexNumber)![1])).sort((a, b) => a - b);
    assert.equal(new Set(created.map((c) => c.indexNumber)).size, 50);
    assert.deepEqual(
      serials,
      Array.from({ length: 50 }, (_, i) => start + i + 1),
    );
  });

  test('a published correction is a new version with a public note; files are carried over', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit));
    await asUser.addAttachment(db, who.drafter, id, file('附件1.txt', '岗位表'));
    await reviewWorkNews(db, who, id);
    await asUser.transition(db, who.officer, id, 'publish');
    const before = (await store.item(db, id))!;
    await assert.rejects(
      asUser.publishCorrection(db, who.drafter, id, { title: 'x', issuing_agencies: [] }, '改'),
      forbidden,
    );
    await assert.rejects(
      asUser.publishCorrection(
        db,
        who.officer,
        id,
        { title: '更正', issuing_agencies: [], body_html: `<p>${ID}</p>` },
        '补充联系人',
      ),
      piiBlocked,
      'a correction passes the guard too',
    );
    const versionId = await asUser.publishCorrection(
      db,
      who.officer,
      id,
      {
        title: '关于发放2025年度社保补贴的通知（更正）',
        issuing_agencies: ['岳阳市人力资源和社会保障局'],
        body_html: '<p>发放日期更正。</p>',
      },
      '更正发放日期',
    );
    const versions = await store.versions(db, id);
    assert.equal(versions[0]!.id, versionId);
    assert.equal(versions[0]!.change_note, '更正发放日期');
    assert.deepEqual(
      (await store.attachments(db, versionId)).map((a) => a.filename),
      ['附件1.txt'],
    );
    assert.deepEqual(
      (await store.attachments(db, before.current_version_id!)).map((a) => a.filename),
      ['附件1.txt'],
      'the earlier version keeps its file',
    );
    const draft = await asUser.createDraft(db, who.drafter, itemInput(unit));
    await assert.rejects(
      asUser.publishCorrection(db, who.officer, draft.id, { title: 'x', issuing_agencies: [] }, '改'),
      conflict,
      'only a published item is corrected',
    );
  });

  test('attachments: each change is a new version; personal data in a file blocks publishing until replaced', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit));
    const v1 = (await store.item(db, id))!.current_version_id!;
    const added = await asUser.addAttachment(db, who.drafter, id, file('名单.txt', `张三 ${ID}`, 'b'));
    assert.notEqual(added.versionId, v1);
    await assert.rejects(
      asUser.addAttachment(db, who.unithead, id, file('x.txt', 'x')),
      forbidden,
      'only the drafter changes files',
    );
    await reviewWorkNews(db, who, id);
    await assert.rejects(
      asUser.addAttachment(db, who.drafter, id, file('x.txt', 'x')),
      conflict,
      'files change only in a draft',
    );
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      piiBlocked,
      'the guard reads the file’s text',
    );
    await assert.rejects(asUser.maskPersonalData(db, who.drafter, id), conflict, 'masking cannot reach into a file');
    await asUser.transition(db, who.officer, id, 'return', { reason: '附件含身份证号，请替换' });
    await asUser.transition(db, who.drafter, id, 'redraft');
    const replaced = await asUser.replaceAttachment(
      db,
      who.drafter,
      id,
      added.attachmentId,
      file('名单（处理后）.txt', '张三 110105********002X', 'c'),
    );
    await assert.rejects(
      asUser.replaceAttachment(db, who.drafter, id, added.attachmentId, file('y.txt', 'y')),
      (e) => e instanceof NotFoundError,
      'the old file is no longer in the current version',
    );
    assert.deepEqual(
      (await store.attachments(db, added.versionId)).map((a) => a.filename),
      ['名单.txt'],
      'history keeps the original',
    );
    assert.deepEqual(
      (await store.attachments(db, replaced.versionId)).map((a) => a.filename),
      ['名单（处理后）.txt'],
    );
    assert.equal(await publishedAttachment(db, id, replaced.attachmentId), undefined, 'not public before publication');
    await reviewWorkNews(db, who, id);
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    assert.equal((await publishedAttachment(db, id, replaced.attachmentId))?.filename, '名单（处理后）.txt');
    assert.equal(
      await publishedAttachment(db, id, added.attachmentId),
      undefined,
      'an old version’s file is not public',
    );
    assert.equal(await publishedAttachment(db, id + 1000, replaced.attachmentId), undefined);
    await asUser.transition(db, who.officer, id, 'withdraw', { reason: '政策调整' });
    assert.equal(await publishedAttachment(db, id, replaced.attachmentId), undefined, 'withdrawn: no longer public');
  });

  test('a confidentiality reviewer may let a file’s findings through; removing a file is a new version', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit));
    const a = await asUser.addAttachment(db, who.drafter, id, file('联系人.txt', '联系电话 13907301234', 'd'));
    const b = await asUser.addAttachment(db, who.drafter, id, file('说明.txt', '无', 'e'));
    const removed = await asUser.removeAttachment(db, who.drafter, id, b.attachmentId);
    assert.deepEqual(
      (await store.attachments(db, removed.versionId)).map(
        (x) => x.id === a.attachmentId || x.filename === '联系人.txt',
      ),
      [true],
    );
    await reviewWorkNews(db, who, id);
    await assert.rejects(asUser.transition(db, who.officer, id, 'publish'), piiBlocked);
    await asUser.overridePersonalData(db, who.reviewer, id, '办公电话，已核实');
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
  });

  test('a policy interpretation links to its document, and only so', async () => {
    const doc = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, { catalog_category: 'normative_document', title: '岳阳市就业补贴管理办法' }),
    );
    const interp = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, {
        catalog_category: 'policy_interpretation',
        title: '《岳阳市就业补贴管理办法》解读',
        interprets_item_id: doc.id,
      }),
    );
    assert.equal((await store.item(db, interp.id))!.interprets_item_id, doc.id);
    assert.deepEqual(
      (await store.interpretationsOf(db, doc.id)).map((i) => i.id),
      [interp.id],
    );
    const invalid = (field: string) => (e: unknown) =>
      e instanceof ValidationError && e.issues.some((i) => i.field === field);
    await assert.rejects(
      asUser.createDraft(db, who.drafter, itemInput(unit, { interprets_item_id: doc.id })),
      invalid('interprets_item_id'),
      'work news does not link',
    );
    await assert.rejects(
      asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, { catalog_category: 'policy_interpretation', interprets_item_id: interp.id }),
      ),
      invalid('interprets_item_id'),
      'not to another interpretation',
    );
    await assert.rejects(
      asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, { catalog_category: 'policy_interpretation', interprets_item_id: 999999 }),
      ),
      invalid('interprets_item_id'),
    );
    await assert.rejects(
      asUser.updateDraft(
        db,
        who.drafter,
        doc.id,
        itemInput(unit, { catalog_category: 'policy_interpretation', interprets_item_id: doc.id }),
      ),
      invalid('interprets_item_id'),
      'not to itself',
    );
    await asUser.updateDraft(
      db,
      who.drafter,
      interp.id,
      itemInput(unit, { catalog_category: 'policy_interpretation', title: '解读（修改）', interprets_item_id: null }),
    );
    assert.deepEqual(await store.interpretationsOf(db, doc.id), []);
  });
});
