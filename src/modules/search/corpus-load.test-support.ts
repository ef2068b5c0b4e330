// Writes a generated corpus straight into the publishing tables (no workflow: test and bench
// data), for the search tests. bench/search has its own faster writer for a million items.
import type { Db } from '../../db/database.ts';
import { generateItem, seededRandom } from './corpus.test-support.ts';
import { insertItemRows } from '../publishing/publishing.test-support.ts';

const NOW = '2026-01-01T00:00:00.000Z';

export interface LoadedCorpus {
  agencyIds: number[];
  itemIds: number[];
}

export async function loadCorpus(
  db: Db,
  options: { items: number; seed: number; agencies?: number },
): Promise<LoadedCorpus> {
  const rnd = seededRandom(options.seed);
  const agencyIds: number[] = [];
  const n = options.agencies ?? 3;
  for (let i = 0; i < n; i++) {
    const code = `search-test-${options.seed}-${i}`;
    agencyIds.push(
      (
        await db
          .insertInto('agencies')
          .values({
            code,
            name: `测试机关${i}`,
            level: 'city',
            kind: 'department',
            parent_id: null,
            created_at: NOW,
            updated_at: NOW,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  const unit = (
    await db
      .insertInto('units')
      .values({ agency_id: agencyIds[0]!, name: '政策法规科', kind: 'department', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const itemIds: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < options.items; k++) {
      const g = generateItem(rnd, { agencies: n });
      const { id, versionId: version } = await insertItemRows(
        trx,
        NOW,
        {
          agency_id: agencyIds[g.agencyIndex]!,
          index_number: `T${options.seed}-${k}`,
          status: 'published',
          disclosure_mode: 'proactive',
          non_disclosure_basis: null,
          art20_item: null,
          catalog_category: g.category,
          responsible_unit_id: unit,
          formation_date: g.publicationDate,
          disclosure_due_on: null,
          scheduled_on: null,
          publication_date: g.publicationDate,
          is_normative: g.category === 'normative_document' ? 1 : 0,
          interprets_item_id: null,
          created_by: null,
        },
        {
          title: g.title,
          document_number: g.documentNumber,
          issuing_agencies: '[]',
          topic: null,
          genre: null,
          keywords: g.keywords,
          summary: g.summary,
          body_html: g.bodyHtml,
          change_note: null,
          created_by: null,
        },
      );
      if (g.category === 'normative_document') {
        await trx
          .insertInto('item_validity_history')
          .values({
            item_id: id,
            validity: k % 3 === 0 ? 'repealed' : 'in_force',
            effective_date: g.publicationDate,
            note: null,
            created_by: null,
            created_at: NOW,
          })
          .execute();
      }
      if (g.attachmentText) {
        await trx
          .insertInto('item_attachments')
          .values({
            item_id: id,
            version_id: version,
            sha256: `${id}`.padStart(64, '0'),
            filename: '附件.docx',
            kind: 'attachment',
            mime: 'application/octet-stream',
            size: 1,
            extracted_text: g.attachmentText,
            created_by: null,
            created_at: NOW,
          })
          .execute();
      }
      itemIds.push(id);
    }
  });
  return { agencyIds, itemIds };
}
