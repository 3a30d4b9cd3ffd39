/**
 * Kendali harvesting Kendali: the remote is a real Kendali HTTP app (its CKAN Action API, its
 * `/datastore/dump/…`, its Not Found for a private dataset), so the harvest is checked against
 * what another Kendali actually answers, not only against the CKAN-shaped fixture.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from '../http/app.js';
import { addUpload, removeUpload } from '../ingest/uploads.js';
import { type HarvestDeps, runHarvest } from './run.js';

describe('Kendali harvests another Kendali', () => {
  let a: TestServices;
  let b: TestServices;
  let app: FastifyInstance;
  let url = '';
  const files = mkdtempSync(join(tmpdir(), 'kendali-harvest-k-'));
  const onA = (name: string, input: Record<string, unknown>) => a.registry.call(name, systemCtx(a), input);
  const onB = <T>(name: string, input: Record<string, unknown>) =>
    b.registry.call(name, systemCtx(b), input) as Promise<T>;
  const source = {
    id: '5b0c2a8e-5d1f-4c57-9b7e-0d6f3c3f0a11',
    name: 'pusat',
    type: 'ckan' as const,
    url: '',
    org: 'jabar',
  };
  const deps = (): HarvestDeps => ({
    call: (name, input) => onB(name, input),
    upload: async (path) => (await addUpload(b.services.config.dataDir, path, null)).id,
    discardUpload: (id) => removeUpload(b.services.config.dataDir, id),
    workDir: join(b.services.config.dataDir, 'tmp', 'harvest'),
  });

  beforeAll(async () => {
    [a, b] = await Promise.all([openTestServices('pglite'), openTestServices('pglite')]);
    await onA('organization_create', { name: 'bps', title: 'BPS' });
    await onA('package_create', { name: 'penduduk', title: 'Jumlah Penduduk', owner_org: 'bps' });
    const csv = join(files, 'penduduk.csv');
    writeFileSync(csv, 'provinsi;tahun;jumlah\nAceh;2024;"5.554.800"\nBali;2024;"4.433.300"\n');
    const upload = await addUpload(a.services.config.dataDir, csv, null);
    await onA('datastore_import', { upload_id: upload.id, package_id: 'penduduk' });
    await onB('organization_create', { name: 'jabar', title: 'Jawa Barat' });
    app = await buildApp({ registry: a.registry, services: a.services, logger: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    source.url = url;
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([a?.cleanup(), b?.cleanup()]);
    rmSync(files, { recursive: true, force: true });
  });

  it('copies the dataset with its table, and removes it once made private', async () => {
    const first = await runHarvest(source, deps());
    expect(first).toEqual({
      counts: { created: 1, updated: 0, unchanged: 0, deleted: 0, failed: 0 },
      errors: [],
      seen: 1,
    });
    const ds = await onB<{ title: string; resources: { id: string; datastore_active: boolean }[] }>(
      'package_show',
      { id: 'penduduk' },
    );
    expect(ds.title).toBe('Jumlah Penduduk');
    const table = await onB<{ records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: ds.resources[0]?.id,
      sort: 'provinsi asc',
    });
    // The remote's region codes come as they are, not coded a second time.
    expect(table.records).toEqual([
      { provinsi: 'Aceh', tahun: 2024, jumlah: 5554800, provinsi_kode: '11', provinsi_nama_baku: 'Aceh' },
      { provinsi: 'Bali', tahun: 2024, jumlah: 4433300, provinsi_kode: '51', provinsi_nama_baku: 'Bali' },
    ]);

    expect((await runHarvest(source, deps())).counts).toMatchObject({ unchanged: 1 });

    await onA('package_patch', { id: 'penduduk', private: true });
    const gone = await runHarvest(source, deps());
    expect(gone).toEqual({
      counts: { created: 0, updated: 0, unchanged: 0, deleted: 1, failed: 0 },
      errors: [],
      seen: 0,
    });
    expect((await onB<{ state: string }>('package_show', { id: 'penduduk' })).state).toBe('deleted');
  });
});
