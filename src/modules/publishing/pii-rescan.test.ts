// The nightly re-scan of everything public, on both engines: an item that reached the web with
// a resident ID number (here: imported before the guard existed, through the historical path
// that does not scan) is flagged with masked values only, shows on the confidentiality
// reviewer's dashboard and nobody else's, stays flagged across runs without duplicates, and is
// resolved once the reviewer masks it; attachment texts are scanned too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { openFlags, runPiiRescan, type FlagFinding } from './pii-rescan.ts';
import { asUser, demoBureau, demoCallers, legacyItems } from './publishing.test-support.ts';

const ID = '43060219850315123' + residentIdCheckChar('43060219850315123');

forEachDialect('personal-data re-scan of public items', (t) => {
  let db: Db;
  let app: FastifyInstance;
  let leaking = 0;
  let clean = 0;

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    app = await testApp(t.handle);
    const ids = await legacyItems(db, [
      { title: '2013年4月失业保险金领取人员名单', bodyHtml: `<p>张某某，身份证号 ${ID}，领取期限12个月。</p>` },
      {
        title: '2013年4月劳务派遣行政许可结果',
        bodyHtml: '<p>岳人社许〔2013〕5号：准予许可。办公电话 0730-8888123。</p>',
      },
    ]);
    [leaking, clean] = [ids[0]!, ids[1]!];
  });
  after(async () => app.close());

  test('a published item with an ID number is flagged with masked values; a clean one is not', async () => {
    const run = await runPiiRescan(db, { batchSize: 50 });
    assert.ok(run.scanned >= 2);
    const { agency } = await demoBureau(db);
    const flags = await openFlags(db, [agency]);
    const flag = flags.find((f) => f.item_id === leaking);
    assert.ok(flag, 'the leaking item is flagged');
    assert.ok(!flags.some((f) => f.item_id === clean), 'an office phone and a document number are not personal data');
    const findings = JSON.parse(flag.findings_json) as FlagFinding[];
    assert.deepEqual(
      findings.map((f) => [f.field, f.kind]),
      [['body_html', 'resident_id']],
    );
    assert.equal(findings[0]!.masked, '430602********1234'.replace('1234', ID.slice(-4)));
    assert.ok(!flag.findings_json.includes(ID), 'the flag does not repeat the number');
    const events = await db
      .selectFrom('audit_events')
      .select(['after_json'])
      .where('action', '=', 'pii.rescan_flag')
      .execute();
    assert.ok(events.length >= 1);
    assert.ok(!events.some((e) => (e.after_json ?? '').includes(ID)));
    assert.equal(run.open, flags.length);
  });

  test('a second run keeps the one flag open and raises nothing new', async () => {
    const before = await db.selectFrom('pii_rescan_flags').select('id').execute();
    const run = await runPiiRescan(db);
    assert.equal(run.newFlags, 0);
    assert.equal(run.resolved, 0);
    assert.equal((await db.selectFrom('pii_rescan_flags').select('id').execute()).length, before.length);
  });

  test('the confidentiality reviewer sees it on the dashboard; the drafter does not', async () => {
    const reviewer = new Client(app);
    await reviewer.signIn('reviewer');
    const page = await reviewer.get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-panel="pii-flags"/);
    assert.match(page.body, new RegExp(`data-flag-item="${leaking}"`));
    assert.ok(!page.body.includes(ID));
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    assert.doesNotMatch((await drafter.get('/admin')).body, /data-panel="pii-flags"/);
  });

  test('masking publishes a corrected version; the next run resolves the flag', async () => {
    const who = await demoCallers(db);
    await asUser.maskPersonalData(db, who.reviewer, leaking);
    const run = await runPiiRescan(db);
    assert.ok(run.resolved >= 1);
    const flag = await db
      .selectFrom('pii_rescan_flags')
      .selectAll()
      .where('item_id', '=', leaking)
      .executeTakeFirstOrThrow();
    assert.equal(flag.resolution, 'changed');
    assert.ok(flag.resolved_at);
    const { agency } = await demoBureau(db);
    assert.ok(!(await openFlags(db, [agency])).some((f) => f.item_id === leaking));
  });

  test('attachment texts are scanned too', async () => {
    const [withFile] = await legacyItems(db, [{ title: '2013年社保补贴发放情况', bodyHtml: '<p>详见附件。</p>' }]);
    const item = await db
      .selectFrom('information_items')
      .select('current_version_id')
      .where('id', '=', withFile!)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('item_attachments')
      .values({
        item_id: withFile!,
        version_id: item.current_version_id!,
        sha256: 'a'.repeat(64),
        filename: '名单.txt',
        kind: 'txt',
        mime: 'text/plain',
        size: 40,
        extracted_text: `李某 ${ID} 补贴500元`,
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    await runPiiRescan(db);
    const flag = await db
      .selectFrom('pii_rescan_flags')
      .selectAll()
      .where('item_id', '=', withFile!)
      .executeTakeFirstOrThrow();
    assert.match(flag.findings_json, /attachment:\d+ \(名单\.txt\)/);
    assert.equal(flag.resolved_at, null);
  });
});
