/**
 * Coded errors. Every error a caller may see is made here; `http/errors.ts` maps them to
 * HTTP statuses and CKAN's error envelope in one place. Anything else is an internal error
 * whose message never reaches the caller.
 */

export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'VALIDATION'
  | 'BAD_REQUEST'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'TOO_MANY_REQUESTS'
  | 'CONFIG'
  | 'INTERNAL';

/** Field path (dotted, e.g. `resources.0.url`) → messages, as CKAN's Validation Error carries them. */
export type FieldErrors = Record<string, string[]>;

export class KendaliError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KendaliError';
    this.code = code;
    this.fields = fields;
  }
}

export const notFound = (what: string): KendaliError => new KendaliError('NOT_FOUND', `Not found: ${what}`);

export const forbidden = (reason: string): KendaliError => new KendaliError('FORBIDDEN', reason);

export const badRequest = (message: string): KendaliError => new KendaliError('BAD_REQUEST', message);

export const conflict = (message: string): KendaliError => new KendaliError('CONFLICT', message);

/** Not signed in where a signed-in caller is needed (401). */
export const unauthorized = (message: string): KendaliError => new KendaliError('UNAUTHORIZED', message);

/** Too many attempts; the HTTP layer adds `Retry-After` (429). */
export const tooManyRequests = (message: string): KendaliError =>
  new KendaliError('TOO_MANY_REQUESTS', message);

export const methodNotAllowed = (message: string): KendaliError =>
  new KendaliError('METHOD_NOT_ALLOWED', message);

export const validation = (fields: FieldErrors, message = 'Validation error'): KendaliError =>
  new KendaliError('VALIDATION', message, fields);

export const configError = (message: string): KendaliError => new KendaliError('CONFIG', message);

export const internal = (message: string, cause?: unknown): KendaliError =>
  new KendaliError('INTERNAL', message, undefined, { cause });

export const isKendaliError = (e: unknown): e is KendaliError => e instanceof KendaliError;

/** A coded error as one line: its message, then each field's reasons in parentheses. */
export const errorLine = (e: KendaliError): string =>
  e.fields
    ? `${e.message} (${Object.entries(e.fields)
        .map(([k, v]) => `${k}: ${v.join(', ')}`)
        .join('; ')})`
    : e.message;

/** Adds `message` to `errors[field]`, for collecting every bad field before one Validation error. */
export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  errors[field] = [...(errors[field] ?? []), message];
}
