// The command line's calendar look-up through the driver alone (calendar.cli.ts): the same calendar
// as the service reads through Kysely, on both dialects, and nothing at all (so the command takes
// the migrating path) while the database is not migrated, not seeded, or migrated by a newer release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, type DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { dialects, freshDatabase } from '../../../test/support/database.ts';
import { calendarService, readCalendar } from './calendar.service.ts';
import { currentCalendar } from './calendar.cli.ts';

test('a data directory without a database is not created by the look-up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-cli-'));
  try {
    assert.equal(await currentCalendar({ dataDir: dir, databaseUrl: undefined }), undefined);
    assert.equal(existsSync(join(dir, 'gongkai.sqlite')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const dialect of dialects()) {
  test(`the look-up reads what the service reads, only from a current database [${dialect}]`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-cli-'));
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    let config: { dataDir: string; databaseUrl: string | undefined };
    if (dialect === 'sqlite') {
      config = { dataDir: dir, databaseUrl: undefined };
      handle = connect(config);
      drop = () => handle.close();
    } else {
      const fresh = await freshDatabase('postgres');
      handle = fresh.handle;
      drop = fresh.drop;
      config = { dataDir: dir, databaseUrl: handle.url };
    }
    try {
      assert.equal(await currentCalendar(config), undefined, 'not migrated');
      await migrateToLatest(handle.db);
      assert.equal(await currentCalendar(config), undefined, 'migrated, the vendored years not seeded');
      await calendarService.seedFromFile(handle.db);
      // An amendment after the annual notice: its order and its days must come through as well.
      await calendarService.addNotice(handle.db, systemContext, {
        year: 2025,
        kind: 'amendment',
        title: '测试调整',
        url: null,
        note: null,
        daysText: '2025-03-03 休 测试',
      });
      const fast = await currentCalendar(config);
      const slow = await readCalendar(handle.db);
      assert.ok(fast);
      assert.deepEqual(fast.rows(), slow.rows());
      for (const year of [2008, 2020, 2025, 2027, 2040]) assert.deepEqual(fast.coverage(year), slow.coverage(year));
      for (const date of ['2025-01-26', '2025-03-03', '2040-02-12', '2040-02-13'])
        assert.deepEqual(fast.dayInfo(date), slow.dayInfo(date), date);
      assert.equal(fast.dayInfo('2025-03-03').isWorkday, false);

      // A migration this release does not know (a newer release migrated the database).
      await sql`insert into kysely_migration (name, timestamp) values ('29991231000000_future', '2999-12-31T00:00:00.000Z')`.execute(
        handle.db,
      );
      assert.equal(await currentCalendar(config), undefined, 'ahead of this release');
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
