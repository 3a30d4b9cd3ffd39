import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../table/index.js';
import { openReader } from './index.js';
import { parseRecord } from './json-record.js';
import type { Reader } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (content: string | Buffer, name = `j${++n}.json`): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

describe('JSON arrays', () => {
  it('makes the union of keys the header, in first-seen order; nested values become JSON text', async () => {
    const json = `[
      {"kode": "32.01", "nik": 3201234567890123, "nilai": 1.50, "aktif": true},
      {"kode": "32.02", "extra": {"a": [1, 2], "b": "x y"}, "nilai": null},
      {"nilai": -2e3, "kode": "32.03\\n\\u00e9"}
    ]`;
    const reader = await openReader(file(json));
    expect(reader.info).toMatchObject({ format: 'json', headerKnown: true, encoding: 'utf-8' });
    expect(await collect(reader)).toEqual([
      [0, ['kode', 'nik', 'nilai', 'aktif', 'extra']],
      [1, ['32.01', '3201234567890123', '1.50', 'true', null]],
      [2, ['32.02', null, null, null, '{"a":[1,2],"b":"x y"}']],
      [3, ['32.03\né', null, '-2e3', null, null]],
    ]);
  });

  it('streams a minified array split across chunks', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      id: i,
      nama: `desa "${i}", ok`,
      nested: [i, { k: 'v]' }],
    }));
    const rows = await collect(await openReader(file(JSON.stringify(items))));
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual([20_000, ['19999', 'desa "19999", ok', '[19999,{"k":"v]"}]']]);
  });

  it('reads arrays of arrays as rows without a header, and an empty array as nothing', async () => {
    const reader = await openReader(file('[["a","b"],[1,null]]'));
    expect(reader.info.headerKnown).toBe(false);
    expect(await collect(reader)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', null]],
    ]);
    expect(await collect(await openReader(file('[ ]')))).toEqual([]);
  });

  it('names the element and line of a bad record', async () => {
    await expect(openReader(file('[\n{"a":1},\n2\n]'))).rejects.toThrow(
      /\(line 3\): element 2 is not a JSON object or array: a bare value/,
    );
    await expect(openReader(file('[\n{"a":1},\n{"a":}\n]'))).rejects.toThrow(
      /\(line 3\): element 2 is not a JSON object or array: unexpected character/,
    );
    await expect(openReader(file('[{"a":1},["x"]]'))).rejects.toThrow(/an array among objects/);
    await expect(openReader(file('[{"a":1}'))).rejects.toThrow(/the array is never closed/);
    await expect(openReader(file('[{"a":1}] x'))).rejects.toThrow(/text after the closing \]/);
  });
});

describe('NDJSON', () => {
  it('reads one object per line with physical line numbers, skipping blank lines', async () => {
    const reader = await openReader(file('{"a":1,"b":"x"}\r\n\r\n{"b":"y","c":[1]}\n', 'd.ndjson'));
    expect(reader.info).toMatchObject({ format: 'ndjson', headerKnown: true });
    expect(await collect(reader)).toEqual([
      [0, ['a', 'b', 'c']],
      [1, ['1', 'x', null]],
      [3, [null, 'y', '[1]']],
    ]);
  });

  it('reads gzip-compressed NDJSON', async () => {
    const reader = await openReader(file(gzipSync('{"a":1}\n{"a":2}\n'), 'd.jsonl.gz'));
    expect(reader.info).toMatchObject({ format: 'ndjson', gzip: true });
    expect((await collect(reader)).map((r) => r[1])).toEqual([['a'], ['1'], ['2']]);
  });

  it('refuses a pretty-printed object that is not one per line', async () => {
    await expect(openReader(file('{\n  "a": 1\n}\n'))).rejects.toThrow(
      /\(line 1\): line 1 is not a JSON object or array.*NDJSON needs one complete object per line/,
    );
  });

  it('refuses more distinct keys than maxColumns', async () => {
    await expect(openReader(file('{"a":1}\n{"b":1}\n{"c":1}\n'), { maxColumns: 2 })).rejects.toThrow(
      /\(line 3\): more than 2 distinct keys/,
    );
  });
});

describe('JSON through table detection', () => {
  it('takes the keys as the header without guessing, and every object as data', async () => {
    const table = await readTable(
      await openReader(file('[{"tahun": 2020, "nilai": 1}, {"tahun": 2021, "nilai": null}]')),
    );
    expect(table.layout).toMatchObject({ header: ['tahun', 'nilai'], headerRows: [0], dataStartLine: 1 });
    const rows = [];
    for await (const row of table.rows()) rows.push(row.cells);
    expect(rows).toEqual([
      ['2020', '1'],
      ['2021', null],
    ]);
  });
});

describe('parseRecord', () => {
  it('keeps numbers as written and nested values compact', () => {
    expect(parseRecord('{"x": 12345678901234567890, "y": [ 1 , "a b" ], "z": false}')).toEqual({
      kind: 'object',
      entries: new Map([
        ['x', '12345678901234567890'],
        ['y', '[1,"a b"]'],
        ['z', 'false'],
      ]),
    });
  });
});
