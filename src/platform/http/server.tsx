// The HTTP server. Every route goes through the same pipeline:
//   onRequest:  locale, session → actor
//   preHandler: signed in? → password change pending? → route policy → CSRF (unsafe methods)
//   handler:    validate → load → authorize(resource) → service (transaction + audit) → render
import { createHmac, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import './types.ts';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { CSRF_COOKIE, loadSession, SESSION_COOKIE, sessionId } from '../auth/session.ts';
import { resolveDataKeys } from '../crypto/personal-data.ts';
import { sameOrigin } from './origin-check.ts';
import { isRegisteredAction, can } from '../policy.ts';
import { parseLocale, translator, type Locale } from '../i18n/i18n.ts';
import { AppError, ValidationError } from '../errors.ts';
import { pick, textOf } from '../i18n/i18n.ts';
import type { ViewContext } from '../views/context.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { publicFrameOf } from '../views/public-site.ts';
import { registerAssets, assetUrls } from './assets.ts';
import { registerUploads } from './uploads.ts';
import { registerJsonLimits } from './body-limits.ts';
import { registerRateLimits } from './rate-limits.ts';

export interface RouteRecord {
  readonly method: string;
  readonly url: string;
  readonly policy: string | undefined;
  readonly public: boolean;
  /** The route's Fastify schema (TypeBox), used for the OpenAPI document of /api/v1. */
  readonly schema?: Record<string, unknown>;
}

export interface AppDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RouteRecord[];
  }
}

const LOCALE_COOKIE = 'gk_lang';

export function wantsJson(req: FastifyRequest): boolean {
  return (
    req.url.startsWith('/api/') || req.url === '/healthz' || (req.headers.accept ?? '').startsWith('application/json')
  );
}

