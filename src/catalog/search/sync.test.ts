/**
 * The in-process index follows every write of this process once it commits, ignores writes
 * that roll back, and (PostgreSQL) never returns a dataset another process made private.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import type { Actor } from '../../actions/types.js';
import { makeContext } from '../../http/context.js';
import { audit } from '../audit.js';
import { saveDataset } from '../dataset-save.js';
import { searchIndexOf } from './search-index.js';
import { catalogTransaction, datasetsChanged } from './sync.js';

type Json = Record<string, unknown> & {
  results: Json[];
  count: number;
  facets: Record<string, Record<string, number>>;
};

describe.each(['pglite', 'postgres'] as const)('search index in step with writes on %s', (engine) => {
  let t: TestServices;
  let orgId = '';
  const admin: Actor = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'admin',
    sysadmin: true,
    memberships: {},
  };
  const call = (who: Actor | null, name: string, input: unknown) =>
    t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'test'), input) as Promise<Json>;
  const found = async (q: string, who: Actor | null = null, extra: Json | object = {}) =>
    (await call(who, 'package_search', { q, ...extra })).results.map((r) => r.name);

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    orgId = (await call(admin, 'organization_create', { name: 'bps', title: 'Badan Pusat Statistik' }))
      .id as string;
    await call(admin, 'package_create', {
      name: 'garis-kemiskinan',
      title: 'Garis Kemiskinan',
      owner_org: 'bps',
    });
    await call(null, 'package_search', {});
    expect(searchIndexOf(t.services.catalog).built).not.toBeNull();
  });
  afterAll(async () => t.cleanup());

  it('takes creates, updates and deletes once they commit', async () => {
    await call(admin, 'package_create', {
      name: 'pembangunan-jalan',
      title: 'Pembangunan Jalan Desa',
      owner_org: 'bps',
      tags: [{ name: 'jalan' }],
    });
    expect(await found('membangun')).toEqual(['pembangunan-jalan']);
    await call(admin, 'package_patch', { id: 'pembangunan-jalan', title: 'Panjang Jalan Desa' });
    expect(await found('membangun')).toEqual([]);
    expect((await call(null, 'package_show', { id: 'pembangunan-jalan' })).title).toBe('Panjang Jalan Desa');
    await call(admin, 'package_patch', { id: 'pembangunan-jalan', private: true });
    expect(await found('jalan')).toEqual([]);
    expect(
      await found(
        'jalan',
        { ...admin, sysadmin: false, memberships: { [orgId]: 'member' } },
        { include_private: true },
      ),
    ).toEqual(['pembangunan-jalan']);
    await call(admin, 'package_delete', { id: 'pembangunan-jalan' });
    expect(await found('jalan', admin, { include_private: true })).toEqual([]);
  });

  it('takes an institution’s new title into facets and searchable text', async () => {
    await call(admin, 'organization_update', { id: 'bps', title: 'Badan Statistik Nasional' });
    const r = await call(null, 'package_search', { q: 'nasional', 'facet.field': '["organization"]' });
    expect(r.results.map((x) => x.name)).toEqual(['garis-kemiskinan']);
    expect((r.search_facets as Record<string, { items: Json[] }>).organization?.items[0]?.display_name).toBe(
      'Badan Statistik Nasional',
    );
  });

  it('leaves the index as it was when the transaction fails', async () => {
    const store = t.services.catalog;
    await expect(
      catalogTransaction(store, async (trx) => {
        await saveDataset(trx, null, { name: 'gagal-disimpan', title: 'Gagal Disimpan' }, orgId, null);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await found('gagal')).toEqual([]);
    expect(searchIndexOf(store).built?.docs.slotOfName('gagal-disimpan')).toBeUndefined();
  });

  it('reads changes recorded outside catalogTransaction before the next search', async () => {
    const store = t.services.catalog;
    await store.db.transaction().execute(async (trx) => {
      await sql`UPDATE dataset SET title = 'Garis Kemiskinan Perkotaan', modified = now() WHERE name = 'garis-kemiskinan'`.execute(
        trx,
      );
      const row = await trx
        .selectFrom('dataset')
        .select('id')
        .where('name', '=', 'garis-kemiskinan')
        .executeTakeFirstOrThrow();
      datasetsChanged(trx, [row.id]);
    });
    expect(await found('perkotaan')).toEqual(['garis-kemiskinan']);
  });

  it('takes writes that only the audit log records (a datastore import adding a resource)', async () => {
    const store = t.services.catalog;
    const ds = await call(null, 'package_show', { id: 'garis-kemiskinan' });
    expect(await found('', null, { fq: 'res_format:PARQUET' })).toEqual([]);
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('resource')
        .values({
          dataset_id: ds.id as string,
          position: 0,
          name: 'impor',
          url_type: 'datastore',
          format: 'PARQUET',
        })
        .execute();
      await trx
        .updateTable('dataset')
        .set({ modified: new Date() })
        .where('id', '=', ds.id as string)
        .execute();
      await audit(trx, admin, {
        action: 'datastore_import',
        entityType: 'dataset',
        entityId: ds.id as string,
        before: null,
        after: { rows: 1 },
      });
    });
    expect(
      ((await call(null, 'package_show', { id: 'garis-kemiskinan' })).resources as unknown[]).length,
    ).toBe(1);
    expect(await found('', null, { fq: 'res_format:PARQUET' })).toEqual(['garis-kemiskinan']);
  });
});

describe('search index on PostgreSQL, shared with other processes', () => {
  let t: TestServices;
  const admin: Actor = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'admin',
    sysadmin: true,
    memberships: {},
  };
  const call = (who: Actor | null, name: string, input: unknown) =>
    t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'test'), input) as Promise<Json>;
  beforeAll(async () => {
    t = await openTestServices('postgres', { regions: true });
    await call(admin, 'organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call(admin, 'package_create', {
      name: 'garis-kemiskinan',
      title: 'Garis Kemiskinan',
      owner_org: 'bps',
    });
    await call(null, 'package_search', {});
  });
  afterAll(async () => t.cleanup());

  it('never returns a dataset another process made private', async () => {
    expect((await call(null, 'package_search', { q: 'kemiskinan' })).count).toBe(1);
    // Another process's write: straight to the database, nothing recorded in this process.
    await sql`UPDATE dataset SET private = true, modified = now() WHERE name = 'garis-kemiskinan'`.execute(
      t.services.catalog.db,
    );
    expect((await call(null, 'package_search', { q: 'kemiskinan' })).results).toEqual([]);
    // The re-check also read the dataset into the index again.
    await new Promise((r) => setTimeout(r, 50));
    expect((await call(null, 'package_search', { q: 'kemiskinan' })).count).toBe(0);
  });
});
