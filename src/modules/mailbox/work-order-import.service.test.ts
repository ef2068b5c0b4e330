// Importing a 12345 export into the mailbox, on both engines, with the mailbox's own service: a
// file with one bad row stores nothing at all; a check stores nothing and counts new and known
// orders; the corrected file stores every order once; importing it again changes nothing.
// 10,000 orders on SQLite (2,000 on PostgreSQL, where each order is several network round trips).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import { countRows, forEachDialect } from '../../../test/support/database.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import type { ReceiveWorkOrders } from './hotline-webhook.service.ts';
import { createMailboxService } from './mailbox.service.ts';
import { readUploadedWorkOrders } from './work-order-import.ts';
import { importWorkOrderFile } from './work-order-import.service.ts';

const mailbox = createMailboxService(createVault('aes-256-gcm', ['ef'.repeat(32)]));
const receive: ReceiveWorkOrders = (db, ctx, agencyId, orders) => mailbox.receiveWorkOrders(db, ctx, agencyId, orders);
const NOW = { now: new Date('2025-06-30T04:00:00Z') };
const HEADER = '工单编号,派单时间,诉求类型,标题,诉求内容,来电人,联系电话,要求办结时间';

function exportOf(rows: number, bad: number | null): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const category = i === bad ? '表扬' : ['咨询', '投诉', '建议', '求助'][i % 4];
    lines.push(
      `GD${String(i).padStart(7, '0')},2025-05-${day} 09:${String(i % 60).padStart(2, '0')},${category},` +
        `第${i}件,来电反映小区第${i}号楼电梯故障,李女士,1390000${String(i % 10_000).padStart(4, '0')},`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

forEachDialect('12345 import', (t) => {
  let agency = 0;
  const rows = t.dialect === 'sqlite' ? 10_000 : 2_000;

  before(async () => {
    await seedDemoOrganisation(t.handle);
    agency = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });

  test(`${rows.toLocaleString('en')} orders with one bad row: reported, and nothing stored at all`, async () => {
    const file = await readUploadedWorkOrders(exportOf(rows, rows - 3), 'export.csv', NOW);
    const result = await importWorkOrderFile(t.handle.db, systemContext, receive, agency, file);
    assert.equal(result.stored, false);
    assert.deepEqual(
      result.problems.map((p) => [p.row, p.column, p.externalNo]),
      [[rows - 1, '诉求类型', `GD${String(rows - 3).padStart(7, '0')}`]],
    );
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 0);
    assert.equal(await countRows(t.handle.db, 'mailbox_status_history'), 0);
  });

  test('a check stores nothing and counts the orders importing would create', async () => {
    const file = await readUploadedWorkOrders(exportOf(rows, null), 'export.csv', NOW);
    const result = await importWorkOrderFile(t.handle.db, systemContext, receive, agency, file, { check: true });
    assert.deepEqual([result.stored, result.created.length, result.known.length], [false, rows, 0]);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 0);
  });

  test('the corrected file stores every order once; again, it changes nothing', async () => {
    const file = await readUploadedWorkOrders(exportOf(rows, null), 'export.csv', NOW);
    const started = performance.now();
    const first = await importWorkOrderFile(t.handle.db, systemContext, receive, agency, file);
    const seconds = (performance.now() - started) / 1000;
    assert.deepEqual([first.stored, first.created.length, first.known.length], [true, rows, 0]);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), rows);
    const row = await t.handle.db
      .selectFrom('mailbox_cases')
      .select(['source', 'category', 'received_at', 'received_on', 'writer_phone_enc'])
      .where('external_no', '=', 'GD0000001')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...row, writer_phone_enc: row.writer_phone_enc?.includes('13900000001') },
      {
        source: 'hotline',
        category: 'complaint',
        received_at: '2025-05-02T01:01:00.000Z',
        received_on: '2025-05-02',
        writer_phone_enc: false, // sealed, not in clear
      },
    );
    const again = await importWorkOrderFile(t.handle.db, systemContext, receive, agency, file);
    assert.deepEqual([again.created.length, again.known.length], [0, rows]);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), rows);
    console.log(`# ${t.dialect}: ${rows} orders stored in ${seconds.toFixed(1)} s`);
  });
});
