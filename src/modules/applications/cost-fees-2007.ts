// Fees of applications under the 2007 Regulation (docs/domain/fees.md#fees-2007, reading in
// docs/domain/readings.md#fees-2007): Art. 27 “除可以收取检索、复制、邮寄等成本费用外，不得收取其他费用”;
// Art. 28 “申请公开政府信息的公民确有经济困难的，经本人申请、政府信息公开工作机构负责人审核同意，
// 可以减免相关费用”. They are recorded after the fact for applications received from 2008-05-01 to
// 2019-05-14, and reported in the 2008-format 收费及减免 section. They do not touch the answer clock.
import type { Db, Executor } from '../../db/database.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { NotFoundError, ValidationError, issue, type ValidationIssue } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { feeRegimeOn } from './fee.ts';
import type { CostFee2007Row } from './cost-fees-2007.table.ts';

export const COST_FEE_KINDS = ['collected', 'waived'] as const;
export type CostFeeKind = (typeof COST_FEE_KINDS)[number];

export const costFeeForm = {
  kind: { kind: 'choice', label: 'cost2007.field.kind', required: true, choices: COST_FEE_KINDS },
  occurred_on: { kind: 'date', label: 'cost2007.field.occurred_on', required: true },
  search_yuan: { kind: 'text', label: 'cost2007.field.search_yuan', max: 12 },
  copying_yuan: { kind: 'text', label: 'cost2007.field.copying_yuan', max: 12 },
  postage_yuan: { kind: 'text', label: 'cost2007.field.postage_yuan', max: 12 },
  approver: { kind: 'text', label: 'cost2007.field.approver', max: 100 },
  reason: { kind: 'text', label: 'cost2007.field.reason', max: 1000 },
} as const;

const YUAN = /^\d{1,7}(\.\d{1,2})?$/;

/** A typed amount in yuan (up to two decimals) as fen; null when empty, NaN when malformed. */
export function yuanToFen(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  if (!YUAN.test(t)) return Number.NaN;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export interface CostFeeInput {
  readonly kind: CostFeeKind;
  readonly occurredOn: string;
  readonly searchFen: number;
  readonly copyingFen: number;
  readonly postageFen: number;
  readonly amountFen: number;
  readonly approver: string | null;
  readonly reason: string | null;
}

/**
 * Checks a cost fee or waiver against the application (pure). Only an application received while the
 * 2007 Regulation was in force may carry one; a waiver is for a citizen (公民: a natural person), on
 * the approval of the head of the disclosure office (named), with the hardship stated.
 */
export function parseCostFee(
  body: unknown,
  app: { received_on: string; applicant_kind: string },
  today: string,
): { input: CostFeeInput | null; issues: ValidationIssue[] } {
  const { values: v, issues } = readForm(costFeeForm, body);
  if (feeRegimeOn(app.received_on) !== 'cost_fees_2008')
    return { input: null, issues: [issue('kind', 'cost2007.error.not_2007', { date: app.received_on })] };
  const parts = {
    search_yuan: yuanToFen(v.search_yuan),
    copying_yuan: yuanToFen(v.copying_yuan),
    postage_yuan: yuanToFen(v.postage_yuan),
  };
  for (const [field, fen] of Object.entries(parts))
    if (fen !== null && Number.isNaN(fen)) issues.push(issue(field, 'cost2007.error.amount_format'));
  const fen = (x: number | null) => (x === null || Number.isNaN(x) ? 0 : x);
  const total = fen(parts.search_yuan) + fen(parts.copying_yuan) + fen(parts.postage_yuan);
  if (!issues.some((i) => i.field.endsWith('_yuan')) && total === 0)
    issues.push(issue('search_yuan', 'cost2007.error.amount_required'));
  if (v.occurred_on && !issues.some((i) => i.field === 'occurred_on')) {
    if (v.occurred_on < app.received_on)
      issues.push(issue('occurred_on', 'cost2007.error.before_received', { date: app.received_on }));
    else if (v.occurred_on > today) issues.push(issue('occurred_on', 'cost2007.error.future'));
  }
  if (v.kind === 'waived') {
    if (app.applicant_kind !== 'natural_person') issues.push(issue('kind', 'cost2007.error.waiver_citizen_only'));
    if (!v.approver) issues.push(issue('approver', 'cost2007.error.approver_required'));
    if (!v.reason) issues.push(issue('reason', 'cost2007.error.reason_required'));
  }
  if (issues.length) return { input: null, issues };
  return {
    input: {
      kind: v.kind as CostFeeKind,
      occurredOn: v.occurred_on!,
      searchFen: fen(parts.search_yuan),
      copyingFen: fen(parts.copying_yuan),
      postageFen: fen(parts.postage_yuan),
      amountFen: total,
      approver: v.approver,
      reason: v.reason,
    },
    issues: [],
  };
}

export const costFees2007 = {
  list(db: Executor, applicationId: number): Promise<CostFee2007Row[]> {
    return db
      .selectFrom('cost_fees_2007')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute();
  },

  /** Records a cost fee collected or waived, with its audit event, in one transaction. */
  async record(
    db: Db,
    ctx: AuditContext,
    applicationId: number,
    body: unknown,
    today: string = todayInChina(),
  ): Promise<number> {
    const app = await db
      .selectFrom('applications')
      .select(['id', 'received_on', 'applicant_kind'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!app) throw new NotFoundError();
    const { input, issues } = parseCostFee(body, app, today);
    if (!input) throw new ValidationError(issues);
    return mutate(db, ctx, async (trx, audit) => {
      const row = await trx
        .insertInto('cost_fees_2007')
        .values({
          application_id: app.id,
          kind: input.kind,
          occurred_on: input.occurredOn,
          search_fen: input.searchFen,
          copying_fen: input.copyingFen,
          postage_fen: input.postageFen,
          amount_fen: input.amountFen,
          approver: input.approver,
          reason: input.reason,
          created_by: ctx.actorUserId ?? null,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: `applications.cost_fee_2007_${input.kind}`,
        subjectType: 'application',
        subjectId: app.id,
        after: { ...input },
      });
      return row.id;
    });
  },
};
