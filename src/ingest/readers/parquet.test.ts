import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../datastore/duckdb/api.js';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

describe('Parquet', () => {
  const path = join(dir, "data o'brien.parquet");
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT i AS id,
             CASE WHEN i % 2 = 0 THEN 'Kota ' || i END AS "nama wilayah",
             CAST(i * 1.25 AS DECIMAL(10, 2)) AS nilai,
             DATE '2024-01-01' + CAST(i AS INTEGER) AS tanggal,
             [i, i + 1] AS daftar,
             {'a': i} AS rekam
      FROM range(0, 5000) t(i)
    ) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
  });

  it('streams rows as text with the column names as header row 0', async () => {
    const reader = await openReader(path);
    expect(reader.info).toMatchObject({ format: 'parquet', headerKnown: true, gzip: false });
    const rows = await collect(reader);
    expect(rows).toHaveLength(5001);
    expect(rows[0]).toEqual([0, ['id', 'nama wilayah', 'nilai', 'tanggal', 'daftar', 'rekam']]);
    expect(rows[1]).toEqual([1, ['0', 'Kota 0', '0.00', '2024-01-01', '[0,1]', '{"a":0}']]);
    expect(rows[2]).toEqual([2, ['1', null, '1.25', '2024-01-02', '[1,2]', '{"a":1}']]);
    expect(rows[5000]![0]).toBe(5000);
  });

  it('refuses a damaged Parquet file', async () => {
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(100, 7)]));
    await expect(openReader(bad)).rejects.toThrow(/bad\.parquet: Parquet: /);
  });
});
