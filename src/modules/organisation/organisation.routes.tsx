// Organisation admin pages and the public agency directory. The handlers live beside this file,
// one file per part: agencies and units, the leading group, users and roles, the directory API.
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../platform/views/navigation.ts';
import './organisation.policy.ts';
import './organisation.ts';
import './organisation.messages.ts';
import { agencyRoutes } from './agency.routes.tsx';
import { leadingGroupRoutes } from './leading-group.routes.tsx';
import { userRoutes } from './user.routes.tsx';
import { directoryRoutes } from './directory.routes.ts';

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  registerNav({ href: '/admin/agencies', labelKey: 'nav.organisation', policy: 'organisation.read', order: 80 });
  registerNav({
    href: '/admin/leading-group',
    labelKey: 'nav.leading_group',
    policy: 'organisation.leading_group.manage',
    order: 79,
    unless: 'organisation.read',
  });
  registerNav({ href: '/admin/users', labelKey: 'nav.users', policy: 'organisation.user.read', order: 81 });
  agencyRoutes(app);
  leadingGroupRoutes(app);
  userRoutes(app);
  directoryRoutes(app);
}
