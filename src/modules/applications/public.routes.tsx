// The public side: the application form (proof-of-work or arithmetic check, a per-IP rate
// limit, a replayed form rejected), the receipt with the tracking code, and the tracking pages
// with the public timeline — which never shows personal data or internal notes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, issue, type ValidationIssue } from '../../platform/errors.ts';
import { issueChallenge, verifyChallenge, type PowOptions } from '../../platform/pow.ts';
import { pick } from '../../platform/i18n/i18n.ts';
import { todayInChina } from '../../platform/clock.ts';
import { assetUrls } from '../../platform/http/assets.ts';
import { currentStatus, parseApplicant, PUBLIC_EVENT_KINDS } from './applications.ts';
import { applicationsStore as store } from './applications.store.ts';
import { detailOf } from './applications.clock.ts';
import type { ApplicationsService } from './applications.service.ts';
import { isOutcomeCode, OUTCOMES } from './outcome.ts';
import { normaliseTrackingCode } from './tracking.ts';
import { ApplyPage, ReceiptPage } from './views/apply-page.tsx';
import { CorrectionPage, TrackCasePage, TrackFormPage, type PublicStep } from './views/track-page.tsx';
import { pendingCorrection, type ApplicantService } from './applicant.service.ts';
import type { ApplicationRow } from './applications.table.ts';
import { attachmentIssues, attachmentsFromUpload } from './attachments.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { getCalendar } from '../calendar/index.ts';
import { noticeFor } from './notices/notices.ts';
import { noticeAgency } from './notices/notice-settings.ts';
import { noticeTemplates } from './notices/templates.service.ts';
import { PublicNoticePage } from './views/notice-page.tsx';
import type { ApplicationEventRow } from './applications.table.ts';
import type { AnswerDownloads, AnswerSummary } from './views/track-answer.tsx';
import { publicAnswerRoutes } from './answer.routes.tsx';
import type { AnswerService } from './answer.service.ts';
import { Type } from '@sinclair/typebox';
import {
  firstQueryValues,
  formBody,
  invalidForm,
  Text,
  typedValues,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';

/** The reply notice may be shown to the applicant once it was delivered online (after the reply). */
function deliveredOnline(found: ApplicationRow, events: readonly ApplicationEventRow[]): boolean {
  return (
    found.status === 'closed' &&
    found.outcome !== null &&
    events.some((e) => e.kind === 'delivered' && detailOf(e).way === 'online')
  );
}

/** The answer as anyone with the tracking code may see it: the category of the outcome, the reply
 *  date and the notice's 发文字号 — no summary, no names. */
function answerOf(found: ApplicationRow, events: readonly ApplicationEventRow[]): AnswerSummary | null {
  if (found.status !== 'closed' || !isOutcomeCode(found.outcome) || !found.outcome_on) return null;
  const replied = [...events].reverse().find((e) => e.kind === 'replied');
  const number = replied ? detailOf(replied).documentNumber : undefined;
  return {
    category: OUTCOMES[found.outcome].category,
    repliedOn: found.outcome_on,
    documentNumber: typeof number === 'string' ? number : null,
  };
}

/** Form values as typed, for showing the form again (the check fields are never echoed). */
const formValues = (body: unknown) => typedValues(body, (name) => name.startsWith('pow_'));

export function publicApplicationRoutes(
  app: FastifyInstance,
  service: ApplicationsService,
  applicant: ApplicantService,
  pow: PowOptions,
  answers: AnswerService,
): void {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { config: { public: true }, preValidation: firstQueryValues };
  const tracked = { params: Type.Object({ code: Type.String() }) };

  /** The application form; `agencyCode` (from /apply?agency=…, a link on an agency's page)
   *  chooses the agency of an empty form. */
  async function form(
    req: FastifyRequest,
    reply: FastifyReply,
    shown: ShownForm<Record<string, string>>,
    agencyCode?: string,
  ) {
    const agencies = await store.agencies(db);
    const challenge = issueChallenge(pow);
    // Without ?agency= the form opens on the site's default agency (the one with content, or the
    // configured GONGKAI_PORTAL_AGENCY), not on whichever agency sorts first.
    const code = agencyCode ?? req.publicFrame?.site.defaultAgency?.code;
    const preset = code ? agencies.find((a) => a.code === code) : undefined;
    return reply.page(
      <ApplyPage
        ctx={reply.view()}
        agencies={agencies}
        values={{ agency_id: preset ? String(preset.id) : undefined, ...shown.values }}
        issues={shown.issues ?? []}
        pow={{
          challenge: challenge.challenge,
          difficulty: challenge.difficulty,
          question: pick(req.locale, challenge.question),
        }}
        powScript={assetUrls().pow}
      />,
      shown.status ?? 200,
    );
  }

  routes.get('/apply', { ...page, schema: { querystring: Type.Object({ agency: Text }) } }, async (req, reply) =>
    form(req, reply, { values: {} }, req.query.agency),
  );

  app.post(
    '/apply',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      // Multipart when files are attached (http/uploads.ts), an ordinary form otherwise.
      const upload = await readMultipartForm(req);
      const body = upload.fields;
      const attachments = attachmentsFromUpload(upload.files);
      const values = formValues(body);
      const verdict = verifyChallenge(pow, {
        challenge: body.pow_challenge,
        nonce: body.pow_nonce,
        answer: body.pow_answer,
      });
      const { issues } = parseApplicant(body);
      // A refused file refuses the whole application: nothing is stored, the form comes back.
      issues.push(...upload.issues, ...attachmentIssues(attachments));
      if (!verdict.ok) issues.push(issue('pow_answer', `applications.error.pow_${verdict.reason}`));
      if (issues.length) return form(req, reply, invalidForm(issues, values));
      try {
        const created = await service.submitOnline(db, req.auditContext(), body, {
          ...(verdict.ok ? { spend: verdict } : {}),
          attachments,
        });
        const row = (await store.byId(db, created.id))!;
        return reply.page(
          <ReceiptPage
            ctx={reply.view()}
            trackingCode={created.trackingCode}
            applicantKey={created.applicantKey}
            receivedOn={row.received_on}
            dueDate={row.due_date}
            dueProvisionalYears={row.due_date_provisional_years}
          />,
        );
      } catch (error) {
        if (error instanceof ValidationError) return form(req, reply, invalidForm(error, values));
        throw error;
      }
    },
  );

  routes.get('/apply/track', { ...page, schema: { querystring: Type.Object({ code: Text }) } }, async (req, reply) => {
    const raw = (req.query.code ?? '').trim();
    if (!raw) return reply.page(<TrackFormPage ctx={reply.view()} code="" issues={[]} />);
    const code = normaliseTrackingCode(raw);
    if (!code) {
      const { issues, status } = invalidForm([issue('code', 'applications.track.invalid')]);
      return reply.page(<TrackFormPage ctx={reply.view()} code={raw} issues={issues} />, status);
    }
    return reply.redirect(`/apply/track/${code}`, 303);
  });

  async function caseByCode(
    raw: string,
  ): Promise<{ raw: string; code: string | null; found: ApplicationRow | undefined }> {
    const code = normaliseTrackingCode(raw);
    return { raw, code, found: code ? await store.byTrackingCode(db, code) : undefined };
  }

  function notFound(reply: FastifyReply, raw: string, code: string | null) {
    return reply.page(
      <TrackFormPage
        ctx={reply.view()}
        code={raw.slice(0, 20)}
        issues={[issue('code', code ? 'applications.track.not_found' : 'applications.track.invalid')]}
      />,
      404,
    );
  }

  async function casePage(
    reply: FastifyReply,
    found: ApplicationRow,
    extra: {
      corrected?: boolean;
      issues?: readonly ValidationIssue[];
      status?: number;
      downloads?: AnswerDownloads;
    } = {},
  ) {
    const agency = await store.agency(db, found.agency_id);
    const events = await store.events(db, found.id);
    const pending = pendingCorrection(found, events);
    // Only the kind and date of the public steps; the reply also says its category of answer.
    const steps: PublicStep[] = events
      .filter((e) => e.public === 1 && PUBLIC_EVENT_KINDS.has(e.kind))
      .map((e) => {
        const outcome = e.kind === 'replied' ? detailOf(e).outcome : undefined;
        return {
          date: e.occurred_on,
          kind: e.kind,
          ...(isOutcomeCode(outcome) ? { category: OUTCOMES[outcome].category } : {}),
        };
      });
    return reply.page(
      <TrackCasePage
        ctx={reply.view()}
        code={found.tracking_code}
        agencyName={agency?.name ?? ''}
        receivedOn={found.received_on}
        status={currentStatus(found, todayInChina())}
        dueDate={found.due_date}
        dueProvisionalYears={found.due_date_provisional_years}
        steps={steps}
        correction={pending && { requestedOn: pending.requestedOn, correctBy: pending.correctBy }}
        corrected={extra.corrected ?? false}
        issues={extra.issues ?? []}
        answer={answerOf(found, events)}
        downloads={extra.downloads}
      />,
      extra.status ?? 200,
    );
  }

  routes.get(
    '/apply/track/:code',
    { ...page, schema: { ...tracked, querystring: Type.Object({ corrected: Text }) } },
    async (req, reply) => {
      const { raw, code, found } = await caseByCode(req.params.code);
      if (!found) return notFound(reply, raw, code);
      return casePage(reply, found, { corrected: req.query.corrected === '1' });
    },
  );

  // The applicant's correction (Art. 30). Two steps on one URL: the correction key alone opens
  // the form with the office's note; the key with the corrected text records it. A wrong key
  // counts against the rate limit like any other attempt, so keys cannot be tried at speed.
  routes.post(
    '/apply/track/:code/correction',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: tracked },
    async (req, reply) => {
      const { raw, code, found } = await caseByCode(req.params.code);
      if (!found) return notFound(reply, raw, code);
      const body = formBody(req);
      const events = await store.events(db, found.id);
      const pending = pendingCorrection(found, events);
      if (!pending)
        return casePage(reply, found, {
          issues: [issue('applicant_key', 'applications.correction.not_pending')],
          status: 409,
        });
      if (!applicant.keyMatches(found, body.applicant_key))
        return casePage(reply, found, invalidForm([issue('applicant_key', 'applications.correction.key_wrong')]));
      const key = String(body.applicant_key);
      const show = (shown: ShownForm<Record<string, string | null>>) =>
        reply.page(
          <CorrectionPage
            ctx={reply.view()}
            code={found.tracking_code}
            applicantKey={key}
            request={pending}
            values={shown.values}
            issues={shown.issues ?? []}
          />,
          shown.status ?? 200,
        );
      if (body.step !== 'submit')
        return show({ values: { description: found.description, document_number_hint: found.document_number_hint } });
      try {
        await applicant.correct(db, req.auditContext(), found, body);
        return reply.redirect(`/apply/track/${found.tracking_code}?corrected=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return show(invalidForm(error, formValues(body)));
        throw error;
      }
    },
  );

  // The reply notice as an HTML page for the applicant, once delivered online. The notice names
  // the applicant and repeats the request, so like the correction form it needs the correction
  // key (POST only, rate-limited); the tracking code alone shows the timeline and nothing more.
  routes.post(
    '/apply/track/:code/notice',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: tracked },
    async (req, reply) => {
      const { raw, code, found } = await caseByCode(req.params.code);
      if (!found) return notFound(reply, raw, code);
      const body = formBody(req);
      const events = await store.events(db, found.id);
      if (!deliveredOnline(found, events))
        return casePage(reply, found, {
          issues: [issue('notice_key', 'applications.notice.not_delivered')],
          status: 409,
        });
      if (!applicant.keyMatches(found, body.notice_key))
        return casePage(reply, found, invalidForm([issue('notice_key', 'applications.correction.key_wrong')]));
      const [agency, calendar] = await Promise.all([store.agency(db, found.agency_id), getCalendar(db)]);
      const notice = noticeFor(
        'reply',
        service.opened(found),
        events,
        await noticeAgency(db, found.agency_id, agency?.name ?? ''),
        calendar,
        await noticeTemplates(db, events),
      );
      if (!notice)
        return casePage(reply, found, {
          issues: [issue('notice_key', 'applications.notice.not_delivered')],
          status: 409,
        });
      return reply
        .header('cache-control', 'no-store')
        .page(<PublicNoticePage ctx={reply.view()} trackingCode={found.tracking_code} notice={notice} />);
    },
  );

  publicAnswerRoutes(app, { service, answers, caseByCode, notFound, casePage });
}
