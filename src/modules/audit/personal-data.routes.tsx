// The audit administrator's view of who reached personal data (三员分立, issue 14 finding 2,
// docs/adr/0015): every grant of a role that reaches applicants' personal data (roles.ts
// personalDataRoles, marked personalData in the role.grant event) and every reveal of a case's
// full personal data or attachment, newest first, read from the hash-chained audit log.
import type { FastifyInstance } from 'fastify';
import { isRole } from '../../platform/roles.ts';
import { PersonalDataAuditPage, type PersonalDataEvent } from './views/personal-data-page.tsx';
import { auditLog } from '../../platform/audit/audit-log.ts';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { applicationsStore } from '../applications/index.ts';
import { mailboxStore } from '../mailbox/index.ts';
import { auditActor } from './audit.presenter.ts';

const PAGE = 100;
const ACTIONS = [
  'role.grant',
  'application.personal_data_view',
  'application.attachment_view',
  'mailbox.personal_data_view',
  'mailbox.attachment_view',
];

function parse(json: string | null): Record<string, unknown> {
  try {
    return json ? (JSON.parse(json) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function personalDataAuditRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/audit/personal-data',
    {
      config: { policy: 'audit.read' },
      schema: { querystring: Type.Object({ before: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      const before = query.before && /^\d{1,12}$/.test(query.before) ? Number(query.before) : undefined;
      const events: PersonalDataEvent[] = [];
      let cursor = before;
      let more = false;
      // Grants of other roles share the action name: read in batches until a page is full.
      for (let batch = 0; batch < 20 && events.length < PAGE; batch++) {
        const rows = await auditLog.eventsOf(db, ACTIONS, { before: cursor, limit: PAGE * 2 });
        if (rows.length === 0) break;
        for (const row of rows) {
          cursor = row.seq;
          const after = parse(row.after_json);
          if (row.action === 'role.grant' && !(after.personalData === true && isRole(after.role))) continue;
          if (events.length === PAGE) {
            more = true;
            break;
          }
          events.push({
            seq: row.seq,
            at: row.occurred_at,
            actor: auditActor(row),
            ip: row.ip,
            kind:
              row.action === 'role.grant'
                ? 'grant'
                : row.action === 'application.attachment_view' || row.action === 'mailbox.attachment_view'
                  ? 'attachment'
                  : 'reveal',
            role: typeof after.role === 'string' ? after.role : undefined,
            fields: Array.isArray(after.fields) ? after.fields.map(String) : [],
            subjectType: row.subject_type,
            subjectId: row.subject_id,
          });
        }
        if (more || rows.length < PAGE * 2) break;
      }
      const userIds = events.filter((e) => e.subjectType === 'user').map((e) => Number(e.subjectId));
      const appIds = events.filter((e) => e.subjectType === 'application').map((e) => Number(e.subjectId));
      const caseIds = events.filter((e) => e.subjectType === 'mailbox_case').map((e) => Number(e.subjectId));
      const [users, apps, cases] = await Promise.all([
        organisationStore.usersByIds(db, userIds),
        applicationsStore.summaries(db, appIds),
        mailboxStore.labels(db, caseIds),
      ]);
      const userNames = new Map(users.map((u) => [String(u.id), `${u.display_name}（${u.username}）`]));
      const codes = new Map([
        ...apps.map((a) => [String(a.id), a.tracking_code] as const),
        ...cases.map((c) => [`mailbox_case:${c.id}`, c.code] as const),
      ]);
      return reply.page(
        <PersonalDataAuditPage
          ctx={reply.view()}
          events={events}
          subjectName={(e) =>
            e.subjectType === 'user'
              ? (userNames.get(e.subjectId ?? '') ?? `#${e.subjectId}`)
              : (codes.get(e.subjectType === 'mailbox_case' ? `mailbox_case:${e.subjectId}` : (e.subjectId ?? '')) ??
                `#${e.subjectId}`)
          }
          olderThan={more ? events[events.length - 1]!.seq : undefined}
        />,
      );
    },
  );
}
