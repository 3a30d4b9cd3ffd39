/**
 * The one place where errors become HTTP: status code and CKAN's error envelope
 * `{help, success:false, error:{__type, message, ...fields}}`. Unknown errors are logged
 * and answered with a generic message; internals never reach the caller. Messages are in the
 * language the request prefers (i18n/messages.ts); `__type`s stay CKAN's.
 */
import type { FastifyBaseLogger } from 'fastify';
import { type ErrorCode, type FieldErrors, isKendaliError } from '../core/errors.js';
import { type MessageLanguage, translateMessage } from '../i18n/messages.js';

interface Mapping {
  readonly status: number;
  readonly type: string;
}

/** CKAN's statuses and `__type`s (ckan/views/api.py), plus 405 for a GET on a write action. */
const BY_CODE: Record<ErrorCode, Mapping> = {
  NOT_FOUND: { status: 404, type: 'Not Found Error' },
  FORBIDDEN: { status: 403, type: 'Authorization Error' },
  VALIDATION: { status: 409, type: 'Validation Error' },
  BAD_REQUEST: { status: 400, type: 'Bad Request' },
  METHOD_NOT_ALLOWED: { status: 405, type: 'Bad Request' },
  CONFLICT: { status: 409, type: 'Conflict' },
  UNAUTHORIZED: { status: 401, type: 'Authorization Error' },
  TOO_MANY_REQUESTS: { status: 429, type: 'Too Many Requests' },
  CONFIG: { status: 500, type: 'Internal Server Error' },
  INTERNAL: { status: 500, type: 'Internal Server Error' },
};

export interface ErrorBody {
  readonly __type: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export interface MappedError {
  readonly status: number;
  readonly body: ErrorBody;
}

interface HttpLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Each field's messages in `lang`. */
function translatedFields(fields: FieldErrors | undefined, lang: MessageLanguage): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(fields ?? {}))
    out[field] = messages.map((m) => translateMessage(m, lang));
  return out;
}

export function mapError(err: unknown, log: FastifyBaseLogger, lang: MessageLanguage = 'en'): MappedError {
  const tr = (m: string) => translateMessage(m, lang);
  if (isKendaliError(err) && err.code !== 'INTERNAL' && err.code !== 'CONFIG') {
    const m = BY_CODE[err.code];
    const message = err.code === 'BAD_REQUEST' ? tr(`Bad request - ${err.message}`) : tr(err.message);
    return { status: m.status, body: { __type: m.type, message, ...translatedFields(err.fields, lang) } };
  }
  // Fastify's own client errors (malformed JSON, body too large, unsupported media type).
  const h = err as HttpLikeError;
  if (!isKendaliError(err) && typeof h.statusCode === 'number' && h.statusCode >= 400 && h.statusCode < 500) {
    const prefix =
      h.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(h.message ?? '') ? 'JSON Error: ' : '';
    return {
      status: h.statusCode,
      body: { __type: 'Bad Request', message: `Bad request - ${prefix}${h.message ?? 'invalid request'}` },
    };
  }
  log.error({ err }, 'internal error');
  return { status: 500, body: { __type: 'Internal Server Error', message: tr('Internal server error') } };
}
