// Sign-in, sign-out, the dashboard and the user's own account.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { formatChinaTime } from '../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import { field, firstQueryValues, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { issueChallenge, powSecret, type PowOptions } from '../../platform/pow.ts';
import { resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { pick } from '../../platform/i18n/i18n.ts';
import { assetUrls } from '../../platform/http/assets.ts';
import { activationRoutes } from './activation.routes.tsx';
import { navFor } from '../../platform/views/navigation.ts';
import { loadDashboardPanels } from '../../platform/views/dashboard-panels.ts';
import { organisationStore } from '../organisation/index.ts';
import { accountService } from './account.service.ts';
import { SignInPage, type SignInChallenge } from './views/sign-in-page.tsx';
import { AccountPage, DashboardPage, PasswordPage } from './views/account-pages.tsx';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) && !value.startsWith('/sign-in')
    ? value
    : '/admin';
}

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { config, database } = app.deps;
  const db = database.db;
  // The challenge of a throttled sign-in is the public forms' proof of work, with a shorter life:
  // it is solved by the page's script in about a second, or answered by hand.
  const pow: PowOptions = {
    secret: powSecret(resolveDataKeys(config.personalDataKeys, config.dataDir)[0]!),
    difficulty: config.powDifficulty,
    ttlSeconds: 10 * 60,
    minSecondsForQuestion: 3,
  };
  const sessionSettings = {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    lockout: { threshold: config.lockoutThreshold, minutes: config.lockoutMinutes },
    pow,
  };
  function challengeFor(req: FastifyRequest): SignInChallenge {
    const issued = issueChallenge(pow);
    return {
      challenge: issued.challenge,
      difficulty: issued.difficulty,
      question: pick(req.locale, issued.question),
      script: assetUrls().pow,
    };
  }
  activationRoutes(app);

  app.withTypeProvider<TypeBoxProvider>().get(
    '/sign-in',
    {
      config: { public: true },
      schema: { querystring: Type.Object({ next: Text, expired: Text, signed_out: Text, activated: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      if (req.actor) return reply.redirect(safeNext(query.next), 303);
      const notice = query.expired
        ? req.t('account.expired')
        : query.signed_out
          ? req.t('account.signed_out')
          : query.activated
            ? req.t('account.activated')
            : undefined;
      return reply.page(
        <SignInPage
          ctx={reply.view()}
          issues={[]}
          next={query.next ? safeNext(query.next) : undefined}
          notice={notice}
        />,
      );
    },
  );

  app.post(
    '/sign-in',
    { config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const username = (field(req.body, 'username') ?? '').trim();
      const password = field(req.body, 'password') ?? '';
      const next = safeNext(field(req.body, 'next') ?? '');
      const issues: ValidationIssue[] = [];
      if (!username) issues.push(issue('username', 'field.required', { label: req.t('account.username') }));
      if (!password) issues.push(issue('password', 'field.required', { label: req.t('account.password') }));
      let challenge = false;
      if (issues.length === 0) {
        const result = await accountService.signIn(db, meta(req), username, password, sessionSettings, {
          challenge: field(req.body, 'pow_challenge'),
          nonce: field(req.body, 'pow_nonce'),
          answer: field(req.body, 'pow_answer'),
        });
        if (result.status === 'ok') {
          // A new CSRF secret with the new session: a token planted before sign-in is worthless.
          reply.clearCookie(CSRF_COOKIE, { path: '/' });
          reply.setCookie(SESSION_COOKIE, result.token, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.secureCookies,
          });
          return reply.redirect(result.mustChangePassword ? '/account/password' : next, 303);
        }
        // One answer for unknown names, wrong passwords, locked and disabled accounts alike.
        if (result.status === 'throttled') {
          issues.push(issue('username', 'account.error.throttled', { until: formatChinaTime(result.until) }));
          challenge = result.challenge;
        } else if (result.status === 'challenge') {
          issues.push(issue('pow_answer', 'account.error.challenge'));
          challenge = true;
        } else {
          issues.push(issue('password', 'account.error.invalid'));
          challenge = result.challenge;
        }
      }
      // Every way here found an issue: the form comes back with it, as typed (the password never).
      const shown = invalidForm(issues);
      return reply.page(
        <SignInPage
          ctx={reply.view()}
          issues={shown.issues}
          username={username}
          next={next}
          challenge={challenge ? challengeFor(req) : undefined}
        />,
        shown.status,
      );
    },
  );

  app.post(
    '/sign-out',
    { config: { policy: 'account.manage', allowPasswordChangePending: true } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await accountService.signOut(db, req.auditContext(), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/sign-in?signed_out=1', 303);
    },
  );

  app
    .withTypeProvider<TypeBoxProvider>()
    .get(
      '/admin',
      { config: { policy: 'dashboard.view' }, schema: { querystring: Type.Object({ password_changed: Text }) } },
      async (req, reply) => {
        const actor = req.actor!;
        const [agency, user] = await Promise.all([
          organisationStore.agency(db, actor.agencyId),
          organisationStore.user(db, actor.userId),
        ]);
        const t = req.t;
        const cards = navFor(actor)
          .filter((e) => e.href !== '/admin')
          .map((e) => ({ title: t(e.labelKey), href: e.href, text: t(`${e.labelKey}_hint`) }));
        const panels = await loadDashboardPanels(db, actor);
        return reply.page(
          <DashboardPage
            ctx={reply.view()}
            agencyName={agency?.name ?? ''}
            lastSignIn={formatChinaTime(user?.last_sign_in_at)}
            cards={cards}
            panels={panels}
            passwordChanged={req.query.password_changed === '1'}
          />,
        );
      },
    );

  app.withTypeProvider<TypeBoxProvider>().get(
    '/account',
    {
      config: { policy: 'account.manage' },
      schema: { querystring: Type.Object({ changed: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const actor = req.actor!;
      const agencies = await organisationStore.agencies(db, [
        ...new Set([actor.agencyId, ...actor.grants.map((g) => g.agencyId)]),
      ]);
      const names = new Map(agencies.map((a) => [a.id, a.name]));
      const units = new Map<number, string>();
      for (const g of actor.grants) {
        if (g.unitId !== null && !units.has(g.unitId))
          units.set(g.unitId, (await organisationStore.unit(db, g.unitId))?.name ?? '');
      }
      const roles = actor.grants.map((g) => ({
        role: g.role,
        agencyName: names.get(g.agencyId) ?? '',
        unitName: g.unitId === null ? null : (units.get(g.unitId) ?? null),
      }));
      const changed = req.query.changed === '1';
      return reply.page(
        <AccountPage ctx={reply.view()} agencyName={names.get(actor.agencyId) ?? ''} roles={roles} changed={changed} />,
      );
    },
  );

  app.get(
    '/account/password',
    { config: { policy: 'account.manage', allowPasswordChangePending: true } },
    async (req, reply) => {
      return reply.page(<PasswordPage ctx={reply.view()} issues={[]} mustChange={req.actor!.mustChangePassword} />);
    },
  );

  app.post(
    '/account/password',
    { config: { policy: 'account.manage', allowPasswordChangePending: true } },
    async (req, reply) => {
      try {
        await accountService.changeOwnPassword(
          db,
          req.auditContext(),
          req.actor!.userId,
          field(req.body, 'current_password') ?? '',
          field(req.body, 'new_password') ?? '',
          field(req.body, 'confirm_password') ?? '',
          req.cookies[SESSION_COOKIE],
        );
      } catch (error) {
        if (error instanceof ValidationError) {
          const shown = invalidForm(error);
          return reply.page(
            <PasswordPage ctx={reply.view()} issues={shown.issues} mustChange={req.actor!.mustChangePassword} />,
            shown.status,
          );
        }
        throw error;
      }
      // A forced change (first sign-in, after a reset) is a step on the way to work: land on the
      // workbench, not on the account page.
      return reply.redirect(req.actor!.mustChangePassword ? '/admin?password_changed=1' : '/account?changed=1', 303);
    },
  );
}

function meta(req: FastifyRequest) {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}
