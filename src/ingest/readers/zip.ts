/**
 * A small zip reader for XLSX: the central directory (with ZIP64 sizes) read from the end of the
 * file, and one entry inflated as a stream. Sizes are checked before anything is inflated (the
 * zip-bomb guard) and again while inflating, since a directory can lie.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { readError } from './errors.js';
import { readAt } from './source.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;
const MAX_DIRECTORY_BYTES = 64 << 20;

export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const size = (await stat(path)).size;
  const tailLength = Math.min(size, 22 + 0xffff + 20);
  const tail = await readAt(path, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at === -1) throw readError(path, 'damaged zip file: no central directory (is the file cut short?)');
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (
    (count === 0xffff || dirOffset === 0xffffffff) &&
    at >= 20 &&
    tail.readUInt32LE(at - 20) === ZIP64_LOCATOR
  ) {
    const record = await readAt(path, Number(tail.readBigUInt64LE(at - 12)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw readError(path, 'damaged zip file: bad ZIP64 directory');
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES || dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > size) {
    throw readError(path, `damaged or hostile zip file: ${count} entries, directory of ${dirSize} bytes`);
  }
  const dir = await readAt(path, dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
      throw readError(path, 'damaged zip directory');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    const sizes = {
      uncompressed: dir.readUInt32LE(p + 24),
      compressed: dir.readUInt32LE(p + 20),
      offset: dir.readUInt32LE(p + 42),
    };
    readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), sizes);
    entries.set(name, {
      name,
      method: dir.readUInt16LE(p + 10),
      flags: dir.readUInt16LE(p + 8),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field (id 1): 64-bit values for the fields stored as 0xFFFFFFFF, in this order. */
function readZip64Extra(
  extra: Buffer,
  sizes: { uncompressed: number; compressed: number; offset: number },
): void {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (sizes[key] === 0xffffffff && r + 8 <= q + 4 + length) {
          sizes[key] = Number(extra.readBigUInt64LE(r));
          r += 8;
        }
      }
    }
    q += 4 + length;
  }
}

export interface InflateLimits {
  readonly maxUncompressedBytes: number;
  readonly maxCompressionRatio: number;
}

/** Refuses an entry that would inflate too far, before reading it. */
export function checkEntry(path: string, entry: ZipEntry, limits: InflateLimits): void {
  const { uncompressedSize: big, compressedSize: small } = entry;
  if (big > limits.maxUncompressedBytes) {
    throw readError(
      path,
      `workbook part ${entry.name} inflates to ${big} bytes, over the limit of ` +
        `${limits.maxUncompressedBytes} (maxUncompressedBytes); refused as a possible zip bomb`,
    );
  }
  const ratio = big / Math.max(small, 1);
  if (big > 10 << 20 && ratio > limits.maxCompressionRatio) {
    throw readError(
      path,
      `workbook part ${entry.name} is compressed ${Math.round(ratio)}:1 (${small} → ${big} bytes), ` +
        `over the limit of ${limits.maxCompressionRatio}:1 (maxCompressionRatio); refused as a possible zip bomb`,
    );
  }
  if ((entry.flags & 1) !== 0) throw readError(path, 'the workbook is encrypted (password protected)');
  if (entry.method !== 0 && entry.method !== 8) {
    throw readError(
      path,
      `workbook part ${entry.name} uses zip compression method ${entry.method}, not supported`,
    );
  }
}

/** The entry's inflated bytes; stops with an error past the declared size or `maxBytes`. */
export async function* entryChunks(
  path: string,
  entry: ZipEntry,
  limits: InflateLimits,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  checkEntry(path, entry, limits);
  const header = await readAt(path, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
    throw readError(path, `damaged zip entry ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 1 << 16,
  });
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  const max = Math.min(entry.uncompressedSize, limits.maxUncompressedBytes);
  let total = 0;
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      total += (chunk as Buffer).length;
      if (total > max) {
        throw readError(
          path,
          `workbook part ${entry.name} inflates past its declared size; refused as a zip bomb`,
        );
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof Error && 'errno' in error) {
      throw readError(path, `damaged zip entry ${entry.name}: ${error.message}`, {}, error);
    }
    throw error;
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
