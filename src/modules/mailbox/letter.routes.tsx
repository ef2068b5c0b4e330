// The citizen's side of the mailbox on the portal: the letter form (per agency, with the
// application form's proof-of-work, per-IP rate limit and file checks), its receipt, and the
// tracking page, which asks for the contact given with the letter as well as the code (POST, so
// neither lands in a URL or a log) because it shows the letter's reply.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { issue, ValidationError } from '../../platform/errors.ts';
import { issueChallenge, verifyChallenge, type PowOptions } from '../../platform/pow.ts';
import { pick } from '../../platform/i18n/i18n.ts';
import { assetUrls } from '../../platform/http/assets.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import {
  firstQueryValues,
  formBody,
  invalidForm,
  Text,
  typedValues,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { normaliseTrackingCode } from '../applications/index.ts';
import { parseLetterForm } from './letter-form.ts';
import { letterAttachmentIssues } from './letter-attachments.ts';
import { letterStore as store, type LetterRow } from './letter.store.ts';
import type { LetterService } from './letter.service.ts';
import { contactMatches, letterFacts } from './letter-rows.ts';
import { presentReceipt, presentTracked } from './letter.presenter.ts';
import { isRating } from './rating.ts';
import { LetterReceiptPage, TrackLetterFormPage, TrackLetterPage, WriteLetterPage } from './views/letter-pages.tsx';

/** Form values as typed, for showing the form again (the check fields are never echoed). */
const formValues = (body: unknown) => typedValues(body, (name) => name.startsWith('pow_'));

export function letterRoutes(app: FastifyInstance, service: LetterService, vault: PersonalDataVault, pow: PowOptions) {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { config: { public: true }, preValidation: firstQueryValues };
  const limited = { config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } } };

  async function form(
    req: FastifyRequest,
    reply: FastifyReply,
    shown: ShownForm<Record<string, string>>,
    agencyCode?: string,
  ) {
    const agencies = await store.agencies(db);
    const code = agencyCode ?? req.publicFrame?.site.defaultAgency?.code;
    const preset = code ? agencies.find((a) => a.code === code) : undefined;
    const chosen = shown.values.agency_id ?? (preset ? String(preset.id) : undefined);
    const challenge = issueChallenge(pow);
    return reply.page(
      <WriteLetterPage
        ctx={reply.view()}
        agencies={agencies}
        agencyName={agencies.find((a) => String(a.id) === chosen)?.name ?? null}
        values={{ agency_id: chosen, ...shown.values }}
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

  routes.get(
    '/mailbox/write',
    { ...page, schema: { querystring: Type.Object({ agency: Text }) } },
    async (req, reply) => form(req, reply, { values: {} }, req.query.agency),
  );

  app.post('/mailbox/write', limited, async (req, reply) => {
    const upload = await readMultipartForm(req);
    const body = upload.fields;
    const values = formValues(body);
    const verdict = verifyChallenge(pow, {
      challenge: body.pow_challenge,
      nonce: body.pow_nonce,
      answer: body.pow_answer,
    });
    const { input, issues } = parseLetterForm(body);
    // A refused file refuses the letter: nothing is stored, the form comes back filled in.
    issues.push(...upload.issues, ...letterAttachmentIssues(upload.files));
    if (input && !(await store.agencies(db)).some((a) => a.id === input.agencyId))
      issues.push(issue('agency_id', 'mailbox.write.error.agency'));
    if (!verdict.ok) issues.push(issue('pow_answer', `mailbox.write.error.pow_${verdict.reason}`));
    if (issues.length || !input || !verdict.ok) return form(req, reply, invalidForm(issues, values));
    try {
      const received = await service.write(db, req.auditContext(), input, { spend: verdict, files: upload.files });
      const row = (await store.letterById(db, received.id))!;
      return reply
        .header('cache-control', 'no-store')
        .page(<LetterReceiptPage ctx={reply.view()} receipt={presentReceipt(letterFacts(row, vault))} />);
    } catch (error) {
      if (error instanceof ValidationError) return form(req, reply, invalidForm(error, values));
      throw error;
    }
  });

  routes.get('/mailbox/track', page, async (_req, reply) =>
    reply.page(<TrackLetterFormPage ctx={reply.view()} values={{}} issues={[]} />),
  );

  // The code alone would do for a timeline; this page shows the reply, so it also asks for the
  // phone or e-mail given with the letter. A wrong pair counts against the rate limit like any try.
  app.post('/mailbox/track', limited, async (req, reply) => {
    const body = formBody(req);
    const values = { code: String(body.code ?? '').slice(0, 30), contact: String(body.contact ?? '').slice(0, 100) };
    const missing = [
      ...(values.code.trim() ? [] : [issue('code', 'mailbox.track.error.code')]),
      ...(values.contact.trim() ? [] : [issue('contact', 'mailbox.track.error.contact')]),
    ];
    const code = normaliseTrackingCode(values.code);
    const row: LetterRow | undefined = code && !missing.length ? await store.letterByCode(db, code) : undefined;
    if (!row || !contactMatches(row, values.contact, vault)) {
      const shown = invalidForm(missing.length ? missing : [issue('code', 'mailbox.track.not_found')], values);
      return reply.page(<TrackLetterFormPage ctx={reply.view()} values={values} issues={shown.issues} />, shown.status);
    }
    const link = await store.ratingLinkOf(db, row.id, row.current_version_id);
    const facts = letterFacts(row, vault);
    const published = facts.consentToPublish && row.reply_body !== null && row.replied_on !== null;
    return reply
      .header('cache-control', 'no-store')
      .page(
        <TrackLetterPage
          ctx={reply.view()}
          letter={presentTracked(
            facts,
            ['replied', 'closed'].includes(row.status) ? row.reply_body : null,
            isRating(link?.rating) ? link.rating : null,
            published && ['replied', 'closed'].includes(row.status),
          )}
        />,
      );
  });
}
