// The personal-data guard's two ways out for a version with findings: mask them (a new version)
// or let them through with a confidentiality reviewer's recorded reason. Both are audited with
// the kinds and positions of the findings, never the personal data itself.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { ConflictError, issue, ValidationError } from '../../platform/errors.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import { mutate } from '../../platform/mutation.ts';
import { maskText } from '../../platform/pii/scanner.ts';
import { allFindingsOf, findingCount, findingsOf } from './guard.ts';
import { copyVersion, currentVersion, itemDocuments, loadItem } from './item-documents.ts';
import { publicStatuses, type ItemStatus } from './publishing.ts';

/**
 * One click: a new version with every finding masked (430602********1234). The route has
 * authorized `publishing.mask` on the item.
 */
export async function maskPersonalData(
  db: Db,
  ctx: AuditContext,
  itemId: number,
  by: { createdBy: number },
): Promise<{ versionId: number; masked: number }> {
  return mutate(db, ctx, async (trx, audit) => {
    const item = await loadItem(trx, itemId);
    const version = await currentVersion(trx, item);
    const fields = findingsOf(version);
    const masked = findingCount(fields);
    if (masked === 0) throw new ConflictError('pub.error.nothing_to_mask');
    const next = { title: version.title, summary: version.summary, body_html: version.body_html };
    for (const f of fields) next[f.field] = maskText(version[f.field]!, f.findings);
    const versionId = await copyVersion(trx, version, by.createdBy, {
      ...next,
      // Public items say why their text changed; a draft's masking is internal.
      change_note: publicStatuses.includes(item.status as ItemStatus) ? textOf('pub.mask.change_note').zh : null,
    });
    await itemDocuments.setCurrentVersion(trx, item, versionId, { set: { updated_at: nowIso() } });
    // The log keeps kinds and positions, never the personal data itself.
    await audit({
      action: 'publishing.mask',
      subjectType: 'information_item',
      subjectId: itemId,
      before: { version_id: version.id },
      after: {
        version_id: versionId,
        masked,
        kinds: [...new Set(fields.flatMap((f) => f.findings.map((x) => x.kind)))],
      },
    });
    return { versionId, masked };
  });
}

/**
 * A confidentiality reviewer lets the current version through the guard, with a reason. The
 * route has authorized `publishing.pii_override` on the item.
 */
export async function overridePersonalData(
  db: Db,
  ctx: AuditContext,
  itemId: number,
  reason: string,
  by: { reviewedBy: number },
): Promise<void> {
  await mutate(db, ctx, async (trx, audit) => {
    const item = await loadItem(trx, itemId);
    if (!reason.trim()) throw new ValidationError([issue('override_reason', 'pub.error.reason_required')]);
    const version = await currentVersion(trx, item);
    const fields = await allFindingsOf(trx, version);
    if (findingCount(fields) === 0) throw new ConflictError('pub.error.nothing_to_override');
    const findings = fields.flatMap((f) =>
      f.findings.map((x) => ({
        field: f.field,
        kind: x.kind,
        start: x.start,
        end: x.end,
        line: x.line,
        masked: x.masked,
      })),
    );
    await trx
      .insertInto('pii_overrides')
      .values({
        item_id: itemId,
        version_id: version.id,
        reviewer_user_id: by.reviewedBy,
        reason: reason.trim(),
        findings_json: JSON.stringify(findings),
        created_at: nowIso(),
      })
      .execute();
    await audit({
      action: 'publishing.pii_override',
      subjectType: 'information_item',
      subjectId: itemId,
      after: { version_id: version.id, reason: reason.trim(), findings: findings.length },
    });
  });
}
