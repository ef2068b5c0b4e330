// The synonym dictionary: read by every search (cached in the process), kept by the system
// administrator. Several app processes share one database, so a process re-reads the (small)
// table at most once a minute, and at once after its own changes.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { mutate } from '../../platform/mutation.ts';
import { synonymStore } from './synonyms.store.ts';
import { groupIssues, type SynonymGroup } from './synonyms.ts';

const CACHE_MS = 60_000;
let cache: { at: number; db: Executor; groups: readonly (readonly string[])[] } | undefined;

/** The dictionary's groups of terms, as the query parser takes them. */
export async function synonymGroups(db: Executor): Promise<readonly (readonly string[])[]> {
  if (cache && cache.db === db && Date.now() - cache.at < CACHE_MS) return cache.groups;
  const groups = (await synonymStore.all(db)).map((g) => g.terms);
  cache = { at: Date.now(), db, groups };
  return groups;
}

export function invalidateSynonymCache(): void {
  cache = undefined;
}

async function checked(db: Executor, terms: readonly string[], exceptId?: number): Promise<void> {
  const others = (await synonymStore.all(db)).filter((g) => g.id !== exceptId);
  const issues = groupIssues(terms, others);
  if (issues.length) throw new ValidationError(issues);
}

async function existing(db: Executor, id: number): Promise<SynonymGroup> {
  const group = await synonymStore.byId(db, id);
  if (!group) throw new NotFoundError();
  return group;
}

export const synonymService = {
  list: (db: Executor) => synonymStore.all(db),

  async add(db: Db, ctx: AuditContext, terms: readonly string[]): Promise<number> {
    const id = await mutate(db, ctx, async (trx, audit) => {
      await checked(trx, terms);
      const id = await synonymStore.insert(trx, terms, nowIso());
      await audit({
        action: 'search.synonyms_add',
        subjectType: 'search_synonym_group',
        subjectId: id,
        after: { terms },
      });
      return id;
    });
    invalidateSynonymCache();
    return id;
  },

  async edit(db: Db, ctx: AuditContext, id: number, terms: readonly string[]): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const before = await existing(trx, id);
      await checked(trx, terms, id);
      await synonymStore.update(trx, id, terms, nowIso());
      await audit({
        action: 'search.synonyms_edit',
        subjectType: 'search_synonym_group',
        subjectId: id,
        before: { terms: before.terms },
        after: { terms },
      });
    });
    invalidateSynonymCache();
  },

  async remove(db: Db, ctx: AuditContext, id: number): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const before = await existing(trx, id);
      await synonymStore.remove(trx, id);
      await audit({
        action: 'search.synonyms_remove',
        subjectType: 'search_synonym_group',
        subjectId: id,
        before: { terms: before.terms },
      });
    });
    invalidateSynonymCache();
  },
};
