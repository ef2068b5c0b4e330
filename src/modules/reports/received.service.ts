// Recording a checked report against the agency that sent it: one row and its audit event in one
// transaction. Only a file the checker could read is recorded; the file itself is not kept.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/clock.ts';
import { mutate } from '../../platform/mutation.ts';
import type { CheckResult } from './check/checker.ts';

export interface RecordReceived {
  readonly agencyId: number;
  readonly year: number;
  readonly filename: string;
  readonly bytes: Buffer;
  readonly result: CheckResult;
  readonly publishedOn: string | null;
  readonly receivedOn: string;
  readonly userId: number | null;
}

export async function recordReceivedReport(db: Db, ctx: AuditContext, input: RecordReceived): Promise<number> {
  const errors = input.result.findings.filter((f) => f.severity === 'error').length;
  return mutate(db, ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('received_reports')
      .values({
        agency_id: input.agencyId,
        report_year: input.year,
        file_format: input.result.format,
        filename: input.filename,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        file_size: input.bytes.length,
        title: input.result.title,
        passes: input.result.passes ? 1 : 0,
        error_count: errors,
        findings_json: JSON.stringify(input.result.findings),
        figures_json: JSON.stringify(input.result.report),
        published_on: input.publishedOn,
        received_on: input.receivedOn,
        received_by: input.userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'reports.received',
      subjectType: 'received_report',
      subjectId: row.id,
      after: {
        agencyId: input.agencyId,
        year: input.year,
        format: input.result.format,
        passes: input.result.passes,
        errors,
        publishedOn: input.publishedOn,
      },
    });
    return row.id;
  });
}
