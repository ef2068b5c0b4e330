// Attachments of public items: only a file of the version the public sees now (the publishing
// module's `publishedAttachment` is the one way in), sent by platform/files with the sniffed
// type, nosniff and a download disposition (PDFs and images inline).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { publishedAttachment } from '../publishing/index.ts';
import { sendBlob } from '../../platform/files/send.ts';
import { positiveId } from './portal-support.ts';

export function attachmentRoute(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const params = Type.Object({ id: Type.String(), aid: Type.String() });
  app
    .withTypeProvider<TypeBoxProvider>()
    .get('/items/:id/attachments/:aid', { config: { public: true }, schema: { params } }, async (req, reply) => {
      const id = positiveId(req.params.id);
      const aid = positiveId(req.params.aid);
      const file = id && aid ? await publishedAttachment(db, id, aid) : undefined;
      if (!file) return reply.callNotFound();
      return sendBlob(reply, { sha256: file.sha256, filename: file.filename });
    });
}
