/**
 * Text encodings: choosing one from a prefix of the file, and decoding a byte stream with it.
 *
 * Rule: a BOM decides (UTF-8, UTF-16LE/BE); then UTF-16 without a BOM is recognised by its
 * zero bytes; then a prefix that is valid UTF-8 means UTF-8, anything else Windows-1252 (which
 * decodes every byte). A file read as UTF-8 whose later bytes are not UTF-8 FAILS with the line
 * and byte of the first bad sequence: rows already delivered cannot be taken back, and a silent
 * U+FFFD in a name is worse than a clear error. The message says to give `encoding`.
 */

import { TextDecoder } from 'node:util';
import { readError } from './errors.js';

export interface EncodingChoice {
  readonly encoding: string;
  readonly reason: string;
}

export const ENCODING_PREFIX_BYTES = 1 << 20;

export function detectEncoding(prefix: Uint8Array, complete: boolean): EncodingChoice {
  const [a, b, c] = prefix;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', reason: 'UTF-8 BOM' };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', reason: 'UTF-16LE BOM' };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', reason: 'UTF-16BE BOM' };
  const utf16 = utf16WithoutBom(prefix);
  if (utf16 !== undefined) return { encoding: utf16, reason: 'zero bytes in every other position' };
  const bad = invalidUtf8(prefix, complete);
  if (bad === undefined)
    return { encoding: 'utf-8', reason: `valid UTF-8 in the first ${prefix.length} bytes` };
  return { encoding: 'windows-1252', reason: `not valid UTF-8 (byte ${bad + 1})` };
}

function utf16WithoutBom(prefix: Uint8Array): string | undefined {
  const n = Math.min(prefix.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (prefix[i] === 0) evenZero++;
    if (prefix[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Length of a UTF-8 sequence from its lead byte; 0 when the byte cannot start one. */
const sequenceLength = (b: number): number =>
  b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;

/**
 * Index of the first byte that is not valid UTF-8, or undefined. When `complete` is false a
 * sequence cut by the end of `bytes` is fine (the next chunk finishes it).
 */
export function invalidUtf8(bytes: Uint8Array, complete: boolean): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (i + length > n) {
      for (let k = i + 1; k < n; k++) if (!continuationOk(lead, bytes[k]!, k - i)) return i;
      return complete ? i : undefined;
    }
    for (let k = 1; k < length; k++) if (!continuationOk(lead, bytes[i + k]!, k)) return i;
    i += length;
  }
  return undefined;
}

function continuationOk(lead: number, byte: number, position: number): boolean {
  if (position === 1) {
    if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
    if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
    if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
    if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  }
  return byte >= 0x80 && byte <= 0xbf;
}

/** Bytes at the end of `chunk` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(chunk: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, chunk.length); k++) {
    const b = chunk[chunk.length - k]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return sequenceLength(b) > k ? k : 0;
  }
  return 0;
}

/** Counts line breaks (`\n`, `\r\n`, lone `\r`) in `text`. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  if (text.includes('\r')) {
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
      if (text[i + 1] !== '\n') count++;
  }
  return count;
}

/** Decodes a byte stream; a BOM is dropped. Invalid bytes fail with the line where they are. */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  encoding: string,
  path: string,
): AsyncGenerator<string> {
  const fatal = encoding !== 'windows-1252' && encoding !== 'latin1';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal });
  } catch (error) {
    throw readError(path, `unknown encoding ${JSON.stringify(encoding)}`, {}, error);
  }
  const utf8 = decoder.encoding === 'utf-8';
  let line = 1;
  let byte = 0;
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      if (!utf8) throw readError(path, `text is not valid ${encoding}`, { line });
      const data = Buffer.concat([carry, chunk]);
      const at = invalidUtf8(data, false) ?? 0;
      const before = new TextDecoder('utf-8').decode(data.subarray(0, at));
      throw invalidUtf8Error(path, line + countLineBreaks(before), byte - carry.length + at);
    }
    if (utf8) carry = chunk.subarray(chunk.length - incompleteTail(chunk));
    line += countLineBreaks(text);
    byte += chunk.length;
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw utf8
      ? invalidUtf8Error(path, line, byte - carry.length)
      : readError(path, 'text ends mid-character', { line });
  }
  if (rest.length > 0) yield rest;
}

const invalidUtf8Error = (path: string, line: number, byte: number) =>
  readError(
    path,
    `invalid UTF-8 at byte ${byte + 1}. The start of the file is UTF-8, so it was read as UTF-8; ` +
      `convert the file to UTF-8 or give the encoding (for example encoding: 'windows-1252')`,
    { line },
  );

/** Why a prefix is not text, or undefined when it is. Checks NUL bytes and other control bytes. */
export function binaryReason(prefix: Uint8Array, encoding: string): string | undefined {
  if (encoding.startsWith('utf-16')) return undefined;
  let control = 0;
  for (let i = 0; i < prefix.length; i++) {
    const b = prefix[i]!;
    if (b === 0) return `it contains NUL bytes (byte ${i + 1})`;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  if (control > 8 && control > prefix.length / 100)
    return `${control} control bytes in the first ${prefix.length}`;
  return undefined;
}