export async function createServer(deps: AppDeps, logger: boolean | object = true): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger:
      logger === true
        ? {
            level: config.logLevel,
            // Never log cookies, authorization headers or bodies: they carry sessions and personal data.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          }
        : logger,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.decorate('deps', deps);
  app.decorate('routeTable', [] as RouteRecord[]);

  // Deny by default: a route that names no policy and is not explicitly public cannot be added.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { policy?: string; public?: boolean; signedCalls?: boolean };
    if (config.signedCalls && !config.public)
      throw new Error(`route ${String(route.method)} ${route.url} has signedCalls without public: true`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (!config.public && !config.policy) {
        throw new Error(`route ${method} ${route.url} has neither a policy nor public: true`);
      }
      if (config.policy && !isRegisteredAction(config.policy)) {
        throw new Error(`route ${method} ${route.url} names unknown policy ${config.policy}`);
      }
      app.routeTable.push({
        method,
        url: route.url,
        policy: config.policy,
        public: Boolean(config.public),
        schema: route.schema as Record<string, unknown> | undefined,
      });
    }
  });

  await app.register(cookie);
  // A state-changing request from another site's page is refused before anything else is done
  // with it — before its body is read (origin-check.ts).
  app.addHook('onRequest', async (req) => {
    const method = req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
    if (!sameOrigin(req, config.publicUrl)) {
      throw Object.assign(new Error('cross-origin request'), { code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 });
    }
  });
  await app.register(formbody);
  registerJsonLimits(app);
  // A multipart form's files are read only after its text fields pass this same CSRF check.
  await registerUploads(app, config, (req, reply) => {
    let passed = false;
    app.csrfProtection(req, reply, () => {
      passed = true;
    });
    return passed;
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await registerRateLimits(app);
  // CSRF tokens are bound to the session (userInfo: the stored id of the session token), so a
  // token minted before sign-in, or for another session, is refused after it; and the secret
  // cookie is dropped at sign-in (account.routes.tsx), so it is rotated with each session.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: false },
    csrfOpts: {
      hmacKey: createHmac('sha256', Buffer.from(resolveDataKeys(config.personalDataKeys, config.dataDir)[0]!, 'hex'))
        .update('gongkai/csrf-token')
        .digest(),
    },
    getUserInfo: (req: FastifyRequest) => csrfBinding(req),
  });
  registerAssets(app);

  app.decorateRequest('actor', undefined);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('publicFrame', undefined);
  app.decorateRequest('t', null as never);
  app.decorateRequest('auditContext', function (this: FastifyRequest) {
    return {
      actorUserId: this.actor?.userId ?? null,
      actorName: this.actor?.username ?? 'anonymous',
      ip: this.ip ?? null,
    };
  });

  const csrfTokens = new WeakMap<FastifyReply, string>();
  app.decorateReply('view', function (this: FastifyReply): ViewContext {
    let token = csrfTokens.get(this);
    if (!token) {
      token = this.generateCsrf({ userInfo: csrfBinding(this.request) });
      csrfTokens.set(this, token);
    }
    const req = this.request;
    return {
      locale: req.locale,
      t: translator(req.locale),
      actor: req.actor,
      csrfToken: token,
      path: req.url.split('?')[0] ?? '/',
      requestId: String(req.id),
      assets: assetUrls(),
      publicFrame: req.publicFrame,
    };
  });
  // A public page wears the public site's frame, whichever module renders it.
  app.addHook('preHandler', async (req) => {
    if (!req.routeOptions.config?.public) return;
    const frame = publicFrameOf(req);
    if (frame) req.publicFrame = await frame;
  });
  app.decorateReply('page', function (this: FastifyReply, node: VNode, status = 200) {
    this.header('cache-control', 'no-store');
    return this.code(status)
      .type('text/html; charset=utf-8')
      .send('<!doctype html>' + render(node));
  });

  app.addHook('onRequest', async (req, reply) => {
    const query = req.query as Record<string, unknown> | undefined;
    const fromQuery = parseLocale(query?.lang);
    if (fromQuery) {
      reply.setCookie(LOCALE_COOKIE, fromQuery, {
        path: '/',
        sameSite: 'lax',
        maxAge: 365 * 24 * 3600,
        secure: config.secureCookies,
      });
    }
    req.locale = fromQuery ?? parseLocale(req.cookies[LOCALE_COOKIE]) ?? acceptLanguage(req) ?? config.defaultLocale;
    req.t = translator(req.locale);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const lookup = await loadSession(database.db, token, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      });
      if (lookup.status === 'active') req.actor = lookup.actor;
      else {
        req.sessionExpired = lookup.status === 'expired';
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  app.addHook('preHandler', async (req, reply) => {
    const routeConfig = req.routeOptions.config ?? {};
    const method = req.method;
    // An address that matches no route has nothing to protect: it answers 404 to everyone.
    if (req.is404) return;
    if (!routeConfig.public) {
      if (!req.actor) {
        if (wantsJson(req) || method !== 'GET') {
          throw new AppError(401, 'unauthenticated', textOf('error.unauthenticated'));
        }
        const next = encodeURIComponent(req.url);
        return reply.redirect(`/sign-in?next=${next}${req.sessionExpired ? '&expired=1' : ''}`, 303);
      }
      if (req.actor.mustChangePassword && !routeConfig.allowPasswordChangePending) {
        if (method === 'GET' && !wantsJson(req)) return reply.redirect('/account/password', 303);
        throw new AppError(403, 'password_change_required', textOf('account.must_change'));
      }
      if (!can(req.actor, routeConfig.policy!)) {
        throw new AppError(403, 'forbidden', textOf('error.forbidden'));
      }
    }
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !routeConfig.signedCalls) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
      if (reply.sent) return reply;
    }
  });

  app.setNotFoundHandler(async (req, reply) => {
    if (wantsJson(req))
      return reply.code(404).send({ error: { code: 'not_found', message: textOf('error.not_found') } });
    const ctx = reply.view();
    return reply.page(
      <ErrorPage ctx={ctx} status={404} title={ctx.t('error.not_found')} hint={ctx.t('error.not_found_hint')} />,
      404,
    );
  });

  app.setErrorHandler(
    async (error: Error & { statusCode?: number; code?: string; validationContext?: string }, req, reply) => {
      let status = 500;
      let code = 'internal';
      let message = textOf('error.internal_hint', { requestId: String(req.id) });
      let title = textOf('error.internal');
      let issues: ValidationError['issues'] = [];
      if (error instanceof AppError) {
        status = error.status;
        code = error.code;
        message = error.text;
        title = error.text;
        if (error instanceof ValidationError) issues = error.issues;
      } else if (error.validationContext === 'params') {
        // A route parameter that fails its schema (route-kit's IdParams) names no page, as idParam says.
        status = 404;
        code = 'not_found';
        message = title = textOf('error.not_found');
      } else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
        status = 403;
        code = 'csrf';
        message = title = textOf('error.csrf');
      } else if (error.statusCode === 429) {
        status = 429;
        code = 'rate_limited';
        message = title = textOf('error.rate_limited');
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        // Fastify's own client errors (malformed body, wrong content type): no internals shown.
        status = error.statusCode;
        code = 'bad_request';
        message = title = textOf('error.invalid');
      }
      if (status >= 500) req.log.error({ err: error }, 'unhandled error');
      else req.log.info({ code, status }, 'request rejected');
      if (wantsJson(req)) {
        return reply
          .code(status)
          .send({ error: { code, message, issues: issues.map((i) => ({ field: i.field, message: i.message })) } });
      }
      const ctx = reply.view();
      const hint = status === 403 && code === 'forbidden' ? ctx.t('error.forbidden_hint') : pick(ctx.locale, message);
      return reply.page(<ErrorPage ctx={ctx} status={status} title={pick(ctx.locale, title)} hint={hint} />, status);
    },
  );

  return app;
}

/** What a CSRF token is bound to: the signed-in session, or 'anonymous' for a form without one
 *  (the library refuses an empty binding). */
function csrfBinding(req: FastifyRequest): string {
  const token = req.cookies[SESSION_COOKIE];
  return req.actor && token ? sessionId(token) : 'anonymous';
}

function acceptLanguage(req: FastifyRequest): Locale | undefined {
  const header = req.headers['accept-language'];
  if (!header) return undefined;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return undefined;
}
