/**
 * Client for Kendali's CKAN Action API (`/api/3/action/<name>`). Read actions (`*_show`, `*_list`,
 * `*_search`, `*_autocomplete`) are GETs with the input as query parameters; every other action is a
 * JSON POST. CKAN's envelope is unwrapped: `{success:true,result}` yields `result`, anything else
 * throws an `ApiError` carrying CKAN's `__type` (e.g. "Not Found Error").
 */

export type ActionInput = Readonly<Record<string, unknown>>;
export type FieldErrors = Record<string, string[]>;

export interface CallOptions {
  /** Overrides the method chosen from the action's name. */
  readonly method?: 'GET' | 'POST';
  readonly signal?: AbortSignal;
}

export class ApiError extends Error {
  /** CKAN's `__type`, or `Network Error` / `Invalid Response` when no envelope arrived. */
  readonly type: string;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly action: string;
  /** Per-field messages of a `Validation Error`. */
  readonly fields: FieldErrors;

  constructor(action: string, type: string, message: string, status: number, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.action = action;
    this.type = type;
    this.status = status;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token (from sign-in or `/api/auth/me`), sent with every POST; null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * The language of the page (set with the UI's language): the server answers errors in it. CKAN's
 * clients, which send no Indonesian preference, keep English.
 */
const language = (): string => (typeof document !== 'undefined' && document.documentElement.lang) || 'id';

/** Headers of a GET. */
export const getHeaders = (): Record<string, string> => ({
  Accept: 'application/json',
  'Accept-Language': language(),
});

/** Headers of a POST made with the session cookie. */
export const postHeaders = (): Record<string, string> => ({
  ...getHeaders(),
  'Content-Type': 'application/json',
  ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
});

const ACTION_NAME = /^[a-z][a-z0-9_]*$/;
const READ_SUFFIXES = ['_show', '_list', '_search', '_autocomplete'];

export const isReadAction = (name: string): boolean => READ_SUFFIXES.some((suffix) => name.endsWith(suffix));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Query parameters CKAN-style: scalars as text, arrays repeated, objects as JSON. */
export function toQuery(input: ActionInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values)
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

function toApiError(action: string, status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return new ApiError(action, 'Invalid Response', `Unexpected answer (HTTP ${status})`, status);
  const type = typeof error.__type === 'string' ? error.__type : 'Error';
  const message = typeof error.message === 'string' ? error.message : type;
  const fields: FieldErrors = {};
  for (const [key, value] of Object.entries(error)) if (isStringArray(value)) fields[key] = value;
  return new ApiError(action, type, message, status, fields);
}

export async function callAction<T>(
  name: string,
  input: ActionInput = {},
  options: CallOptions = {},
): Promise<T> {
  if (!ACTION_NAME.test(name)) throw new TypeError(`Invalid action name: ${name}`);
  const method = options.method ?? (isReadAction(name) ? 'GET' : 'POST');
  const url = `/api/3/action/${name}${method === 'GET' ? toQuery(input) : ''}`;
  const init: RequestInit = {
    method,
    headers: method === 'GET' ? getHeaders() : postHeaders(),
    credentials: 'same-origin',
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(name, 'Network Error', 'The server could not be reached', 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok && isRecord(body) && body.success === true && 'result' in body) return body.result as T;
  throw toApiError(name, response.status, body);
}
