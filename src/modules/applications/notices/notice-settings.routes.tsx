// The system administrator's form for an agency's notice settings: the reconsideration body and
// court its reply notices name, and the 字号 prefix of each notice kind with an example number.
// Each handler: load the agency → authorize with it → validate → service → redirect (303) or
// re-render with every issue (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../platform/policy.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../../platform/errors.ts';
import { todayInChina } from '../../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import {
  firstQueryValues,
  formBody,
  idParam,
  invalidForm,
  Text,
  type ShownForm,
  type TypeBoxProvider,
} from '../../../platform/http/route-kit.ts';
import { organisationStore } from '../../organisation/index.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import { NOTICE_KINDS, type NoticeKind } from './notices.ts';
import {
  defaultPrefix,
  documentNumber,
  noticeSettings,
  saveNoticeSettings,
  type NoticeSettingsInput,
} from './notice-settings.ts';

const POLICY = 'organisation.agency.manage';

interface Values {
  readonly reconsideration_body: string;
  readonly court: string;
  readonly prefixes: Partial<Record<NoticeKind, string>>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function NoticeSettingsPage(props: {
  ctx: ViewContext;
  agency: { id: number; name: string; shortName: string };
  values: Values;
  issues: readonly ValidationIssue[];
  saved: boolean;
}) {
  const { ctx, agency, values, issues } = props;
  const { t } = ctx;
  const year = Number(todayInChina().slice(0, 4));
  return (
    <Layout ctx={ctx} title={t('notice_settings.title', { name: agency.name })}>
      <h1>{t('notice_settings.title', { name: agency.name })}</h1>
      {props.saved && <Notice kind="success">{t('notice_settings.saved')}</Notice>}
      <ErrorSummary ctx={ctx} issues={issues} />
      <p>{t('notice_settings.intro')}</p>
      <p>
        <a href={`/admin/agencies/${agency.id}/reply-approvers`}>{t('reply_approvers.link')}</a>
      </p>
      <form method="post" action={`/admin/agencies/${agency.id}/notice-settings`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="reconsideration_body"
          label={t('notice_settings.reconsideration_body')}
          hint={t('notice_settings.reconsideration_hint')}
          value={values.reconsideration_body}
          issues={issues}
        />
        <TextField
          ctx={ctx}
          name="court"
          label={t('notice_settings.court')}
          hint={t('notice_settings.court_hint')}
          value={values.court}
          issues={issues}
        />
        <fieldset class="fieldset">
          <legend>{t('notice_settings.prefixes')}</legend>
          {NOTICE_KINDS.map((k) => {
            const fallback = defaultPrefix(agency.shortName, k);
            const prefix = values.prefixes[k] || fallback;
            return (
              <TextField
                ctx={ctx}
                name={`prefix_${k}`}
                label={t(`notice_settings.kind.${k}`)}
                hint={`${t('notice_settings.prefix_hint', { example: fallback })} ${t('notice_settings.example', {
                  number: documentNumber(prefix, year, 1),
                })}`}
                value={values.prefixes[k] ?? ''}
                width="medium"
                issues={issues}
              />
            );
          })}
        </fieldset>
        <button class="button" type="submit">
          {t('notice_settings.save')}
        </button>
      </form>
    </Layout>
  );
}

export function noticeSettingsRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  async function loadAgency(req: FastifyRequest) {
    const a = await organisationStore.agency(db, idParam(req));
    if (!a) throw new NotFoundError();
    authorize(req.actor, POLICY, { agencyId: a.id });
    return { id: a.id, name: a.name, shortName: a.short_name || a.name };
  }

  function page(
    reply: FastifyReply,
    agency: { id: number; name: string; shortName: string },
    form: ShownForm<Values>,
    saved = false,
  ) {
    return reply.page(
      <NoticeSettingsPage
        ctx={reply.view()}
        agency={agency}
        values={form.values}
        issues={form.issues ?? []}
        saved={saved}
      />,
      form.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/agencies/:id/notice-settings',
    {
      config: { policy: POLICY },
      schema: { querystring: Type.Object({ saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const agency = await loadAgency(req);
      const s = await noticeSettings(db, agency.id);
      const values = {
        reconsideration_body: s.reconsiderationBody ?? '',
        court: s.court ?? '',
        prefixes: s.prefixes,
      };
      return page(reply, agency, { values }, req.query.saved === '1');
    },
  );

  app.post('/admin/agencies/:id/notice-settings', { config: { policy: POLICY } }, async (req, reply) => {
    const agency = await loadAgency(req);
    const body = formBody(req);
    const values: Values = {
      reconsideration_body: text(body.reconsideration_body),
      court: text(body.court),
      prefixes: Object.fromEntries(NOTICE_KINDS.map((k) => [k, text(body[`prefix_${k}`])])),
    };
    const input: NoticeSettingsInput = {
      reconsiderationBody: values.reconsideration_body,
      court: values.court,
      prefixes: values.prefixes,
    };
    try {
      await saveNoticeSettings(db, req.auditContext(), agency.id, input);
    } catch (error) {
      if (error instanceof ValidationError) return page(reply, agency, invalidForm(error, values));
      throw error;
    }
    return reply.redirect(`/admin/agencies/${agency.id}/notice-settings?saved=1`, 303);
  });
}
