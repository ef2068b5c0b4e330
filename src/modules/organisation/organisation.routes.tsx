// Organisation admin pages. (Extended in views/.)
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../platform/views/navigation.ts';
import './organisation.policy.ts';
import './organisation.ts';

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  registerNav({ href: '/admin/agencies', labelKey: 'nav.organisation', policy: 'organisation.read', order: 80 });
  registerNav({ href: '/admin/users', labelKey: 'nav.users', policy: 'organisation.user.read', order: 81 });
  void app;
}
