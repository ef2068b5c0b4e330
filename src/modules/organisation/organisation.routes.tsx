// Organisation admin pages and the public agency directory. The handlers live beside this file,
// one file per part: agencies and units, the leading group, users and roles, the directory API.
import type { FastifyInstance } from 'fastify';
import { agencyRoutes } from './agency.routes.tsx';
import { leadingGroupRoutes } from './leading-group.routes.tsx';
import { userRoutes } from './user.routes.tsx';
import { directoryRoutes } from './directory.routes.ts';

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  agencyRoutes(app);
  leadingGroupRoutes(app);
  userRoutes(app);
  directoryRoutes(app);
}
