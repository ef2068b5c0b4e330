// A throwaway server for upload tests: the platform's real pipeline (session, policy, CSRF,
// multipart) with test-only routes that read, check, store and serve files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/platform/http/server.tsx';
import { readMultipartForm } from '../../src/platform/http/uploads.ts';
import { checkUpload, PUBLICATION_KINDS, sendBlob, storeBlob } from '../../src/platform/files/index.ts';
import type { Config } from '../../src/config.ts';
import { testConfig, type Client } from './app.ts';
import { freshDatabase } from './database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

export const BOUNDARY = '----gongkaiTestBoundary7MA4YWxkTrZu0gW';

export function multipart(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.filename !== undefined ? `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export async function uploadApp(overrides: Partial<Config>): Promise<{ app: FastifyInstance; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-uploads-'));
  const db = await freshDatabase('sqlite');
  // Public pages wear the site's frame (its footer reads the agencies): the schema must be there.
  await migrateToLatest(db.handle.db);
  const config = testConfig({ dataDir, personalDataKeys: ['1'.repeat(64)], ...overrides });
  const app = await createServer({ config, database: db.handle, version: 'test' }, false);
  // Throwaway routes, only in this test's own server.
  app.get('/t/form', { config: { public: true } }, async (_req, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><title>upload</title><form method="post" action="/t/upload" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${reply.view().csrfToken}"><label for="title">Title</label><input id="title" name="title"><label for="attachment">File</label><input id="attachment" type="file" name="attachment" multiple><button>Upload</button></form>`,
      );
  });
  app.post('/t/upload', { config: { public: true } }, async (req) => {
    const form = await readMultipartForm(req);
    const issues = [...form.issues];
    const stored = [];
    for (const file of form.files) {
      const check = checkUpload(file, PUBLICATION_KINDS);
      if (!check.ok) issues.push(check.issue);
      else
        stored.push({
          field: file.field,
          filename: file.filename,
          ...(await storeBlob(config, file.bytes, { encrypt: form.fields.personal === '1' })),
        });
    }
    return { fields: form.fields, stored, issues };
  });
  app.post('/t/private', { config: { policy: 'organisation.read' } }, async (req) => ({
    files: (await readMultipartForm(req)).files.length,
  }));
  app.get('/t/blob/:sha', { config: { public: true } }, async (req, reply) => {
    const { sha } = req.params as { sha: string };
    const q = req.query as { name?: string; encrypted?: string };
    return sendBlob(reply, { sha256: sha, filename: q.name ?? 'file', encrypted: q.encrypted === '1' });
  });
  await app.ready();
  return {
    app,
    async drop() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postMultipart(app: FastifyInstance, client: Client, url: string, parts: Part[]) {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: client.cookieHeader(),
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      accept: 'application/json',
    },
    payload: multipart(parts),
  });
}
