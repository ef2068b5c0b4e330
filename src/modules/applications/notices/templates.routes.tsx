// The notice templates console of the disclosure office: the list, and one template's edit page
// with a preview (re-rendered, nothing saved) and saving as a new version. Each handler:
// authenticate (policy) → validate the key → the office's agency → service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../platform/policy.ts';
import { ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../../../platform/errors.ts';
import { todayInChina } from '../../../platform/clock.ts';
import type { Actor } from '../../../platform/policy.ts';
import { applicationsStore as store } from '../applications.store.ts';
import { BUILT_IN, previewNotice } from './notice-texts.ts';
import { checkTemplate, isTemplateKey, normaliseTemplateText, TEMPLATE_KEYS, type TemplateKey } from './templates.ts';
import { templatesService, templatesStore } from './templates.service.ts';
import { TemplateEditPage, TemplateListPage } from '../views/templates-page.tsx';
import { Type } from '@sinclair/typebox';
import {
  checkedStatus,
  firstQueryValues,
  formBody,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../../platform/http/route-kit.ts';
import { presentTemplateHistory } from './templates.presenter.ts';

function officeAgency(actor: Actor | undefined): number {
  const grant = actor?.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

/** The template's key from the URL; one that names no template is a page that does not exist. */
function templateKey(key: string): TemplateKey {
  if (!isTemplateKey(key)) throw new NotFoundError();
  return key;
}

/** `/admin/notice-templates/:key`: the schema only types the name, templateKey judges it. */
const KeyParams = Type.Object({ key: Type.String() });

export function noticeTemplateRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  app.get('/admin/notice-templates', { config: { policy: 'notice_templates.manage' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor);
    authorize(req.actor, 'notice_templates.manage', { agencyId });
    const [agency, versions] = await Promise.all([
      store.agency(db, agencyId),
      templatesStore.currentVersions(db, agencyId),
    ]);
    return reply.page(
      <TemplateListPage
        ctx={reply.view()}
        agencyName={agency?.name ?? ''}
        rows={TEMPLATE_KEYS.map((key) => ({ key, version: versions.get(key) ?? null }))}
      />,
    );
  });

  async function editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    key: TemplateKey,
    agencyId: number,
    form: {
      values?: { title: string; body: string; reason: string };
      basedOn?: number;
      issues?: readonly ValidationIssue[];
      preview?: boolean;
      saved?: number;
      status?: number;
    } = {},
  ) {
    const [agency, history] = await Promise.all([
      store.agency(db, agencyId),
      templatesStore.history(db, agencyId, key),
    ]);
    const current = history[0] ?? { title: BUILT_IN[key].title, body: BUILT_IN[key].body, version: 0 };
    const values = form.values ?? { title: current.title, body: current.body, reason: '' };
    const issues = form.issues ?? [];
    // The preview shows the typed text on a sample case; a text with problems is not previewed.
    const preview =
      form.preview && !issues.length ? previewNotice(key, values, agency?.name ?? '', todayInChina()) : null;
    return reply.page(
      <TemplateEditPage
        ctx={reply.view()}
        templateKey={key}
        values={values}
        basedOn={form.basedOn ?? current.version}
        issues={issues}
        preview={preview}
        history={presentTemplateHistory(history)}
        {...(form.saved ? { saved: form.saved } : {})}
      />,
      form.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get(
    '/admin/notice-templates/:key',
    {
      config: { policy: 'notice_templates.manage' },
      schema: { params: KeyParams, querystring: Type.Object({ saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const key = templateKey(req.params.key);
      const agencyId = officeAgency(req.actor);
      authorize(req.actor, 'notice_templates.manage', { agencyId });
      const saved = Number(req.query.saved);
      return editPage(req, reply, key, agencyId, {
        preview: true,
        ...(Number.isInteger(saved) && saved > 0 ? { saved } : {}),
      });
    },
  );

  routes.post(
    '/admin/notice-templates/:key',
    { config: { policy: 'notice_templates.manage' }, schema: { params: KeyParams } },
    async (req, reply) => {
      const key = templateKey(req.params.key);
      const agencyId = officeAgency(req.actor);
      authorize(req.actor, 'notice_templates.manage', { agencyId });
      const body = formBody(req);
      const values = {
        title: normaliseTemplateText(body.title),
        body: normaliseTemplateText(body.body),
        reason: normaliseTemplateText(body.reason),
      };
      const basedOn = Number(body.based_on);
      const based = Number.isInteger(basedOn) && basedOn >= 0 ? basedOn : 0;
      if (body.action === 'preview') {
        const issues = checkTemplate(key, values);
        return editPage(req, reply, key, agencyId, {
          values,
          basedOn: based,
          issues,
          preview: true,
          status: checkedStatus(issues),
        });
      }
      try {
        const saved = await templatesService.save(db, req.auditContext(), agencyId, key, body);
        return reply.redirect(`/admin/notice-templates/${key}?saved=${saved.version}`, 303);
      } catch (error) {
        if (error instanceof ValidationError)
          return editPage(req, reply, key, agencyId, { ...invalidForm(error, values), basedOn: based });
        throw error;
      }
    },
  );
}
