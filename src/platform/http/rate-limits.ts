// Rate limits. A route names its own limit (config.rateLimit: { max, timeWindow }), counted per
// client address as @fastify/rate-limit does by default — an IPv4 address, or an IPv6 /64, which
// is what one subscriber gets (RFC 6177), so counting single IPv6 addresses would let one machine
// be 2^64 clients. Someone with a block of addresses could still spread a flood over it: so each
// such route also gets a limit per network prefix, PREFIX_FACTOR times the route's own, counted
// per IPv4 /24 and per IPv6 /48 (a site's usual allocation). A shared office network (one NAT
// address, or a few in one /24) is not hurt by the second limit before the first.
import { isIPv4, isIPv6 } from 'node:net';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const PREFIX_FACTOR = 3;

/** The network a client address belongs to for the prefix limit: a.b.c.0/24 or the IPv6 /48. */
export function addressPrefix(ip: string): string {
  const address = normalizeIP(ip, 48); // also maps ::ffff:a.b.c.d to a.b.c.d
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) return `${address}/48`;
  return address;
}

export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
  app.addHook('onRoute', (route) => {
    const own = route.config?.rateLimit;
    if (!own || typeof own.max !== 'number') return;
    const prefixLimit = app.createRateLimit({
      max: own.max * PREFIX_FACTOR,
      timeWindow: own.timeWindow,
      keyGenerator: (req: FastifyRequest) => addressPrefix(req.ip),
    });
    const hook = async (req: FastifyRequest, reply: FastifyReply) => {
      const verdict = await prefixLimit(req);
      if (!verdict.isAllowed && verdict.isExceeded) {
        reply.header('retry-after', String(verdict.ttlInSeconds));
        throw Object.assign(new Error('rate limit of the network prefix'), {
          statusCode: 429,
        });
      }
    };
    const existing = route.onRequest;
    route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), hook];
  });
}
