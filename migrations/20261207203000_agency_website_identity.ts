// The public site's footer must carry what the national government website indicators require
// (issue 15, item 3): the site's 网站标识码, its ICP 备案号 and its 公安机关备案号. They belong to the
// agency that runs the site (主办单位) and are entered with its profile, like its address and phone.
import type { Kysely } from 'kysely';

const columns = ['website_code', 'icp_number', 'psb_number'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of columns) await db.schema.alterTable('agencies').addColumn(column, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...columns].reverse()) await db.schema.alterTable('agencies').dropColumn(column).execute();
}
