// Request helpers of the publishing routes, kept out of the route file so that another module's
// routes (reports/publication) can use them through the module's index.ts without importing a
// route file. The shared route toolkit (platform/http) is to replace them.
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.ts';
import type { Caller } from './publishing.service.ts';

export function idParam(req: FastifyRequest): number {
  const raw = (req.params as Record<string, string | undefined>).id;
  if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

export function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function caller(req: FastifyRequest): Caller {
  return { actor: req.actor!, ctx: req.auditContext() };
}
