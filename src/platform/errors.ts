// Errors that carry an HTTP status and a message in both languages. Anything else that reaches
// the error handler is a bug: it is logged with the request id and the user sees a plain 500.
import { textOf, type Params, type Text } from './i18n/i18n.ts';

export interface ValidationIssue {
  /** The form field (input name) the issue belongs to, for the error summary's links. */
  readonly field: string;
  readonly message: Text;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'error.not_found') {
    super(404, 'not_found', textOf(what));
  }
}

export class ForbiddenError extends AppError {
  constructor(key = 'error.forbidden') {
    super(403, 'forbidden', textOf(key));
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'unauthenticated', textOf('error.unauthenticated'));
  }
}

export class ConflictError extends AppError {
  constructor(key: string, params?: Params) {
    super(409, 'conflict', textOf(key, params));
  }
}

export class ValidationError extends AppError {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(422, 'invalid', textOf('error.invalid'));
  }
}

export function issue(field: string, key: string, params?: Params): ValidationIssue {
  return { field, message: textOf(key, params) };
}
