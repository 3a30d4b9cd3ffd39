import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (content: string | Buffer, name = `f${++n}.csv`): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

const read = async (content: string | Buffer, name?: string) =>
  collect(await openReader(file(content, name)));

describe('CSV encodings', () => {
  it('reads Windows-1252 (é, ’) when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('nama,ket\nCaf'),
      0xe9,
      ...Buffer.from(',Jum'),
      0x92,
      ...Buffer.from('at\n'),
    ]);
    const reader = await openReader(file(bytes));
    expect(reader.info.encoding).toBe('windows-1252');
    expect(await collect(reader)).toEqual([
      [1, ['nama', 'ket']],
      [2, ['Café', 'Jum’at']],
    ]);
  });

  it('reads UTF-16LE with a BOM, and UTF-16LE without one', async () => {
    const text = 'kode;nama\n32;Jawa Barat é\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const reader = await openReader(file(withBom));
    expect(reader.info).toMatchObject({
      encoding: 'utf-16le',
      delimiter: ';',
      encodingReason: 'UTF-16LE BOM',
    });
    expect(await collect(reader)).toEqual([
      [1, ['kode', 'nama']],
      [2, ['32', 'Jawa Barat é']],
    ]);
    expect((await openReader(file(Buffer.from(text, 'utf16le')))).info.encoding).toBe('utf-16le');
  });

  it('drops a UTF-8 BOM', async () => {
    expect(await read('\uFEFFa,b\n1,2\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('fails with the line when invalid UTF-8 appears after a UTF-8 prefix', async () => {
    const head = 'a,b\n'.repeat(1) + 'x,y\n'.repeat(300_000); // 1.2 MB of ASCII, past the sniffed prefix
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.from('caf'),
      Buffer.from([0xe9]),
      Buffer.from(',1\n'),
    ]);
    const reader = await openReader(file(bytes));
    expect(reader.info.encoding).toBe('utf-8');
    await expect(collect(reader)).rejects.toThrow(
      /line 300002\): invalid UTF-8 at byte 1200008.*windows-1252/,
    );
  });

  it('reads another encoding when told', async () => {
    const bytes = Buffer.from([0x61, 0x0a, 0xe9, 0x0a]);
    expect(await collect(await openReader(file(bytes), { encoding: 'latin1' }))).toEqual([
      [1, ['a']],
      [2, ['é']],
    ]);
  });
});

describe('CSV structure', () => {
  it('reads a gzip-compressed CSV', async () => {
    const reader = await openReader(file(gzipSync('a;b\n1;2\n'), 'data.csv.gz'));
    expect(reader.info).toMatchObject({ format: 'csv', gzip: true, delimiter: ';' });
    expect(await collect(reader)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('counts physical lines across CRLF, CR, quoted newlines and skipped empty lines', async () => {
    expect(await read('a,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n4,5\r\n\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [4, ['x\r\ny', '3']],
      [6, ['4', '5']],
    ]);
    expect(await read('a,b\r1,2\r"x\ry",3\r4,5')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['x\ry', '3']],
      [5, ['4', '5']],
    ]);
  });

  it('delivers ragged rows as they are', async () => {
    expect(await read('a,b,c\n1,2\n1,2,3,4\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2']],
      [3, ['1', '2', '3', '4']],
    ]);
  });

  it('reads a header-only file', async () => {
    expect(await read('a,b,c\n')).toEqual([[1, ['a', 'b', 'c']]]);
  });

  it('detects tab (TSV) and pipe delimiters, respecting quotes', async () => {
    const tsv = await openReader(file('a\tb\n"x,y;z"\t2\n'));
    expect(tsv.info).toMatchObject({ format: 'tsv', delimiter: '\t' });
    expect(await collect(tsv)).toEqual([
      [1, ['a', 'b']],
      [2, ['x,y;z', '2']],
    ]);
    expect((await openReader(file('a|b|c\n1|"2,3,4,5"|6\n'))).info.delimiter).toBe('|');
    expect((await openReader(file('nama,nilai\n"Bogor; Kab.",1\n"Depok; Kota",2\n'))).info.delimiter).toBe(
      ',',
    );
  });

  it('keeps a stray quote inside an unquoted field', async () => {
    expect(await read('a,b\n1,5" disk\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '5" disk']],
    ]);
  });

  it('names the line where an unclosed quote starts', async () => {
    await expect(read('a,b\n1,2\n"x,3\n4,5\n')).rejects.toThrow(
      /\(line 3\): a quoted field starting on this line is never closed/,
    );
  });

  it('refuses more columns than maxColumns (5,000 by default)', async () => {
    const wide = `${Array.from({ length: 5_001 }, (_, i) => `c${i}`).join(',')}\n`;
    await expect(read(`a\n${wide}`)).rejects.toThrow(/\(line 2\): 5001 columns, more than the limit of 5000/);
    await expect(collect(await openReader(file('a,b,c\n'), { maxColumns: 2 }))).rejects.toThrow(/maxColumns/);
  });

  it('refuses a cell longer than maxCellBytes, naming line and column', async () => {
    const reader = await openReader(file(`a,b\n1,${'é'.repeat(600)}\n`), { maxCellBytes: 1000 });
    await expect(collect(reader)).rejects.toThrow(/\(line 2, column 2\): cell longer than 1000 bytes/);
  });

  it('reads again from the start on every rows() call, and stops early without leaking', async () => {
    const reader = await openReader(file('a\n1\n2\n3\n'));
    for await (const row of reader.rows()) if (row.line === 2) break;
    expect((await collect(reader)).length).toBe(4);
  });

  it('reports progress and honours an abort signal', async () => {
    const path = file('a,b\n'.repeat(100_000));
    const seen: number[] = [];
    const reader = await openReader(path, { onProgress: (read, total) => seen.push(read / total) });
    await collect(reader);
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    const aborting = await openReader(path, { signal: controller.signal });
    await expect(
      (async () => {
        for await (const row of aborting.rows()) if (row.line === 10) controller.abort();
      })(),
    ).rejects.toThrow(/abort/i);
  });
});
