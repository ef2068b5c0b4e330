// Disclosure on application over HTTP: the public form and tracking pages, the console of the
// disclosure office and the deadline API. The personal-data vault and the proof-of-work key
// are built here from the configuration; the handlers live beside this file, one per audience.
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../platform/views/navigation.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { powSecret, type PowOptions } from '../../platform/pow.ts';
import './applications.policy.ts';
import './applications.messages.ts';
import './applications.clock.ts';
import { createApplicationsService } from './applications.service.ts';
import { createApplicantService } from './applicant.service.ts';
import { publicApplicationRoutes } from './public.routes.tsx';
import { consoleApplicationRoutes } from './console.routes.tsx';

/** A phone solves 16 bits in about a second; the challenge lives half an hour (a long form). */
export const POW_DIFFICULTY = 16;

export async function applicationRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const keys = resolveDataKeys(config.personalDataKeys, config.dataDir);
  const vault = createVault(config.personalDataCipher, keys);
  const service = createApplicationsService(vault);
  const applicant = createApplicantService(vault);
  const pow: PowOptions = { secret: powSecret(keys[0]!), difficulty: POW_DIFFICULTY, ttlSeconds: 30 * 60, minSecondsForQuestion: 3 };
  registerNav({ href: '/admin/applications', labelKey: 'nav.applications', policy: 'applications.list', order: 30 });
  publicApplicationRoutes(app, service, applicant, pow);
  consoleApplicationRoutes(app, service, applicant);
}
