/** Byte access to a file: chunked streaming (optionally through gunzip) and prefixes for sniffing. */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { readError } from './errors.js';

export const CHUNK_BYTES = 1 << 16;

export interface ByteOptions {
  readonly gzip: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** File size for progress reports. */
  readonly totalBytes?: number;
}

/** The file's bytes in chunks of about 64 KiB, gunzipped when asked; stops the file on early exit. */
export async function* byteChunks(path: string, options: ByteOptions): AsyncGenerator<Buffer> {
  const { signal, onProgress } = options;
  const total = options.totalBytes ?? 0;
  let read = 0;
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let stream: Readable = file;
  if (options.gzip || onProgress !== undefined) {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        read += chunk.length;
        onProgress?.(read, total);
        done(null, chunk);
      },
    });
    const noop = (): void => {};
    stream = options.gzip ? pipeline(file, counter, createGunzip(), noop) : pipeline(file, counter, noop);
  }
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      yield chunk as Buffer;
    }
  } catch (error) {
    if (signal?.aborted || !isZlibError(error)) throw error;
    throw readError(path, `gzip data is damaged: ${(error as Error).message}`, {}, error);
  } finally {
    stream.destroy();
    file.destroy();
  }
}

const isZlibError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'errno' in error;

/** The first `max` bytes of the file (of its gunzipped content when `gzip`). */
export async function readPrefix(path: string, max: number, gzip: boolean): Promise<Buffer> {
  if (!gzip) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(max);
      const { bytesRead } = await handle.read(buffer, 0, max, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of byteChunks(path, { gzip })) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= max) break;
  }
  return Buffer.concat(parts).subarray(0, max);
}

/** Reads `length` bytes at `position` (the zip directory reader's random access). */
export async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
