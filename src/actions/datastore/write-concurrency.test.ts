import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, failure, type Search, writeHelpers } from '../../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { systemActor } from '../../auth/actor.js';
import { openDuckDbDatastore } from '../../datastore/duckdb/index.js';
import { makeContext } from '../../http/context.js';
import type { Actor } from '../types.js';

describe.each(['pglite', 'postgres'] as const)(
  'datastore writers side by side, audit and access on %s',
  (engine) => {
    let t: TestServices;
    const { call, as, search, info, setup } = writeHelpers(() => t);
    let id = '';

    beforeAll(async () => {
      t = await openTestServices(engine);
      await setup();
      const made = await call('datastore_create', {
        resource: { package_id: 'miskin', name: 'Persentase penduduk miskin' },
        fields: FIELDS,
        primary_key: 'kode,tahun',
        records: [{ kode: '32.01', tahun: 2025, nilai: 6 }],
      });
      id = String(made.resource_id);
    });
    afterAll(async () => t.cleanup());

    it('keeps every record of concurrent upserts, each on its own version', async () => {
      const before = (await info(id)).meta.version;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call<{ version: number }>('datastore_upsert', {
            resource_id: id,
            records: [{ kode: `k${i}`, tahun: 2024, nilai: i }],
          }),
        ),
      );
      expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 8 }, (_, i) => before + i + 1),
      );
      const after = await info(id);
      expect(after.meta).toMatchObject({ version: before + 8, count: 9 });
      expect((await search(id, { q: 'k' })).total).toBe(8);
    });

    it('keeps every record when two processes (two datastores, no shared lock) upsert at once', async () => {
      const other = await openDuckDbDatastore(t.dataDir);
      try {
        const services = { ...t.services, datastore: other };
        const ctx2 = makeContext(t.registry, services, systemActor('system:cli'), 'id', 't2');
        const before = (await info(id)).meta;
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => {
            const input = {
              resource_id: id,
              method: 'insert',
              records: [{ kode: `p${i}`, tahun: 2024, nilai: i }],
            };
            return i % 2 === 0
              ? call('datastore_upsert', input)
              : t.registry.call('datastore_upsert', ctx2, input);
          }),
        );
        const after = (await info(id)).meta;
        expect(after.count).toBe(before.count + 6);
        expect((await search(id, { q: 'p' })).total).toBe(6);
      } finally {
        await other.close();
      }
    });

    it('audits each change on the dataset', async () => {
      const ds = await call<{ id: string }>('package_show', { id: 'miskin' });
      const entries = await t.services.catalog.db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'changes'])
        .where('entity_id', '=', ds.id)
        .where('action', 'like', 'datastore_%')
        .orderBy('id')
        .execute();
      const actions = entries.map((e) => e.action);
      expect(actions[0]).toBe('datastore_create');
      expect(actions.length).toBe(1 + 8 + 6);
      expect(new Set(actions.slice(1))).toEqual(new Set(['datastore_upsert']));
      const last = entries.at(-1)?.changes as { fields: Record<string, { after: unknown }> };
      expect(last.fields.resource_id?.after).toBe(id);
      expect(last.fields.method?.after).toBe('insert');
      expect(last.fields.version?.after).toBe((await info(id)).meta.version);
      expect(new Set(entries.map((e) => e.entity_type))).toEqual(new Set(['dataset']));
    });

    it('a table without a key takes inserts only; a link resource needs force; CKAN’s int and bool names', async () => {
      const ds = await call<{ resources: { id: string }[] }>('package_patch', {
        id: 'miskin',
        resources: [{ id }, { url: 'https://example.org/tautan.csv', format: 'CSV' }],
      });
      const link = ds.resources[1]?.id ?? '';
      const readOnly = await failure(
        call('datastore_create', { resource_id: link, fields: [{ id: 'ada', type: 'bool' }] }),
      );
      expect(Object.keys(readOnly.fields ?? {})).toEqual(['read-only']);
      const made = await call('datastore_create', {
        resource_id: link,
        force: true,
        fields: [
          { id: 'ada', type: 'bool' },
          { id: 'n', type: 'int4' },
        ],
        records: [{ ada: 'true', n: 1 }],
      });
      expect(made).toMatchObject({ resource_id: link, version: 1 });
      const refused = await failure(
        call('datastore_upsert', { resource_id: link, force: true, records: [{ n: 2 }] }),
      );
      expect(refused.fields?.key?.[0]).toMatch(/no primary key/);
      await call('datastore_upsert', {
        resource_id: link,
        force: true,
        method: 'insert',
        records: [{ ada: false, n: 1 }],
      });
      expect((await call<Search>('datastore_search', { resource_id: link })).records).toEqual([
        { ada: true, n: 1 },
        { ada: false, n: 1 },
      ]);
    });

    it('answers Not Found for a hidden dataset’s table and Forbidden to the anonymous', async () => {
      const res = await call('datastore_create', {
        resource: { package_id: 'rahasia' },
        fields: [{ id: 'x', type: 'text' }],
      });
      const secret = String(res.resource_id);
      const outsider: Actor = {
        id: '00000000-0000-4000-8000-000000000001',
        name: 'luar',
        sysadmin: false,
        memberships: {},
      };
      for (const [name, input] of [
        ['datastore_upsert', { resource_id: secret, records: [{ x: 'a' }], method: 'insert' }],
        ['datastore_delete', { resource_id: secret }],
        ['datastore_create', { resource_id: secret, fields: [{ id: 'y', type: 'text' }] }],
        ['datastore_create', { resource: { package_id: 'rahasia' }, fields: [{ id: 'y', type: 'text' }] }],
      ] as const) {
        expect((await failure(as(outsider, name, input))).code, name).toBe('NOT_FOUND');
        expect((await failure(as(null, name, input))).code, name).toBe('FORBIDDEN');
      }
      expect((await failure(as(outsider, 'datastore_delete', { resource_id: 'bukan-uuid' }))).code).toBe(
        'NOT_FOUND',
      );
    });
  },
);
