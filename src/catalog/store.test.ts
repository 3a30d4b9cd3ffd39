import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_ENGINES, openTestCatalog, type TestCatalog } from '../../test/support/catalog.js';
import { jsonb } from './json.js';
import { migrationProvider } from './migrations/index.js';
import { migrateCatalog } from './store.js';

describe.each(CATALOG_ENGINES)('catalog store on %s', (engine) => {
  let t: TestCatalog;
  beforeEach(async () => {
    t = await openTestCatalog(engine);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('is on the engine asked for and answers a ping', async () => {
    expect(t.store.kind).toBe(engine);
    expect(await t.store.ping()).toBe(true);
  });

  it('has every migration applied, and migrating again applies none', async () => {
    const applied = await t.store.db
      .selectFrom(sql<{ name: string }>`kendali_migration`.as('m'))
      .select('m.name')
      .execute();
    expect(applied.map((r) => r.name)).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
    expect(await migrateCatalog(t.store)).toEqual([]);
  });

  it('stores JSON objects and arrays, and text arrays, the same way', async () => {
    const org = await t.store.db
      .insertInto('organization')
      .values({ name: 'bps', title: 'Badan Pusat Statistik', org_type: 'agency', level: 'central' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.store.db
      .insertInto('dataset')
      .values({
        name: 'contoh',
        title: 'Contoh',
        organization_id: org.id,
        sdi: jsonb({ satuan: 'persen', nested: { list: [1, 'dua', null] } }),
        tags: ['kemiskinan', 'data "kutip"', 'koma,titik'],
      })
      .execute();
    const ds = await t.store.db
      .selectFrom('dataset')
      .selectAll()
      .where('name', '=', 'contoh')
      .executeTakeFirstOrThrow();
    expect(ds.sdi).toEqual({ satuan: 'persen', nested: { list: [1, 'dua', null] } });
    expect(ds.tags).toEqual(['kemiskinan', 'data "kutip"', 'koma,titik']);
    expect(ds.private).toBe(false);
    expect(ds.state).toBe('active');
    expect(ds.created).toBeInstanceOf(Date);
    const ds2 = await t.store.db
      .insertInto('dataset_version')
      .values({
        dataset_id: ds.id,
        version: 1,
        table_id: 't1',
        row_count: 3,
        columns: jsonb([{ name: 'a', type: 'text' }]),
        source: 'api',
      })
      .returning(['columns', 'row_count'])
      .executeTakeFirstOrThrow();
    expect(ds2.columns).toEqual([{ name: 'a', type: 'text' }]);
    expect(ds2.row_count).toBe(3);
  });

  it('counts come back as numbers', async () => {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM generate_series(1, 5)`.execute(t.store.db);
    expect(r.rows[0]?.n).toBe(5);
  });

  it('rejects a malformed region code and a duplicate name', async () => {
    await expect(
      t.store.db
        .insertInto('region')
        .values({ code: '3201', name: 'X', level: 2, parent_code: null, kind: 'kabupaten' })
        .execute(),
    ).rejects.toThrow(/region_code_check|check constraint/);
    await t.store.db
      .insertInto('region')
      .values({ code: '32', name: 'Jawa Barat', level: 1, parent_code: null, kind: 'provinsi' })
      .execute();
    await expect(
      t.store.db
        .insertInto('region')
        .values({ code: '32', name: 'Lagi', level: 1, parent_code: null, kind: 'provinsi' })
        .execute(),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('setting')
          .values({ key: 'a', value: jsonb({ x: 1 }) })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.store.db.selectFrom('setting').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('keeps a transaction isolated from concurrent statements', async () => {
    await t.store.db
      .insertInto('setting')
      .values({ key: 'n', value: jsonb({ v: 0 }) })
      .execute();
    const bump = () =>
      t.store.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('setting')
          .select('value')
          .where('key', '=', 'n')
          .forUpdate()
          .executeTakeFirstOrThrow();
        const v = (row.value as { v: number }).v;
        await trx
          .updateTable('setting')
          .set({ value: jsonb({ v: v + 1 }) })
          .where('key', '=', 'n')
          .execute();
      });
    await Promise.all(Array.from({ length: 20 }, bump));
    const final = await t.store.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', 'n')
      .executeTakeFirstOrThrow();
    expect(final.value).toEqual({ v: 20 });
  });
});
