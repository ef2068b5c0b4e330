// The annual-report JSON Schema (draft 2020-12) compiled once, for tests and for the CLI's self-check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv ships CommonJS; require() gives its constructor without ESM default-interop guessing.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as { default: new (o: object) => { compile(s: object): ValidateFunction } };
const addFormats = require('ajv-formats') as { default: (ajv: unknown) => void };

const schemaPath = fileURLToPath(new URL('../../../schemas/annual-report.schema.json', import.meta.url));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** Schema errors as "path message" lines; empty when valid. */
export function validateAgainstSchema(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
