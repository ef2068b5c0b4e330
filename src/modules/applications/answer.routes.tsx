// The answer on the public tracking page (issue 15, item 2): the proof that opens the downloads,
// and the downloads themselves, each through a signed link that expires (answer.service.ts).
// Anything that does not fit — another case's code, another file, a forged or altered link —
// answers 404 like a missing case; an expired link asks for the proof again.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { issue, NotFoundError, type ValidationIssue } from '../../platform/errors.ts';
import { now } from '../../platform/clock.ts';
import {
  contentDisposition,
  firstQueryValues,
  formBody,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { getCalendar } from '../calendar/index.ts';
import { applicationsStore as store } from './applications.store.ts';
import type { ApplicationsService } from './applications.service.ts';
import type { ApplicationRow } from './applications.table.ts';
import { ANSWER_LINK_MINUTES, parseAnswerFile } from './answer.ts';
import { releasedFiles, type AnswerService } from './answer.service.ts';
import { noticeFor } from './notices/notices.ts';
import { noticeAgency } from './notices/notice-settings.ts';
import { noticeTemplates } from './notices/templates.service.ts';
import { DOCX_MIME, officialDocx } from './notices/official-docx.ts';
import { PublicNoticePage } from './views/notice-page.tsx';
import type { AnswerDownloads } from './views/track-answer.tsx';

type CasePage = (
  reply: FastifyReply,
  found: ApplicationRow,
  extra?: { issues?: readonly ValidationIssue[]; status?: number; downloads?: AnswerDownloads },
) => Promise<FastifyReply>;

export interface PublicAnswerDeps {
  readonly service: ApplicationsService;
  readonly answers: AnswerService;
  readonly caseByCode: (
    raw: string,
  ) => Promise<{ raw: string; code: string | null; found: ApplicationRow | undefined }>;
  readonly notFound: (reply: FastifyReply, raw: string, code: string | null) => FastifyReply;
  readonly casePage: CasePage;
}

const answered = (found: ApplicationRow) =>
  found.status === 'closed' && found.outcome !== null && found.outcome_on !== null;

export function publicAnswerRoutes(app: FastifyInstance, deps: PublicAnswerDeps): void {
  const db = app.deps.database.db;
  const { service, answers, caseByCode, notFound, casePage } = deps;
  const routes = app.withTypeProvider<TypeBoxProvider>();

  /** The reply notice of the case, rendered as the console renders it (null: no reply event). */
  async function replyNotice(found: ApplicationRow) {
    const events = await store.events(db, found.id);
    const [agency, calendar] = await Promise.all([store.agency(db, found.agency_id), getCalendar(db)]);
    return noticeFor(
      'reply',
      service.opened(found),
      events,
      await noticeAgency(db, found.agency_id, agency?.name ?? ''),
      calendar,
      await noticeTemplates(db, events),
    );
  }

  // The proof: the correction key or the tail of the ID or mobile number, on a rate-limited POST
  // (the proof never travels in a URL). Passed, the page lists links that work for a few minutes.
  routes.post(
    '/apply/track/:code/answer',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { params: Type.Object({ code: Type.String() }) },
    },
    async (req, reply) => {
      const { raw, code, found } = await caseByCode(req.params.code);
      if (!found) return notFound(reply, raw, code);
      if (!answered(found))
        return casePage(reply, found, { issues: [issue('proof', 'applications.answer.not_answered')], status: 409 });
      const verdict = answers.proves(found, formBody(req).proof);
      if (verdict !== 'ok')
        return casePage(
          reply,
          found,
          invalidForm([
            issue(
              'proof',
              verdict === 'format' ? 'applications.answer.proof_format' : 'applications.answer.proof_wrong',
            ),
          ]),
        );
      const at = now().getTime();
      const files = await releasedFiles(db, found.id);
      const downloads: AnswerDownloads = {
        minutes: ANSWER_LINK_MINUTES,
        noticeDocx: answers.link(found, { kind: 'notice', format: 'docx' }, at),
        noticeHtml: answers.link(found, { kind: 'notice', format: 'html' }, at),
        files: files.map((f) => ({
          name: f.name,
          kilobytes: Math.max(1, Math.round(f.bytes / 1024)),
          href: answers.link(found, { kind: 'released', id: f.id }, at),
        })),
      };
      // The links are secrets for a few minutes: not cached, not sent on as a referrer.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return casePage(reply, found, { downloads });
    },
  );

  routes.get(
    '/apply/track/:code/answer/:file',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '10 minutes' } },
      preValidation: firstQueryValues,
      schema: {
        params: Type.Object({ code: Type.String(), file: Type.String() }),
        querystring: Type.Object({ expires: Text, sig: Text }),
      },
    },
    async (req, reply) => {
      const { raw, code, found } = await caseByCode(req.params.code);
      const file = parseAnswerFile(req.params.file);
      if (!found || !file || !answered(found)) return notFound(reply, raw, code);
      const verdict = answers.check(found, req.params.file, req.query.expires, req.query.sig, now().getTime());
      if (verdict === 'bad') return notFound(reply, raw, code);
      if (verdict === 'expired')
        return casePage(reply, found, { issues: [issue('proof', 'applications.answer.link_expired')], status: 410 });
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (file.kind === 'released') {
        const got = await answers.released(db, req.auditContext(), found, file.id);
        return reply
          .header('content-type', got.mime)
          .header('content-disposition', contentDisposition('attachment', got.name, `file-${file.id}`))
          .send(got.data);
      }
      const notice = await replyNotice(found);
      if (!notice) throw new NotFoundError();
      await answers.noticeFetched(db, req.auditContext(), found, file.format);
      if (file.format === 'html')
        return reply.page(<PublicNoticePage ctx={reply.view()} trackingCode={found.tracking_code} notice={notice} />);
      return reply
        .header('content-type', DOCX_MIME)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `答复书-${found.tracking_code}.docx`,
            `reply-notice-${found.tracking_code}.docx`,
          ),
        )
        .send(await officialDocx(notice));
    },
  );
}
