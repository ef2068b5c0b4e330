// /activate: the holder of a one-time activation code (e-mailed to a new account, or after a
// reset by the security administrator) sets their own password (docs/adr/0015). Public, since
// the account cannot sign in yet; rate-limited like the sign-in form.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../platform/errors.ts';
import { Type } from '@sinclair/typebox';
import { field, firstQueryValues, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { accountService } from './account.service.ts';
import { ActivatePage } from './views/activate-page.tsx';

export function activationRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  app.withTypeProvider<TypeBoxProvider>().get(
    '/activate',
    {
      config: { public: true },
      schema: { querystring: Type.Object({ code: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const code = req.query.code;
      return reply.page(<ActivatePage ctx={reply.view()} issues={[]} code={code?.slice(0, 64)} />);
    },
  );

  app.post(
    '/activate',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const code = (field(req.body, 'code') ?? '').trim();
      try {
        await accountService.activate(
          db,
          { ip: req.ip ?? null },
          code,
          field(req.body, 'new_password') ?? '',
          field(req.body, 'confirm_password') ?? '',
        );
      } catch (error) {
        if (error instanceof ValidationError) {
          const shown = invalidForm(error);
          return reply.page(
            <ActivatePage ctx={reply.view()} issues={shown.issues} code={code.slice(0, 64)} />,
            shown.status,
          );
        }
        throw error;
      }
      return reply.redirect('/sign-in?activated=1', 303);
    },
  );
}
