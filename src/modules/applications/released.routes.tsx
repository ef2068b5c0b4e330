// The disclosure office attaches the information released with a reply (answer.service.ts), for the
// applicant to download from the tracking page after the proof. Its own page beside the case.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/policy.ts';
import { issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { idParam, invalidForm } from '../../platform/http/route-kit.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { applicationsStore as store } from './applications.store.ts';
import type { ApplicationRow } from './applications.table.ts';
import { releasedFiles, type AnswerService } from './answer.service.ts';
import { ReleasedFilesPage } from './views/released-page.tsx';

export function releasedFileRoutes(app: FastifyInstance, answers: AnswerService): void {
  const db = app.deps.database.db;

  async function loadCase(req: FastifyRequest): Promise<ApplicationRow> {
    const found = await store.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, 'applications.handle', { agencyId: found.agency_id, unitId: found.assigned_unit_id });
    return found;
  }

  async function page(
    reply: FastifyReply,
    found: ApplicationRow,
    shown: { issues?: readonly ValidationIssue[]; status?: number },
  ) {
    const files = await releasedFiles(db, found.id);
    return reply.page(
      <ReleasedFilesPage
        ctx={reply.view()}
        applicationId={found.id}
        trackingCode={found.tracking_code}
        files={files.map((f) => ({ name: f.name, kilobytes: Math.max(1, Math.round(f.bytes / 1024)) }))}
        issues={shown.issues ?? []}
      />,
      shown.status ?? 200,
    );
  }

  app.get('/admin/applications/:id/released', { config: { policy: 'applications.handle' } }, async (req, reply) =>
    page(reply, await loadCase(req), {}),
  );

  app.post('/admin/applications/:id/released', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const found = await loadCase(req);
    const upload = await readMultipartForm(req);
    if (upload.issues.length) return page(reply, found, invalidForm(upload.issues));
    try {
      const files = upload.files
        .filter((f) => f.field === 'released')
        .map((f) => ({ name: f.filename, data: f.bytes }));
      if (files.length === 0) return page(reply, found, invalidForm([issue('released', 'file.required')]));
      await answers.attachReleased(db, req.auditContext(), found.id, files);
      return reply.redirect(`/admin/applications/${found.id}/released`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return page(reply, found, invalidForm(error));
      throw error;
    }
  });
}
