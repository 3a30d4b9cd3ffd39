import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { jsonb } from '../../catalog/json.js';
import type { KendaliError } from '../../core/errors.js';
import type { RowChange, VersionDiff } from '../../datastore/diff.js';
import { makeContext } from '../../http/context.js';
import { addUpload } from '../../ingest/uploads.js';

type DiffResult = VersionDiff & {
  from_version: number;
  to_version: number;
  compared_by: string;
  note?: string;
};

const V1 = 'kode,komoditas,harga\nK1,beras,12000\nK2,jagung,8000\nK3,kedelai,11000\nK4,gula,15000\n';
const V2 = 'kode,komoditas,harga\nK1,beras,12000\nK2,jagung,8500\nK4,gula,15000\nK5,garam,4000\n';

describe.each(['pglite', 'postgres'] as const)('datastore_diff on %s', (engine) => {
  let t: TestServices;
  const files = mkdtempSync(join(tmpdir(), 'kendali-diff-'));
  const call = (name: string, input: unknown) => t.registry.call(name, systemCtx(t), input);
  const diff = (input: Record<string, unknown>) => call('datastore_diff', input) as Promise<DiffResult>;
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as KendaliError,
    );
  let n = 0;
  const importCsv = async (text: string, packageId: string) => {
    const path = join(files, `v${++n}.csv`);
    writeFileSync(path, text);
    const up = await addUpload(t.services.config.dataDir, path, null);
    const res = (await call('datastore_import', { upload_id: up.id, package_id: packageId })) as {
      resource_id: string;
      version: number;
    };
    return res;
  };
  let prices = '';

  beforeAll(async () => {
    t = await openTestServices(engine);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    for (const name of ['harga', 'kolom', 'besar'])
      await call('package_create', { name, title: name, owner_org: 'bps' });
    prices = (await importCsv(V1, 'harga')).resource_id;
    await importCsv(V2, 'harga');
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  it('by key: exactly the changed value, the added row and the removed row', async () => {
    const res = await diff({ resource_id: prices, key: 'kode' });
    expect(res).toMatchObject({
      from_version: 1,
      to_version: 2,
      compared_by: 'key',
      key: ['kode'],
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 2,
      columns: { added: [], removed: [], compared: ['komoditas', 'harga'] },
    });
    expect(res.examples.added).toEqual([{ kode: 'K5', komoditas: 'garam', harga: 4000 }]);
    expect(res.examples.removed).toEqual([{ kode: 'K3', komoditas: 'kedelai', harga: 11000 }]);
    expect(res.examples.changed).toEqual<RowChange[]>([
      {
        key: { kode: 'K2' },
        before: { kode: 'K2', komoditas: 'jagung', harga: 8000 },
        after: { kode: 'K2', komoditas: 'jagung', harga: 8500 },
        columns: ['harga'],
      },
    ]);
    const asList = await diff({ resource_id: prices, key: ['kode'], from_version: 1, to_version: 2 });
    expect(asList).toEqual(res);
    const backwards = await diff({ resource_id: prices, key: 'kode', from_version: 2, to_version: 1 });
    expect([backwards.added, backwards.removed, backwards.changed]).toEqual([1, 1, 1]);
    expect(backwards.examples.added[0]?.kode).toBe('K3');
  });

  it('without a key: whole rows, counts of added and removed only, and says so', async () => {
    const res = await diff({ resource_id: prices });
    expect(res).toMatchObject({
      compared_by: 'row',
      key: [],
      added: 2,
      removed: 2,
      changed: 0,
      unchanged: 2,
    });
    expect(res.note).toMatch(/whole rows were compared/);
    expect(res.examples.added.map((r) => r.kode)).toEqual(['K2', 'K5']);
  });

  it('without a key, the primary key the catalog records for the table', async () => {
    await call('package_create', { name: 'kunci', title: 'Kunci', owner_org: 'bps' });
    const { resource_id } = await importCsv(V1, 'kunci');
    await importCsv(V2, 'kunci');
    const db = t.services.catalog.db;
    const v2 = await db
      .selectFrom('dataset_version')
      .select(['id', 'columns'])
      .where('resource_id', '=', resource_id)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    const columns = v2.columns.map((c) => ({ ...c, primary_key: c.name === 'kode' }));
    await db
      .updateTable('dataset_version')
      .set({ columns: jsonb(columns) })
      .where('id', '=', v2.id)
      .execute();
    const res = await diff({ resource_id });
    expect(res).toMatchObject({
      compared_by: 'primary_key',
      key: ['kode'],
      added: 1,
      removed: 1,
      changed: 1,
    });
    expect(res.note).toBeUndefined();
  });

  it('a key column missing in one version is a validation error naming it', async () => {
    const first = await importCsv('kode,nilai\nA,1\nB,2\n', 'kolom');
    await importCsv('id,nilai,catatan\nA,1,x\nB,3,y\n', 'kolom');
    const err = await failure(diff({ resource_id: first.resource_id, key: 'kode,nilai' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.key).toEqual(['key column "kode" is not in version 2']);
    expect(err.message).toMatch(/"kode"/);
    const rows = await diff({ resource_id: first.resource_id, key: 'nilai' });
    expect(rows.columns).toEqual({ added: ['id', 'catatan'], removed: ['kode'], compared: [] });
    expect([rows.added, rows.removed, rows.changed, rows.unchanged]).toEqual([1, 1, 0, 1]);
    const notUnique = await importCsv('id,nilai,catatan\nA,1,x\nA,3,y\n', 'kolom');
    expect(notUnique.version).toBe(3);
    const dup = await failure(diff({ resource_id: first.resource_id, key: 'id' }));
    expect(dup.fields?.key?.[0]).toMatch(
      /not unique in version 3: 1 values appear more than once, e.g. id="A"/,
    );
  });

  it('a big diff pages its examples with limit and offset', async () => {
    const rows = (f: (i: number) => number) =>
      `kode,nilai\n${Array.from({ length: 250 }, (_, i) => `R${String(i).padStart(3, '0')},${f(i)}`).join('\n')}\n`;
    const { resource_id } = await importCsv(
      rows((i) => i),
      'besar',
    );
    await importCsv(
      rows((i) => (i % 5 === 0 ? i : i + 1)),
      'besar',
    );
    const first = await diff({ resource_id, key: 'kode', limit: 10 });
    expect(first).toMatchObject({ changed: 200, unchanged: 50, added: 0, removed: 0, limit: 10, offset: 0 });
    expect(first.examples.changed.map((c) => c.key.kode)).toEqual([
      'R001',
      'R002',
      'R003',
      'R004',
      'R006',
      'R007',
      'R008',
      'R009',
      'R011',
      'R012',
    ]);
    const next = await diff({ resource_id, key: 'kode', limit: 10, offset: 10 });
    expect(next.examples.changed[0]?.key.kode).toBe('R013');
    const all = await diff({ resource_id, key: 'kode', limit: 1000 });
    expect(all.examples.changed).toHaveLength(200);
    const none = await diff({ resource_id, key: 'kode', limit: 0 });
    expect([none.changed, none.examples.changed.length]).toEqual([200, 0]);
    expect((await failure(diff({ resource_id, key: 'kode', limit: 1001 }))).code).toBe('VALIDATION');
  });

  it('a table with one version has nothing to compare by default; hidden tables are not found', async () => {
    await call('package_create', { name: 'sekali', title: 'Sekali', owner_org: 'bps', private: true });
    const once = await importCsv(V1, 'sekali');
    const err = await failure(diff({ resource_id: once.resource_id }));
    expect(err.fields?.from_version?.[0]).toMatch(/first/);
    const same = await diff({ resource_id: once.resource_id, from_version: 1, to_version: 1, key: 'kode' });
    expect([same.added, same.removed, same.changed, same.unchanged]).toEqual([0, 0, 0, 4]);
    const anon = makeContext(t.registry, t.services, null, 'id', 't');
    const hidden = await failure(t.registry.call('datastore_diff', anon, { resource_id: once.resource_id }));
    expect(hidden.code).toBe('NOT_FOUND');
  });
});
