import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKendaliError } from '../../core/errors.js';
import type { DatastoreBackend } from '../backend.js';
import { openDuckDbDatastore } from './index.js';

const v = (version: number) => ({ tableId: 'beda', version });

describe('DuckDB datastore: diff of two versions', () => {
  let dir: string;
  let store: DatastoreBackend;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-diff-'));
    store = await openDuckDbDatastore(dir);
    await store.writeVersion(v(1), {
      kind: 'rows',
      columns: [
        { name: 'prov', type: 'text' },
        { name: 'tahun', type: 'integer' },
        { name: 'nilai', type: 'integer' },
        { name: 'ket', type: 'text' },
      ],
      rows: [
        ['11', 2023, 5, 'a'],
        ['11', 2024, 6, null],
        [null, 2024, 7, 'b'],
        ['12', 2024, 8, 'c'],
      ],
    });
    // nilai becomes a number (5 = 5.0 is no change), ket becomes an integer (compared as text).
    await store.writeVersion(v(2), {
      kind: 'rows',
      columns: [
        { name: 'prov', type: 'text' },
        { name: 'tahun', type: 'integer' },
        { name: 'nilai', type: 'number' },
        { name: 'ket', type: 'integer' },
      ],
      rows: [
        ['11', 2023, 5, null],
        ['11', 2024, 6.5, null],
        [null, 2024, 7, null],
        ['13', 2024, 9, 1],
      ],
    });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches on a composite key with NULLs, comparing across changed types', async () => {
    const d = await store.diff(v(1), v(2), ['prov', 'tahun', 'prov'], { limit: 5 });
    expect(d.key).toEqual(['prov', 'tahun']);
    expect([d.added, d.removed, d.changed, d.unchanged]).toEqual([1, 1, 3, 0]);
    expect(d.examples.changed.map((c) => [c.key, c.columns])).toEqual([
      [{ prov: null, tahun: 2024 }, ['ket']],
      [{ prov: '11', tahun: 2023 }, ['ket']],
      [{ prov: '11', tahun: 2024 }, ['nilai']],
    ]);
    expect(d.examples.added).toEqual([{ prov: '13', tahun: 2024, nilai: 9, ket: 1 }]);
    expect(d.examples.removed).toEqual([{ prov: '12', tahun: 2024, nilai: 8, ket: 'c' }]);
  });

  it('checks its options', async () => {
    const e = await store.diff(v(1), v(2), [], { limit: -1, offset: 1.5 }).catch((x: unknown) => x);
    expect(isKendaliError(e) && e.fields).toEqual({
      limit: ['must be a whole number from 0 to 1000'],
      offset: ['must be a whole number, 0 or more'],
    });
    const gone = await store.diff(v(1), v(3), ['prov'], { limit: 1 }).catch((x: unknown) => x);
    expect(isKendaliError(gone) && gone.code).toBe('NOT_FOUND');
  });
});
