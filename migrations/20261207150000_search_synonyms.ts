// The search module's dictionary of abbreviations and synonyms (docs/adr/0023-search-words.md): a
// query word containing one term of a group also finds the items that hold another (社保 → 社会保险).
// Seeded with common abbreviations of government bodies and programmes; the system administrator
// keeps it at /admin/search/synonyms.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

const seed: string[][] = [
  ['社保', '社会保险', '社会保障'],
  ['医保', '医疗保险', '医疗保障'],
  ['公积金', '住房公积金'],
  ['低保', '最低生活保障'],
  ['人社', '人力资源和社会保障'],
  ['发改', '发展和改革'],
  ['卫健', '卫生健康'],
  ['市监', '市场监督管理'],
  ['住建', '住房和城乡建设'],
  ['环保', '环境保护'],
  ['教体', '教育体育'],
  ['文旅', '文化和旅游', '文化旅游'],
  ['应急局', '应急管理局'],
  ['城管', '城市管理'],
  ['交警', '交通警察'],
  ['公租房', '公共租赁住房'],
  ['廉租房', '廉租住房'],
  ['新农合', '新型农村合作医疗'],
  ['城乡居保', '城乡居民基本养老保险'],
  ['残联', '残疾人联合会'],
  ['妇联', '妇女联合会'],
  ['工商联', '工商业联合会'],
  ['人大', '人民代表大会'],
  ['政协', '政治协商会议'],
  ['纪委', '纪律检查委员会'],
  ['编办', '机构编制委员会办公室'],
  ['个税', '个人所得税'],
  ['非遗', '非物质文化遗产'],
  ['双创', '大众创业万众创新'],
  ['食药监', '食品药品监督管理'],
  ['安监', '安全生产监督管理'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('search_synonym_groups'))
    // A JSON array of two or more terms, each 1–20 characters, no term in two groups.
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = '2026-12-07T15:00:00.000Z';
  await db
    .insertInto('search_synonym_groups')
    .values(seed.map((terms) => ({ terms: JSON.stringify(terms), updated_at: at })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_synonym_groups').execute();
}
