import type { VNode } from 'preact';
import type { Actor } from '../policy.ts';
import type { Locale, Translator } from '../i18n/i18n.ts';
import type { AuditContext } from '../audit/audit.ts';
import type { ViewContext } from '../views/context.ts';
import type { PublicFrame } from '../views/public-site.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action the route needs (a registered policy), checked before the handler. */
    policy?: string;
    /** Reachable without signing in (sign-in page, health, the public portal). */
    public?: boolean;
    /** A public route whose caller proves itself by signing each request (a webhook): it has no
     *  session, so it has no CSRF token either; the route checks the signature itself. */
    signedCalls?: boolean;
    /** Reachable while the user still has to change a generated password. */
    allowPasswordChangePending?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
    locale: Locale;
    t: Translator;
    /** Who, from where: every audit event written for this request uses it. */
    auditContext(): AuditContext;
    sessionExpired: boolean;
    /** On a public route: the public site's frame (views/public-site.ts). */
    publicFrame: PublicFrame | undefined;
  }
  interface FastifyReply {
    /** Renders a page (with the layout it contains) as an HTML document. */
    page(node: VNode, status?: number): FastifyReply;
    view(): ViewContext;
  }
}

export {};
