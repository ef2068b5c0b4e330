// The notice templates of each agency in the database. The first time a template is used or
// edited, its built-in text (notice-texts.ts BUILT_IN) is stored as version 1, so a later change
// of the built-in wording in a new release never silently changes an agency's notices; each
// edit adds a version with who, when and why, in one transaction with its audit event.
import type { Db, Executor, Tx } from '../../../db/database.ts';
import type { AuditContext } from '../../../platform/audit/audit.ts';
import { mutate } from '../../../platform/mutation.ts';
import { nowIso } from '../../../platform/clock.ts';
import { issue, ValidationError } from '../../../platform/errors.ts';
import { userDirectory } from '../../organisation/index.ts';
import { BUILT_IN } from './notice-texts.ts';
import { checkTemplate, normaliseTemplateText, type TemplateKey, type TemplateText } from './templates.ts';
import type { NoticeTemplateVersionRow } from './templates.table.ts';
import { templateUseOf } from './notices.ts';
import type { ApplicationEventRow } from '../applications.table.ts';

/** What a notice records about the template it was made with (in its event's detail). */
export interface TemplateUse {
  readonly key: TemplateKey;
  readonly versionId: number;
  readonly version: number;
}

export type VersionWithAuthor = NoticeTemplateVersionRow & { author_name: string | null };

export const SEED_REASON = '初始版本：系统内置文本';

export const templatesStore = {
  latest(db: Executor, agencyId: number, key: TemplateKey): Promise<NoticeTemplateVersionRow | undefined> {
    return db
      .selectFrom('notice_template_versions')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('template_key', '=', key)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The current version number of every template of an agency that has one. */
  async currentVersions(db: Executor, agencyId: number): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('notice_template_versions')
      .select(['template_key', (eb) => eb.fn.max('version').as('version')])
      .where('agency_id', '=', agencyId)
      .groupBy('template_key')
      .execute();
    return new Map(rows.map((r) => [r.template_key, Number(r.version)]));
  },

  history(db: Executor, agencyId: number, key: TemplateKey): Promise<VersionWithAuthor[]> {
    return db
      .selectFrom('notice_template_versions')
      .leftJoin(userDirectory(db).as('users'), 'users.id', 'notice_template_versions.created_by')
      .selectAll('notice_template_versions')
      .select('users.display_name as author_name')
      .where('notice_template_versions.agency_id', '=', agencyId)
      .where('notice_template_versions.template_key', '=', key)
      .orderBy('notice_template_versions.version', 'desc')
      .execute();
  },

  /** The versions notices were made with, by id. */
  async byIds(db: Executor, ids: readonly number[]): Promise<Map<number, NoticeTemplateVersionRow>> {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('notice_template_versions')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  },
};

async function insertVersion(
  trx: Tx,
  row: { agencyId: number; key: TemplateKey; version: number; text: TemplateText; reason: string; by: number | null },
): Promise<NoticeTemplateVersionRow> {
  return trx
    .insertInto('notice_template_versions')
    .values({
      agency_id: row.agencyId,
      template_key: row.key,
      version: row.version,
      title: row.text.title,
      body: row.text.body,
      reason: row.reason,
      created_by: row.by,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The current version of a template, storing the built-in text as version 1 when the agency has
 *  none yet. Runs inside the caller's transaction (the one that issues the notice). */
export async function currentTemplate(trx: Tx, agencyId: number, key: TemplateKey): Promise<NoticeTemplateVersionRow> {
  const latest = await templatesStore.latest(trx, agencyId, key);
  if (latest) return latest;
  return insertVersion(trx, { agencyId, key, version: 1, text: BUILT_IN[key], reason: SEED_REASON, by: null });
}

export function templateUse(row: NoticeTemplateVersionRow): TemplateUse {
  return { key: row.template_key as TemplateKey, versionId: row.id, version: row.version };
}

/** The template versions a case's notices were made with (recorded on its events), by id. */
export async function noticeTemplates(
  db: Executor,
  events: readonly Pick<ApplicationEventRow, 'kind' | 'occurred_on' | 'detail_json'>[],
): Promise<Map<number, TemplateText>> {
  const ids = events.map((e) => templateUseOf(e)?.versionId).filter((id): id is number => id !== undefined);
  return templatesStore.byIds(db, ids);
}

export const templatesService = {
  /** Saves an edited text as the next version. `basedOn` is the version the editor started from:
   *  a version saved meanwhile by someone else is not overwritten blindly. */
  async save(
    db: Db,
    ctx: AuditContext,
    agencyId: number,
    key: TemplateKey,
    body: unknown,
  ): Promise<NoticeTemplateVersionRow> {
    const form = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const text = { title: normaliseTemplateText(form.title), body: normaliseTemplateText(form.body) };
    const reason = normaliseTemplateText(form.reason);
    const basedOn = Number(form.based_on ?? 0);
    const issues = checkTemplate(key, text);
    if (!reason) issues.push(issue('reason', 'notice_templates.error.reason_required'));
    else if ([...reason].length > 500) issues.push(issue('reason', 'notice_templates.error.too_long', { max: 500 }));
    if (issues.length) throw new ValidationError(issues);
    return mutate(db, ctx, async (trx, audit) => {
      let current = await templatesStore.latest(trx, agencyId, key);
      // Started from the built-in text (0): only the seeded copy of that text may be current.
      const seededOnly = basedOn === 0 && current?.version === 1 && current.created_by === null;
      if (current && Number.isInteger(basedOn) && current.version !== basedOn && !seededOnly) {
        throw new ValidationError([issue('body', 'notice_templates.error.changed_meanwhile', { n: current.version })]);
      }
      if (!current)
        current = await insertVersion(trx, {
          agencyId,
          key,
          version: 1,
          text: BUILT_IN[key],
          reason: SEED_REASON,
          by: null,
        });
      if (current.title === text.title && current.body === text.body)
        throw new ValidationError([issue('body', 'notice_templates.error.unchanged')]);
      const saved = await insertVersion(trx, {
        agencyId,
        key,
        version: current.version + 1,
        text,
        reason,
        by: ctx.actorUserId,
      });
      await audit({
        action: 'notice_template.save',
        subjectType: 'notice_template',
        subjectId: saved.id,
        before: { key, version: current.version },
        after: { key, version: saved.version, reason },
      });
      return saved;
    });
  },
};
