import { afterEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { DEMO_DATASETS } from './datasets.js';
import { DEMO_TAG, demoTableId, seedDemo } from './seed.js';

describe.each(['pglite', 'postgres'] as const)('demo seed on %s', (engine) => {
  const open: TestServices[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.cleanup();
  });
  const fresh = async () => {
    const t = await openTestServices(engine, { regions: true });
    open.push(t);
    return t;
  };

  it('creates 8 institutions and 20 datasets, each with a version in the datastore, marked synthetic', async () => {
    const t = await fresh();
    const steps: number[] = [];
    expect(await seedDemo(t.services.catalog.db, t.services.datastore, (done) => steps.push(done))).toBe(20);
    expect(steps.at(-1)).toBe(20);
    const db = t.services.catalog.db;
    expect(await db.selectFrom('organization').select('name').orderBy('name').execute()).toHaveLength(8);
    const datasets = await db.selectFrom('dataset').selectAll().execute();
    expect(datasets).toHaveLength(DEMO_DATASETS.length);
    for (const ds of datasets) {
      expect(ds.tags).toContain(DEMO_TAG);
      expect(ds.notes).toMatch(/Data demo sintetis/);
      expect(ds.extras.synthetic).toBe('true');
      expect(ds.sdi.cakupan_waktu_mulai).toMatch(/^20\d\d$/);
    }
    const versions = await db.selectFrom('dataset_version').selectAll().execute();
    expect(versions).toHaveLength(20);
    const poverty = versions.find((v) => v.table_id === demoTableId('persentase-penduduk-miskin-provinsi'));
    expect(poverty?.row_count).toBe(38 * 6);
    const byRegency = versions.find(
      (v) => v.table_id === demoTableId('persentase-penduduk-miskin-kabupaten-kota'),
    );
    expect(byRegency?.row_count).toBe(514);
  });

  it('sets the spatial coverage, so region pages list the datasets covering them', async () => {
    const t = await fresh();
    await seedDemo(t.services.catalog.db, t.services.datastore);
    const search = async (fq: string) =>
      (
        (await t.registry.call('package_search', systemCtx(t), { fq, rows: 100, facet: false })) as {
          results: { name: string }[];
        }
      ).results.map((r) => r.name);
    const provinceLevel = DEMO_DATASETS.filter((d) => d.level === 'province').map((d) => d.name);
    const regencyLevel = DEMO_DATASETS.filter((d) => d.level === 'regency').map((d) => d.name);
    // A province: its own rows in the province tables and its regencies' rows in the regency ones.
    expect((await search('region:"32"')).sort()).toEqual([...provinceLevel, ...regencyLevel].sort());
    // A regency (Kota Bandung): only the tables with rows by regency.
    expect((await search('region:"32.73"')).sort()).toEqual([...regencyLevel].sort());
    expect(await search('region:"99"')).toEqual([]);
  });

  it('is deterministic and plausible', async () => {
    const [a, b] = [await fresh(), await fresh()];
    await seedDemo(a.services.catalog.db, a.services.datastore);
    await seedDemo(b.services.catalog.db, b.services.datastore);
    const ref = { tableId: demoTableId('persentase-penduduk-miskin-provinsi'), version: 1 };
    const q = { sort: [{ column: 'kode_provinsi' }, { column: 'tahun' }], limit: 1000 };
    const ra = await a.services.datastore.query(ref, q);
    const rb = await b.services.datastore.query(ref, q);
    expect(ra.rows).toEqual(rb.rows);
    const values = ra.rows.map((r) => r.persentase_penduduk_miskin as number);
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(45);
    // Poorer east: Papua Pegunungan (95) above DKI Jakarta (31) in every year.
    const at = (code: string, year: number) =>
      ra.rows.find((r) => r.kode_provinsi === code && r.tahun === year)?.persentase_penduduk_miskin as number;
    for (const y of [2019, 2024]) expect(at('95', y)).toBeGreaterThan(at('31', y));
  });
});
