import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKendaliError } from '../../core/errors.js';
import type { CellValue, ColumnInfo, DatastoreBackend } from '../backend.js';
import { openDuckDbDatastore } from './index.js';

const COLUMNS: ColumnInfo[] = [
  { name: 'n', type: 'integer' },
  { name: 'teks', type: 'text' },
  { name: 'tanggal', type: 'date' },
];
const ROWS: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [i - 10, `baris ${i}`, '2024-02-29']);
const ref = { tableId: 'alir', version: 1 };

describe('DuckDB datastore: streaming reads', () => {
  let dir: string;
  let store: DatastoreBackend;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-stream-'));
    store = await openDuckDbDatastore(dir);
    await store.writeVersion(ref, { kind: 'rows', columns: COLUMNS, rows: ROWS });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every row in file order, in batches of the asked size', async () => {
    const stream = await store.stream(ref, { batchRows: 1500 });
    expect(stream.columns).toEqual(COLUMNS);
    const sizes: number[] = [];
    const rows: CellValue[][] = [];
    for await (const batch of stream.batches) {
      sizes.push(batch.length);
      for (const row of batch) rows.push([...row]);
    }
    expect(sizes).toEqual([1500, 1500, 1500, 500]);
    expect(rows).toEqual(ROWS);
  });

  it('projects columns, and checks names and batch size before reading', async () => {
    const stream = await store.stream(ref, { columns: ['teks', 'n'] });
    const first = await stream.batches[Symbol.asyncIterator]().next();
    expect(first.value?.[0]).toEqual(['baris 0', -10]);
    const bad = await store.stream(ref, { columns: ['n', 'hilang'], batchRows: 0 }).catch((e: unknown) => e);
    expect(isKendaliError(bad) && bad.fields).toEqual({
      'columns.1': ['unknown column "hilang"'],
      batchRows: ['must be a whole number from 1 to 100000'],
    });
    const missing = await store.stream({ tableId: 'alir', version: 9 }).catch((e: unknown) => e);
    expect(isKendaliError(missing) && missing.code).toBe('NOT_FOUND');
  });

  it('a stream stopped early releases its connection; one never read holds none; close ends the rest', async () => {
    const unread = await store.stream(ref);
    for await (const _ of (await store.stream(ref, { batchRows: 10 })).batches) break;
    const file = await store.versionFile(ref);
    expect(file.format).toBe('parquet');
    expect(readFileSync(join(dir, 'datastore', 'alir', 'v1.parquet')).length).toBe(file.bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of file.open()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 4).toString()).toBe('PAR1');
    const other = mkdtempSync(join(tmpdir(), 'kendali-duckdb-stream-close-'));
    const s = await openDuckDbDatastore(other);
    try {
      await s.writeVersion(ref, { kind: 'rows', columns: COLUMNS, rows: ROWS });
      for await (const _ of (await s.stream(ref, { batchRows: 10 })).batches) break;
      await s.stream(ref);
      // A reader that stopped without returning: close() ends its hold, reading on fails.
      const abandoned = (await s.stream(ref, { batchRows: 10 })).batches[Symbol.asyncIterator]();
      expect((await abandoned.next()).value).toHaveLength(10);
      await s.close();
      let read = 10;
      const after = await (async () => {
        for (let next = await abandoned.next(); !next.done; next = await abandoned.next())
          read += next.value.length;
      })().catch((e: unknown) => e);
      expect(isKendaliError(after) && after.message).toBe('the DuckDB datastore is closed');
      expect(read).toBeLessThan(ROWS.length);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(unread.columns).toHaveLength(3);
  });
});
