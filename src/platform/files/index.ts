// Files and uploads — the platform's attachment layer. Modules (publishing attachments,
// application attachments) use it like this:
//
//   // route (the form has enctype="multipart/form-data" and the usual <CsrfField>):
//   const form = await readMultipartForm(req);                 // from platform/http/uploads.ts
//   const { values, issues } = readForm(spec, form.fields);    // text fields as usual
//   issues.push(...form.issues);                                // too large / too many files
//   const files = checkUploads(form.files, PUBLICATION_KINDS, { field: 'attachment', required: true });
//   issues.push(...files.issues);                               // content decides, name must agree
//   // files.accepted: [{ field, filename, declaredMime, bytes, size, kind, mime }]
//   // (checkUpload(file, kinds) judges a single file)
//   // view: <form method="post" enctype="multipart/form-data"><CsrfField ctx={ctx} />…
//   //       <FileField ctx={ctx} name="attachment" label=… kinds={PUBLICATION_KINDS}
//   //                  maxBytes={config.uploadMaxBytes} issues={issues} multiple />
//   // service, after validation:
//   const blob = await storeBlob(config, file.bytes, { encrypt: isPersonalData });  // per accepted file
//   // → { sha256, size, kind, mime, encrypted }: keep it in your own attachment row with the
//   //   file name; there is no shared files table.
//   const text = await extractText(file.bytes, blob.kind);     // for search / scanText
//   // download route:
//   return sendBlob(reply, { sha256: row.sha256, filename: row.filename, encrypted: row.encrypted });
//
// Storage: $GONGKAI_DATA_DIR/files/plain/aa/bb/<sha256> (deduplicated, atomic writes) and
// files/sealed/aa/bb/<hmac> for encrypt: true (AES-256-GCM, or SM4 when GONGKAI_DATA_CIPHER=sm4;
// keys from GONGKAI_DATA_KEYS). Multipart forms: put the hidden _csrf field FIRST — a request
// refused for too many files stops being read there, and a token after that point is lost.
// Limits: GONGKAI_UPLOAD_MAX_BYTES (per file, default 20 MiB), GONGKAI_UPLOAD_MAX_REQUEST_BYTES
// (per request, 50 MiB), GONGKAI_UPLOAD_MAX_FILES (10). Blobs are never deleted here: several
// rows may share one, so removing them needs the owners' reference counts.
export {
  type FileKind,
  KINDS,
  DOCUMENT_KINDS,
  IMAGE_KINDS,
  PUBLICATION_KINDS,
  APPLICATION_KINDS,
  sniffKind,
  mimeOf,
  extensionOf,
} from './kinds.ts';
export {
  type UploadedFile,
  type UploadCheck,
  type AcceptedFile,
  type CheckUploadsOptions,
  checkUpload,
  checkUploads,
  safeFilename,
  formatBytes,
  kindList,
} from './check.ts';
export { type FileFieldProps, FileField, acceptAttribute } from './file-field.tsx';
export {
  type BlobConfig,
  type StoredBlob,
  type BlobRef,
  BlobIntegrityError,
  storeBlob,
  readBlob,
  hasBlob,
  blobPath,
} from './blob-store.ts';
export { type ExtractOptions, type ExtractResult, extractText, extractTextWithReport } from './extract.ts';
export { type SendBlobOptions, sendBlob, contentDisposition } from './send.ts';
export { type MultipartForm, readMultipartForm } from '../http/uploads.ts';
