// Multipart (file upload) forms. The body is read in a preValidation hook, before the CSRF check
// in the preHandler, so the `_csrf` field of a multipart form is seen exactly as in an ordinary
// form: the hook puts the text fields on req.body. Files are buffered in memory within the
// configured limits; a file over a limit is drained and dropped and becomes a validation issue
// the route shows in its error summary, never a 500. Nothing is read of a request that will be
// refused anyway: not signed in or no permission; a declared length past the request limit
// (413) or no declared length (411); and no file byte is read before the text fields in front of
// it have passed the CSRF check — so the hidden _csrf field must come first in the form.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError, issue, type ValidationIssue } from '../errors.ts';
import { textOf } from '../i18n/i18n.ts';
import { can } from '../policy.ts';
import { formatBytes, safeFilename, type UploadedFile } from '../files/check.ts';

export type { UploadedFile } from '../files/check.ts';

export interface MultipartForm {
  /** Text fields (the first value of each name), ready for readForm(spec, fields). */
  readonly fields: Record<string, string>;
  /** Files that were chosen and fit the limits, in form order. Not yet type-checked: use checkUpload. */
  readonly files: UploadedFile[];
  /** Files refused while reading (too large, too many): show them with the route's own issues. */
  readonly issues: ValidationIssue[];
}

export type UploadLimits = Pick<Config, 'uploadMaxBytes' | 'uploadMaxRequestBytes' | 'uploadMaxFiles'>;

/** True when the request's CSRF token (from req.body) is valid; otherwise the refusal is already
 *  being sent. server.tsx passes the same check its preHandler applies. */
export type CsrfCheck = (req: FastifyRequest, reply: FastifyReply) => boolean;

/** Room for the text fields and part headers beside the files, in a declared request length. */
const FIELDS_ALLOWANCE = 1024 * 1024;

const parsed = new WeakMap<FastifyRequest, MultipartForm>();

/** Registers multipart parsing on the root instance (server.tsx calls it once). */
export async function registerUploads(app: FastifyInstance, limits: UploadLimits, csrf: CsrfCheck): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: limits.uploadMaxBytes,
      files: limits.uploadMaxFiles,
      fields: 200,
      fieldSize: 1024 * 1024,
      parts: limits.uploadMaxFiles + 200,
      headerPairs: 100,
    },
    throwFileSizeLimit: false,
  });
  app.addHook('preValidation', async (req, reply) => {
    if (req.is404 || !req.isMultipart()) return;
    const route = req.routeOptions.config ?? {};
    const allowed =
      route.public || (req.actor !== undefined && route.policy !== undefined && can(req.actor, route.policy));
    if (!allowed) return;
    // Refused before reading: the connection is closed after the answer, so the unread body is
    // dropped rather than drained.
    const declared = Number(req.headers['content-length']);
    if (!Number.isFinite(declared)) {
      reply.header('connection', 'close');
      throw new AppError(411, 'length_required', textOf('error.length_required'));
    }
    if (declared > limits.uploadMaxRequestBytes + FIELDS_ALLOWANCE) {
      reply.header('connection', 'close');
      throw new AppError(
        413,
        'request_too_large',
        textOf('file.request_too_large', { max: formatBytes(limits.uploadMaxRequestBytes) }),
      );
    }
    const form = await readParts(req, limits, (fieldsSoFar) => {
      req.body = { ...fieldsSoFar };
      // Set first: a refusal is sent from inside the check.
      reply.header('connection', 'close');
      const passed = csrf(req, reply);
      if (passed) reply.removeHeader('connection');
      return passed;
    });
    if (!form) return reply;
    parsed.set(req, form);
    req.body = form.fields;
  });
}

/** The parts of the body; undefined when `beforeFirstFile` refused the request (a reply is on
 *  its way), in which case no byte of any file was read. */
async function readParts(
  req: FastifyRequest,
  limits: UploadLimits,
  beforeFirstFile: (fieldsSoFar: Record<string, string>) => boolean,
): Promise<MultipartForm | undefined> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const files: UploadedFile[] = [];
  const issues: ValidationIssue[] = [];
  let total = 0;
  let totalReported = false;
  let checked = false;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (!(part.fieldname in fields))
          fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        continue;
      }
      if (!checked) {
        checked = true;
        if (!beforeFirstFile(fields)) return undefined;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (total + size <= limits.uploadMaxRequestBytes) chunks.push(chunk);
      }
      // A file input left empty still sends a part, with no name and no bytes.
      if (part.filename === '' && size === 0) continue;
      const filename = safeFilename(part.filename);
      if (part.file.truncated) {
        issues.push(
          issue(part.fieldname, 'file.too_large', { name: filename, max: formatBytes(limits.uploadMaxBytes) }),
        );
      } else if (total + size > limits.uploadMaxRequestBytes) {
        if (!totalReported)
          issues.push(
            issue(part.fieldname, 'file.request_too_large', { max: formatBytes(limits.uploadMaxRequestBytes) }),
          );
        totalReported = true;
      } else {
        total += size;
        const bytes = Buffer.concat(chunks, size);
        files.push({ field: part.fieldname, filename, declaredMime: part.mimetype, bytes, size });
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT')
      issues.push(issue(files[0]?.field ?? 'file', 'file.too_many', { max: limits.uploadMaxFiles }));
    else throw new AppError(400, 'bad_request', textOf('file.malformed'));
  }
  return { fields: { ...fields }, files, issues };
}

/** The form of a multipart request (already read by the hook), or of an ordinary form post
 *  (no files) so one route can take both. Call it in the handler of a route that accepts files. */
export async function readMultipartForm(req: FastifyRequest): Promise<MultipartForm> {
  const form = parsed.get(req);
  if (form) return form;
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body))
    fields[name] = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
  return { fields, files: [], issues: [] };
}
