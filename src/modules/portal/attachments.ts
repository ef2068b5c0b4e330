// Attachments of public items: only a file of the version the public sees now (the publishing
// module's `publishedAttachment` is the one way in), sent by platform/files with the sniffed
// type, nosniff and a download disposition (PDFs and images inline).
import type { FastifyInstance } from 'fastify';
import { publishedAttachment } from '../publishing/index.ts';
import { sendBlob } from '../../platform/files/send.ts';
import { positiveId } from './portal-support.ts';

export function attachmentRoute(app: FastifyInstance): void {
  const db = app.deps.database.db;
  app.get('/items/:id/attachments/:aid', { config: { public: true } }, async (req, reply) => {
    const p = req.params as { id: string; aid: string };
    const id = positiveId(p.id);
    const aid = positiveId(p.aid);
    const file = id && aid ? await publishedAttachment(db, id, aid) : undefined;
    if (!file) return reply.callNotFound();
    return sendBlob(reply, { sha256: file.sha256, filename: file.filename });
  });
}
