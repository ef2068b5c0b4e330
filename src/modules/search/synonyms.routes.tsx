// The synonym dictionary's console page (/admin/search/synonyms): the system administrator lists,
// adds, changes and removes groups; the search uses a change at once (synonyms.service.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import {
  field,
  firstQueryValues,
  idParam,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { synonymService } from './synonyms.service.ts';
import { splitTermsInput } from './synonyms.ts';
import { SynonymsPage } from './views/synonyms-page.tsx';

const PAGE = '/admin/search/synonyms';

export async function synonymRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    shown: { issues?: readonly ValidationIssue[]; values?: Record<string, string>; status?: number },
    notice?: 'saved' | 'removed',
  ) {
    const groups = await synonymService.list(db);
    return reply.page(
      <SynonymsPage
        ctx={reply.view()}
        groups={groups}
        issues={shown.issues ?? []}
        values={shown.values ?? {}}
        notice={notice}
      />,
      shown.status ?? 200,
    );
  }

  /** Runs a change; a refused one shows the page again with the issues on the form's field. */
  async function change(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    run: (terms: string[]) => Promise<unknown>,
  ) {
    const typed = field(req.body, name) ?? '';
    try {
      await run(splitTermsInput(typed));
      return reply.redirect(`${PAGE}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issues = error.issues.map((i) => ({ ...i, field: name }));
      return render(req, reply, invalidForm(issues, { [name]: typed }));
    }
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    PAGE,
    {
      config: { policy: 'search.synonyms' },
      schema: { querystring: Type.Object({ done: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const done = req.query.done;
      return render(req, reply, {}, done === 'saved' || done === 'removed' ? done : undefined);
    },
  );

  app.post(PAGE, { config: { policy: 'search.synonyms' } }, async (req, reply) =>
    change(req, reply, 'terms', (terms) => synonymService.add(db, req.auditContext(), terms)),
  );

  app.post(`${PAGE}/:id`, { config: { policy: 'search.synonyms' } }, async (req, reply) => {
    const id = idParam(req);
    return change(req, reply, `group-${id}`, (terms) => synonymService.edit(db, req.auditContext(), id, terms));
  });

  app.post(`${PAGE}/:id/delete`, { config: { policy: 'search.synonyms' } }, async (req, reply) => {
    await synonymService.remove(db, req.auditContext(), idParam(req));
    return reply.redirect(`${PAGE}?done=removed`, 303);
  });
}
