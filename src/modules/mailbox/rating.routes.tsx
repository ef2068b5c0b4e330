// The writer's rating of a reply, from the link in the answer message: no account, the token is
// the only key. A token of the wrong shape is not looked up; one that matches nothing answers 404
// with the same page, so tokens cannot be told apart; every try counts against the rate limit.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { issue } from '../../platform/errors.ts';
import { firstQueryValues, formBody, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { letterStore as store } from './letter.store.ts';
import type { LetterService } from './letter.service.ts';
import { isRating, isRatingTokenShape, MAX_RATING_COMMENT, ratingTokenHash, type Rating } from './rating.ts';
import { RateLinkInvalidPage, RatePage } from './views/rating-pages.tsx';
import type { MailboxRatingLinkRow } from './letter.table.ts';
import type { ValidationIssue } from '../../platform/errors.ts';

export function ratingRoutes(app: FastifyInstance, service: LetterService) {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const schema = { params: Type.Object({ token: Type.String({ maxLength: 100 }) }) };
  const limited = { config: { public: true, rateLimit: { max: 30, timeWindow: '10 minutes' } }, schema };

  /** The link and its letter, while the reply it rates is the letter's answer (not after a redo). */
  async function linkOf(token: string): Promise<MailboxRatingLinkRow | undefined> {
    const link = isRatingTokenShape(token) ? await store.ratingLinkByHash(db, ratingTokenHash(token)) : undefined;
    const letter = link && (await store.letterById(db, link.case_id));
    const answered = letter && ['replied', 'closed'].includes(letter.status);
    return answered && letter.current_version_id === link.version_id ? link : undefined;
  }

  async function show(
    reply: FastifyReply,
    token: string,
    link: MailboxRatingLinkRow,
    shown: { values?: Record<string, string>; issues?: readonly ValidationIssue[]; status?: number; just?: boolean },
  ) {
    const letter = await store.letterById(db, link.case_id);
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .page(
        <RatePage
          ctx={reply.view()}
          token={token}
          subject={letter?.subject ?? ''}
          rated={isRating(link.rating) ? link.rating : null}
          justRated={shown.just ?? false}
          values={shown.values ?? {}}
          issues={shown.issues ?? []}
        />,
        shown.status ?? 200,
      );
  }

  const invalid = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').page(<RateLinkInvalidPage ctx={reply.view()} />, 404);

  routes.get(
    '/mailbox/rate/:token',
    { ...limited, preValidation: firstQueryValues, schema: { ...schema, querystring: Type.Object({ done: Text }) } },
    async (req, reply) => {
      const link = await linkOf(req.params.token);
      if (!link) return invalid(reply);
      return show(reply, req.params.token, link, { just: req.query.done === '1' });
    },
  );

  routes.post('/mailbox/rate/:token', limited, async (req, reply) => {
    const token = req.params.token;
    const link = await linkOf(token);
    if (!link) return invalid(reply);
    const body = formBody(req);
    const rating = body.rating;
    const comment = typeof body.comment === 'string' ? body.comment : '';
    const values = { rating: typeof rating === 'string' ? rating : '', comment };
    const issues = [
      ...(isRating(rating) ? [] : [issue('rating', 'mailbox.rate.error.rating')]),
      ...(comment.trim().length > MAX_RATING_COMMENT
        ? [issue('comment', 'mailbox.rate.error.comment_long', { max: MAX_RATING_COMMENT })]
        : []),
    ];
    if (link.rating === null && (issues.length || !isRating(rating)))
      return show(reply, token, link, { ...invalidForm(issues), values });
    // Rated already (another tab, a replay): the page says so and nothing changes.
    if (link.rating !== null) return show(reply, token, link, {});
    const letter = (await store.letterById(db, link.case_id))!;
    await service.rate(
      db,
      req.auditContext(),
      link,
      { trackingCode: letter.tracking_code ?? '' },
      {
        rating: rating as Rating,
        comment: comment || null,
      },
    );
    return reply.redirect(`/mailbox/rate/${token}?done=1`, 303);
  });
}
