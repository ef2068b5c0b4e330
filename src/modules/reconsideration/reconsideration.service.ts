// Recording reconsideration and litigation cases and their results; each operation is one
// transaction with its audit event. The applicant's or plaintiff's name is encrypted by the
// personal-data vault before it reaches the database, and never written into the audit log.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { normaliseTrackingCode } from '../applications/index.ts';
import { parseCase, parseResult } from './reconsideration.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { reconsiderationStore as store } from './reconsideration.store.ts';
import type { OpenedReviewCase, ReconsiderationCaseRow } from './reconsideration.table.ts';

export function createReconsiderationService(vault: PersonalDataVault) {
  return {
    /** Records a new case against `agencyId`, optionally linked to one of its applications (by
     *  tracking code) and, for a lawsuit after reconsideration, to the reconsideration case. */
    async create(
      db: Db,
      ctx: AuditContext,
      agencyId: number,
      body: unknown,
      today: string = todayInChina(),
    ): Promise<number> {
      const { input, issues } = parseCase(body, today);
      let applicationId: number | null = null;
      if (input?.applicationCode) {
        const code = normaliseTrackingCode(input.applicationCode);
        const app = code ? await store.applicationByCode(db, agencyId, code) : undefined;
        if (!app) issues.push(issue('application_code', 'reconsideration.error.application_not_found'));
        else applicationId = app.id;
      }
      if (input?.priorCaseId != null) {
        const prior = await store.byId(db, input.priorCaseId);
        if (!prior || prior.agency_id !== agencyId || prior.kind !== 'reconsideration')
          issues.push(issue('prior_case_id', 'reconsideration.error.prior_not_found'));
      }
      if (issues.length || !input) throw new ValidationError(issues);
      return mutate(db, ctx, async (trx, audit) => {
        const at = nowIso();
        const id = await store.insert(trx, {
          agency_id: agencyId,
          application_id: applicationId,
          kind: input.kind,
          prior_case_id: input.priorCaseId,
          body: input.body,
          case_number: input.caseNumber,
          applicant_name_enc: vault.seal(input.applicantName),
          filed_on: input.filedOn,
          decided_on: null,
          result: null,
          summary: input.summary,
          created_by: ctx.actorUserId,
          created_at: at,
          updated_at: at,
        });
        await audit({
          action: 'review_case.create',
          subjectType: 'review_case',
          subjectId: id,
          after: { kind: input.kind, agencyId, applicationId, filedOn: input.filedOn, body: input.body },
        });
        return id;
      });
    },

    /** Records the decision (维持 / 纠正 / 其他). A result is recorded once; a mistaken one is a
     *  matter for the audit trail and a data correction, not a silent overwrite. */
    async recordResult(
      db: Db,
      ctx: AuditContext,
      id: number,
      body: unknown,
      today: string = todayInChina(),
    ): Promise<void> {
      const found = await store.byId(db, id);
      if (!found) throw new NotFoundError();
      if (found.result) throw new ValidationError([issue('result', 'reconsideration.error.already_decided')]);
      const { input, issues } = parseResult(body, found.filed_on, today);
      if (issues.length || !input) throw new ValidationError(issues);
      await mutate(db, ctx, async (trx, audit) => {
        await store.update(trx, id, {
          result: input.result,
          decided_on: input.decidedOn,
          ...(input.summary ? { summary: input.summary } : {}),
          updated_at: nowIso(),
        });
        await audit({
          action: 'review_case.result',
          subjectType: 'review_case',
          subjectId: id,
          before: { result: null },
          after: { result: input.result, decidedOn: input.decidedOn },
        });
      });
    },

    /** The case with the name decrypted, for its page (shown in full to whoever reads the case, as before). */
    opened(row: ReconsiderationCaseRow): OpenedReviewCase {
      return { ...row, applicant_name: vault.open(row.applicant_name_enc) ?? row.applicant_name_clear };
    },
  };
}

export type ReconsiderationService = ReturnType<typeof createReconsiderationService>;
