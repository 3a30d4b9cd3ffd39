import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter.js';
import { binaryReason, countLineBreaks, detectEncoding, invalidUtf8 } from './encoding.js';
import { sniff } from './sniff.js';
import { numberText, parseRef, serialToIso } from './xlsx-cells.js';
import { dateKind } from './xlsx-parts.js';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

describe('encoding detection', () => {
  it('follows BOMs, then UTF-16 zero patterns, then UTF-8 validity, else Windows-1252', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), true).encoding).toBe('utf-8');
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61), true).encoding).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('kode,nama\n', 'utf16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Jum’at é', 'utf8'), true).encoding).toBe('utf-8');
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9), true)).toEqual({
      encoding: 'windows-1252',
      reason: 'not valid UTF-8 (byte 4)',
    });
  });

  it('accepts a UTF-8 sequence cut by the end of a prefix, not by the end of the file', () => {
    const cut = Buffer.from('é').subarray(0, 1);
    expect(invalidUtf8(Buffer.concat([Buffer.from('ab'), cut]), false)).toBeUndefined();
    expect(invalidUtf8(Buffer.concat([Buffer.from('ab'), cut]), true)).toBe(2);
    expect(invalidUtf8(bytes(0xed, 0xa0, 0x80), true)).toBe(0); // a surrogate
    expect(invalidUtf8(bytes(0xc0, 0xaf), true)).toBe(0); // overlong
    expect(invalidUtf8(Buffer.from('😀'), true)).toBeUndefined();
  });

  it('counts line breaks of every kind, and spots binary bytes', () => {
    expect(countLineBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(binaryReason(bytes(0x61, 0x00, 0x62), 'utf-8')).toBe('it contains NUL bytes (byte 2)');
    expect(binaryReason(Buffer.from('a,b\r\n\t1,2\f'), 'utf-8')).toBeUndefined();
  });
});

describe('delimiter detection', () => {
  it('chooses the delimiter found equally often in most records, ignoring quoted ones', () => {
    expect(
      detectDelimiter(';;;\r\nNama Wilayah;2020;2019;2018\r\nJAWA BARAT;410988;386198;367755\r\n').delimiter,
    ).toBe(';');
    expect(detectDelimiter('a,b\n"1;2;3","x\ny;z"\n4,5\n').delimiter).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(detectDelimiter('nama\nBogor\n')).toEqual({
      delimiter: ',',
      reason: 'tidak ada pemisah di rekaman-rekaman pertama; satu kolom',
    });
  });
});

describe('format sniffing', () => {
  const opts = { gzip: false, complete: true };
  it('reads content, not the name', () => {
    expect(sniff('x.xls', Buffer.from('\uFEFF  <html><table>'), opts).format).toBe('html');
    expect(sniff('x.csv', Buffer.from('\n [ {"a":1} ]'), opts).format).toBe('json');
    expect(sniff('x.json', Buffer.from('{"a":1}\n{"a":2}'), opts).format).toBe('ndjson');
    expect(sniff('x.txt', Buffer.from('PAR1....'), opts).format).toBe('parquet');
    expect(sniff('x.csv', Buffer.from('PK\u0003\u0004'), opts).format).toBe('xlsx');
    expect(sniff('x.bin', Buffer.from('a,b'), { ...opts, format: 'tsv' }).format).toBe('csv');
  });

  it('refuses gzip around zip or Parquet, which need random access', () => {
    expect(() => sniff('x.xlsx.gz', Buffer.from('PK\u0003\u0004'), { ...opts, gzip: true })).toThrow(
      /gzip-compressed zip/,
    );
    expect(() => sniff('x.parquet.gz', Buffer.from('PAR1'), { ...opts, gzip: true })).toThrow(
      /gzip-compressed Parquet/,
    );
  });
});

describe('XLSX cells', () => {
  it('reads references, numbers and serial dates', () => {
    expect(parseRef('AB12')).toEqual({ col: 27, row: 12 });
    expect(parseRef('$C$3')).toEqual({ col: 2, row: 3 });
    expect(numberText('71061.29')).toBe('71061.29');
    expect(numberText('1E-3')).toBe('0.001');
    expect(serialToIso(45296, 'date', false)).toBe('2024-01-05');
    expect(serialToIso(45296.4375, 'datetime', false)).toBe('2024-01-05T10:30:00');
    expect(serialToIso(0.5, 'time', false)).toBe('12:00:00');
    expect(serialToIso(1, 'date', false)).toBe('1900-01-01');
    expect(serialToIso(0, 'date', true)).toBe('1904-01-01');
  });

  it('tells date formats from number formats', () => {
    const codes = new Map([
      [164, 'dd/mm/yyyy'],
      [165, '#,##0.00 "kg"'],
      [166, '[h]:mm'],
      [167, '[Red]mmm-yy'],
      [168, 'hh:mm AM/PM'],
    ]);
    expect([14, 22, 2, 164, 165, 166, 167, 168].map((id) => dateKind(id, codes))).toEqual([
      'date',
      'datetime',
      undefined,
      'date',
      undefined,
      undefined,
      'date',
      'time',
    ]);
  });
});
