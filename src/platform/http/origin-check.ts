// Origin check for state-changing requests (issue 14 finding 6, OWASP ASVS 4.0 §13.2.3 / 50.x):
// a browser names the page a POST comes from in the Origin header; one from anywhere but this
// site — the address the request itself was made to, or the configured public URL — is refused
// before its body is read, whatever its CSRF token. A request without Origin (a script, an old
// browser) still needs a valid CSRF token, which is bound to the session (server.tsx).
import type { FastifyRequest } from 'fastify';

/** The origins a state-changing request may come from. */
export function allowedOrigins(req: FastifyRequest, publicUrl: string | undefined): string[] {
  const own = `${req.protocol}://${req.host}`;
  const origins = [own.toLowerCase()];
  if (publicUrl) {
    try {
      origins.push(new URL(publicUrl).origin.toLowerCase());
    } catch {
      // config.ts validated it; nothing to add.
    }
  }
  return origins;
}

/** False when the request shows it was sent by another site's page. */
export function sameOrigin(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  // "null" is what a browser sends when it withholds the origin — our own pages do, since their
  // Referrer-Policy is no-referrer (helmet), so Chromium posts every form with `Origin: null`.
  // It names no site; Sec-Fetch-Site (and the session-bound CSRF token) still decide.
  if (typeof origin === 'string' && origin !== '' && origin.trim() !== 'null') {
    return allowedOrigins(req, publicUrl).includes(origin.trim().toLowerCase());
  }
  // Without Origin, a browser still says in Sec-Fetch-Site whether the request is cross-site.
  return req.headers['sec-fetch-site'] !== 'cross-site';
}
