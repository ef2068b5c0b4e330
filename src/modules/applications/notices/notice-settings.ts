// An agency's settings for its official notices, and the document numbers (发文字号) they carry.
// A number is 字号〔年份〕序号号 — e.g. 岳人社依公开答〔2026〕3号 — with a prefix per agency and
// notice kind, and a sequence that is gap-free per agency, prefix and year: it is allocated in the
// transaction that issues the notice (the counter row is locked by the upsert on PostgreSQL and
// SQLite writes one at a time), so a notice that is rolled back gives its number back
// (docs/domain/notices.md#numbers, docs/adr/0014-official-texts.md).
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../../db/database.ts';
import type { AuditContext } from '../../../platform/audit/audit.ts';
import { mutate } from '../../../platform/mutation.ts';
import { nowIso } from '../../../platform/clock.ts';
import { issue, ValidationError, type ValidationIssue } from '../../../platform/errors.ts';
import { organisationStore } from '../../organisation/index.ts';
import { NOTICE_KINDS, type NoticeKind } from './notices.ts';

/** The last character of the default prefix: 答复, 补正, 延期, 延迟, 征求意见, 收费. */
export const KIND_MARK: Record<NoticeKind, string> = {
  reply: '答',
  correction: '补',
  extension: '延',
  delay: '迟',
  consultation: '征',
  fee: '费',
};

/** Where no prefix is set: the agency's short name, 依申请公开 and the kind's mark. */
export function defaultPrefix(agencyShortName: string, kind: NoticeKind): string {
  return `${agencyShortName}依申请公开${KIND_MARK[kind]}`;
}

export function documentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

export interface NoticeSettings {
  readonly reconsiderationBody: string | null;
  readonly court: string | null;
  /** Only the prefixes set; see prefixFor. */
  readonly prefixes: Partial<Record<NoticeKind, string>>;
}

export const EMPTY_SETTINGS: NoticeSettings = { reconsiderationBody: null, court: null, prefixes: {} };

function parsePrefixes(json: string): Partial<Record<NoticeKind, string>> {
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    const out: Partial<Record<NoticeKind, string>> = {};
    for (const k of NOTICE_KINDS) if (typeof raw[k] === 'string' && raw[k]) out[k] = raw[k] as string;
    return out;
  } catch {
    return {};
  }
}

export async function noticeSettings(db: Executor, agencyId: number): Promise<NoticeSettings> {
  const row = await db
    .selectFrom('agency_notice_settings')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row
    ? { reconsiderationBody: row.reconsideration_body, court: row.court, prefixes: parsePrefixes(row.prefixes_json) }
    : EMPTY_SETTINGS;
}

async function shortNameOf(db: Executor, agencyId: number): Promise<string> {
  const a = await organisationStore.agency(db, agencyId);
  if (!a) throw new Error(`no agency ${agencyId}`);
  return a.short_name || a.name;
}

export async function prefixFor(db: Executor, agencyId: number, kind: NoticeKind): Promise<string> {
  const settings = await noticeSettings(db, agencyId);
  return settings.prefixes[kind] ?? defaultPrefix(await shortNameOf(db, agencyId), kind);
}

/** Takes the next number of the agency's scheme for a notice issued on `issuedOn`, inside the
 *  transaction that issues it, and registers it against the case. */
export async function allocateNoticeNumber(
  trx: Tx,
  n: { agencyId: number; kind: NoticeKind; issuedOn: string; applicationId: number },
): Promise<string> {
  const prefix = await prefixFor(trx, n.agencyId, n.kind);
  const year = Number(n.issuedOn.slice(0, 4));
  const { last_seq: seq } = await trx
    .insertInto('notice_number_sequences')
    .values({ agency_id: n.agencyId, prefix, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'prefix', 'year'])
        .doUpdateSet({ last_seq: sql<number>`notice_number_sequences.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const number = documentNumber(prefix, year, Number(seq));
  await trx
    .insertInto('notice_numbers')
    .values({
      agency_id: n.agencyId,
      prefix,
      year,
      seq: Number(seq),
      document_number: number,
      notice_kind: n.kind,
      application_id: n.applicationId,
      issued_on: n.issuedOn,
      created_at: nowIso(),
    })
    .execute();
  return number;
}

export interface NoticeSettingsInput {
  readonly reconsiderationBody: string;
  readonly court: string;
  readonly prefixes: Partial<Record<NoticeKind, string>>;
}

const MAX_NAME = 60;
const MAX_PREFIX = 30;

/** Every problem of the form at once. Empty names are allowed (the remedy sentence then names no
 *  body), but the form says so; a prefix may not carry the year brackets or the 号 itself. */
export function checkNoticeSettings(input: NoticeSettingsInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [field, value] of [
    ['reconsideration_body', input.reconsiderationBody],
    ['court', input.court],
  ] as const)
    if ([...value].length > MAX_NAME) issues.push(issue(field, 'notice_settings.error.too_long', { max: MAX_NAME }));
  for (const k of NOTICE_KINDS) {
    const p = input.prefixes[k] ?? '';
    if (!p) continue;
    if ([...p].length > MAX_PREFIX)
      issues.push(issue(`prefix_${k}`, 'notice_settings.error.too_long', { max: MAX_PREFIX }));
    if (/[〔〕\[\]［］()（）{}\s]|号$|\d$/.test(p))
      issues.push(issue(`prefix_${k}`, 'notice_settings.error.prefix_form'));
  }
  return issues;
}

export async function saveNoticeSettings(
  db: Db,
  ctx: AuditContext,
  agencyId: number,
  input: NoticeSettingsInput,
): Promise<void> {
  const issues = checkNoticeSettings(input);
  if (issues.length) throw new ValidationError(issues);
  await mutate(db, ctx, async (trx, audit) => {
    const before = await noticeSettings(trx, agencyId);
    const row = {
      reconsideration_body: input.reconsiderationBody || null,
      court: input.court || null,
      prefixes_json: JSON.stringify(
        Object.fromEntries(NOTICE_KINDS.filter((k) => input.prefixes[k]).map((k) => [k, input.prefixes[k]])),
      ),
      updated_by: ctx.actorUserId ?? null,
      updated_at: nowIso(),
    };
    await trx
      .insertInto('agency_notice_settings')
      .values({ agency_id: agencyId, ...row })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet(row))
      .execute();
    await audit({
      action: 'agency.notice_settings',
      subjectType: 'agency',
      subjectId: agencyId,
      before,
      after: { reconsiderationBody: row.reconsideration_body, court: row.court, prefixes: input.prefixes },
    });
  });
}

/** The agency as its notices name it (notices.ts NoticeAgency). */
export async function noticeAgency(db: Executor, agencyId: number, name: string) {
  const s = await noticeSettings(db, agencyId);
  return { name, reconsiderationBody: s.reconsiderationBody, court: s.court };
}
