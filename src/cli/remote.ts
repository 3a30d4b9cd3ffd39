/**
 * The CLI against a running server (`--url`/`--token` or KENDALI_URL/KENDALI_TOKEN): the
 * server does the work through the same actions; the CLI uploads with a progress bar and
 * prints what comes back. Errors arrive in CKAN's envelope and become the usual coded errors.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { KendaliError } from '../core/errors.js';

export interface Remote {
  readonly url: string;
  readonly token: string;
}

interface Envelope {
  success: boolean;
  result?: unknown;
  error?: { __type?: string; message?: string; [field: string]: unknown };
}

const CODES: Record<string, KendaliError['code']> = {
  'Not Found Error': 'NOT_FOUND',
  'Authorization Error': 'FORBIDDEN',
  'Validation Error': 'VALIDATION',
  Conflict: 'CONFLICT',
};

async function answer(res: Response): Promise<unknown> {
  let body: Envelope;
  try {
    body = (await res.json()) as Envelope;
  } catch {
    throw new KendaliError('BAD_REQUEST', `the server answered HTTP ${res.status} without JSON`);
  }
  if (body.success) return body.result;
  const { __type = 'Error', message = `HTTP ${res.status}`, ...fields } = body.error ?? {};
  const fieldErrors = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => Array.isArray(v)),
  ) as Record<string, string[]>;
  throw new KendaliError(
    CODES[__type] ?? 'BAD_REQUEST',
    message,
    Object.keys(fieldErrors).length ? fieldErrors : undefined,
  );
}

export async function remoteCall(remote: Remote, action: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${remote.url.replace(/\/$/, '')}/api/3/action/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: remote.token },
    body: JSON.stringify(input),
  });
  return answer(res);
}

/** Streams a file as multipart/form-data to /api/uploads, reporting bytes sent. */
export async function remoteUpload(
  remote: Remote,
  file: string,
  onProgress: (sent: number, total: number) => void,
): Promise<string> {
  const size = statSync(file).size;
  const boundary = `kendali${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file).replace(/"/g, '')}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  let sent = 0;
  async function* body() {
    yield head;
    for await (const chunk of createReadStream(file)) {
      sent += (chunk as Buffer).length;
      onProgress(sent, size);
      yield chunk as Buffer;
    }
    yield tail;
  }
  const res = await fetch(`${remote.url.replace(/\/$/, '')}/api/uploads`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + size + tail.length),
      authorization: remote.token,
    },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const result = (await answer(res)) as { upload_id: string };
  return result.upload_id;
}

/** The remote from the options or the environment, or undefined to work on the data directory. */
export function remoteFrom(opts: { url?: string; token?: string }): Remote | undefined {
  const url = opts.url ?? process.env.KENDALI_URL;
  if (!url) return undefined;
  const token = opts.token ?? process.env.KENDALI_TOKEN;
  if (!token)
    throw new KendaliError(
      'BAD_REQUEST',
      'a server URL needs an API token: --token or KENDALI_TOKEN (kendali token create)',
    );
  return { url, token };
}
