/**
 * What a file is, from its first bytes rather than its name: zip (XLSX), old binary Excel,
 * Parquet, then text: HTML (`<html`, `<table`, also in `.xls` files), a JSON array (`[`), NDJSON
 * (`{`), or CSV. Binary bytes in what should be text, and empty files, are refused. Gzip is
 * handled by the caller, who sniffs again inside.
 */
import { extname } from 'node:path';
import { binaryReason, detectEncoding, type EncodingChoice } from './encoding.js';
import { readError } from './errors.js';
import type { SourceFormat } from './types.js';

export type Sniffed =
  | { readonly format: 'xlsx' }
  | { readonly format: 'parquet' }
  | { readonly format: 'html' | 'json' | 'ndjson' | 'csv'; readonly encoding: EncodingChoice };

const startsWith = (prefix: Uint8Array, bytes: number[]): boolean => bytes.every((b, i) => prefix[i] === b);

export const isGzip = (prefix: Uint8Array): boolean => startsWith(prefix, [0x1f, 0x8b]);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PARQUET = [0x50, 0x41, 0x52, 0x31];

export interface SniffOptions {
  readonly gzip: boolean;
  /** The prefix is the whole file. */
  readonly complete: boolean;
  readonly format?: SourceFormat;
  readonly encoding?: string;
}

export function sniff(path: string, prefix: Buffer, options: SniffOptions): Sniffed {
  const inside = options.gzip ? ' after gunzip' : '';
  if (prefix.length === 0) throw readError(path, `the file is empty${inside}`);
  const forced = options.format;
  const binary = forced === 'xlsx' || forced === 'parquet';
  if (!binary && startsWith(prefix, OLE)) {
    throw readError(path, 'old binary Excel .xls is not supported; save as .xlsx or CSV');
  }
  if (forced === 'xlsx' || (!forced && (startsWith(prefix, ZIP) || startsWith(prefix, EMPTY_ZIP)))) {
    if (options.gzip) throw readError(path, 'a gzip-compressed zip/XLSX is not supported; gunzip it first');
    return { format: 'xlsx' };
  }
  if (forced === 'parquet' || (!forced && startsWith(prefix, PARQUET))) {
    if (options.gzip) throw readError(path, 'gzip-compressed Parquet is not supported; gunzip it first');
    return { format: 'parquet' };
  }
  const encoding: EncodingChoice = options.encoding
    ? { encoding: options.encoding, reason: 'given' }
    : detectEncoding(prefix, options.complete);
  const text = new TextDecoder(encoding.encoding).decode(prefix.subarray(0, 1 << 16)).trimStart();
  const format = forced === 'tsv' ? 'csv' : (forced ?? textFormat(path, text));
  if (format === 'csv') {
    const reason = options.encoding ? undefined : binaryReason(prefix, encoding.encoding);
    if (reason !== undefined) {
      const ext = extname(path).slice(1).toUpperCase();
      const what = ['CSV', 'TSV', 'TXT'].includes(ext) ? ext : 'text';
      throw readError(path, `file is binary, not ${what}: ${reason}`);
    }
  }
  return { format, encoding };
}

function textFormat(path: string, text: string): 'html' | 'json' | 'ndjson' | 'csv' {
  const head = text.slice(0, 1 << 16);
  if (head.startsWith('<')) {
    if (/<(html|table)[\s>]|<!doctype html/i.test(head)) return 'html';
    if (/<\?mso-application[^>]*Excel|<(ss:)?Workbook[\s>]/i.test(head)) {
      throw readError(path, 'Excel 2003 XML spreadsheets are not supported; save as .xlsx or CSV');
    }
    throw readError(path, 'an XML or HTML file without a <table>');
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) return 'ndjson';
  return 'csv';
}
