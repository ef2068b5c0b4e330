// The 互动交流 column: published letters and replies (paged, per agency) with the agency's
// interaction figures, one letter's page, and the column's Atom feed. Every letter shown comes
// from the store's published-letters query (consent given, answer sent) and through the
// presenter's personal-data guard; any other id answers 404 like a missing one.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { todayInChina } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { paged, pageRequest } from '../../platform/paging.ts';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { getCalendar } from '../calendar/index.ts';
import { letterStore as store, type LetterRow } from './letter.store.ts';
import { letterFacts } from './letter-rows.ts';
import { presentPublicAnswer, type PublicAnswer } from './letter.presenter.ts';
import { interactionIndicators } from './public-answers.ts';
import { answersFeed } from './answers-feed.ts';
import { COLUMN_PAGE } from './answers-section.ts';
import { AnswerPage, AnswersPage } from './views/answer-pages.tsx';

/** How many letters the column's feed carries. */
const FEED_ENTRIES = 50;

export function answerRoutes(app: FastifyInstance, vault: PersonalDataVault, publicUrl: string) {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { config: { public: true }, preValidation: firstQueryValues };
  const present = (row: LetterRow): PublicAnswer => presentPublicAnswer(letterFacts(row, vault), row.reply_body)!;

  async function agencyOf(code: string | undefined) {
    const agencies = await store.agencies(db);
    const agency = code ? agencies.find((a) => a.code === code) : undefined;
    if (code && !agency) throw new NotFoundError();
    return { agencies, agency };
  }

  const listQuery = Type.Object({
    agency: Text,
    page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$' })),
  });

  routes.get('/mailbox/answers', { ...page, schema: { querystring: listQuery } }, async (req, reply) => {
    const { agencies, agency } = await agencyOf(req.query.agency || undefined);
    const agencyId = agency?.id ?? null;
    const today = todayInChina();
    const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const [letters, calendar] = await Promise.all([store.countedLetters(db, agencyId, since), getCalendar(db)]);
    const figures = interactionIndicators(
      letters.map((l) => ({ receivedOn: l.received_on, repliedOn: l.replied_on })),
      today,
      calendar,
    );
    const answers = await paged(
      { page: pageRequest(req.query).page, per: COLUMN_PAGE },
      () => store.publishedCount(db, agencyId),
      async (offset, limit) => (await store.publishedPage(db, agencyId, offset, limit)).map(present),
    );
    return reply.page(
      <AnswersPage
        ctx={reply.view()}
        agencies={agencies.map((a) => ({ code: a.code, name: a.name }))}
        agency={agency ? { code: agency.code, name: agency.name } : null}
        figures={figures}
        answers={answers}
      />,
    );
  });

  routes.get(
    '/mailbox/answers/:id',
    {
      config: { public: true },
      schema: { params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) }) },
    },
    async (req, reply) => {
      const row = await store.publishedOne(db, Number(req.params.id));
      if (!row) throw new NotFoundError();
      const agency = (await store.agencies(db)).find((a) => a.id === row.agency_id);
      return reply.page(<AnswerPage ctx={reply.view()} answer={present(row)} agencyCode={agency?.code ?? ''} />);
    },
  );

  routes.get(
    '/mailbox/answers.atom',
    { ...page, schema: { querystring: Type.Object({ agency: Text }) } },
    async (req, reply) => {
      const { agency } = await agencyOf(req.query.agency || undefined);
      const rows = await store.publishedAll(db, FEED_ENTRIES, agency?.id ?? null);
      const title = agency
        ? translate('zh-CN', 'mailbox.answers.title_agency', { agency: agency.name })
        : translate('zh-CN', 'mailbox.answers.title');
      const path = agency ? `/mailbox/answers.atom?agency=${agency.code}` : '/mailbox/answers.atom';
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(answersFeed({ base: publicUrl.replace(/\/+$/, ''), path, title, answers: rows.map(present) }));
    },
  );
}
