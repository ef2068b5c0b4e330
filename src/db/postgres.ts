// The pg driver, loaded on first use: a process on SQLite never reads it (it costs about as much
// CPU as starting node). Every PostgreSQL pool of the application and the tests comes from here,
// so each has the same type parsers.
import { createRequire } from 'node:module';
import type PG from 'pg';

const require = createRequire(import.meta.url);
let driver: typeof PG | undefined;

/** The pg module, with int8 parsed as a number: COUNT(*) and SUM of integers arrive as int8, and
 *  our counts fit in a JS number. numeric stays a string on purpose (money), converted where read. */
export function pgDriver(): typeof PG {
  if (!driver) {
    driver = require('pg') as typeof PG;
    driver.types.setTypeParser(20, (value: string) => Number(value));
  }
  return driver;
}

/** A pool with the application's type parsers (see pgDriver). */
export function postgresPool(config: PG.PoolConfig): PG.Pool {
  return new (pgDriver().Pool)(config);
}
