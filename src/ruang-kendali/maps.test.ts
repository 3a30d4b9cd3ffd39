/**
 * Region maps: code forms accepted, the shared province and regency boundaries registered with
 * every feature matched, unknown codes reported by index and value, a file without any match
 * refused, and `GET /api/maps/{name}.geojson` with `kode`, ETag/304 and gzip. Both engines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { failure } from '../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { loadActor } from '../auth/actor.js';
import { buildApp } from '../http/app.js';
import { makeContext } from '../http/context.js';
import { addUpload } from '../ingest/uploads.js';
import { normaliseCode } from './maps.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

const GEO = join(import.meta.dirname, '../../../shared/data/geo');

describe('map codes', () => {
  it('accepts 32, 3204, 32.04, numbers and spreadsheet damage', () => {
    expect(normaliseCode('32', 'province')).toBe('32');
    expect(normaliseCode(32, 'province')).toBe('32');
    expect(normaliseCode('32.0', 'province')).toBe('32');
    expect(normaliseCode('3204', 'regency')).toBe('32.04');
    expect(normaliseCode(3204, 'regency')).toBe('32.04');
    expect(normaliseCode('32.04', 'regency')).toBe('32.04');
    expect(normaliseCode(32.04, 'regency')).toBe('32.04');
    expect(normaliseCode(32.1, 'regency')).toBe('32.10');
    expect(normaliseCode('3201.0', 'regency')).toBe('32.01');
    expect(normaliseCode('32', 'regency')).toBeNull();
    expect(normaliseCode('3204', 'province')).toBeNull();
    expect(normaliseCode(null, 'province')).toBeNull();
    expect(normaliseCode('Jawa Barat', 'province')).toBeNull();
  });
});

describe.each(CATALOG_ENGINES)('region maps on %s', (engine) => {
  let t: TestServices;
  const call = (name: string, input: Any) => t.registry.call(name, systemCtx(t), input) as Promise<Any>;
  const upload = async (file: string) => (await addUpload(t.dataDir, file, null)).id;

  beforeEach(async () => {
    t = await openTestServices(engine, { regions: true });
  });
  afterEach(async () => t.cleanup());

  it('registers the shared boundaries and serves them with kode, ETag and gzip', async () => {
    const started = performance.now();
    const prov = await call('map_create', {
      name: 'provinsi',
      title: 'Provinsi',
      level: 'province',
      code_property: 'code',
      upload_id: await upload(join(GEO, 'provinces.geojson')),
    });
    expect(prov).toMatchObject({ feature_count: 38, matched: 38, unmatched: [], unmatched_count: 0 });
    const reg = await call('map_create', {
      name: 'kabupaten-kota',
      level: 'regency',
      code_property: 'code',
      upload_id: await upload(join(GEO, 'regencies.geojson')),
    });
    expect(reg).toMatchObject({ feature_count: 514, matched: 514, unmatched_count: 0 });
    console.info(`maps on ${engine}: both registered in ${(performance.now() - started).toFixed(0)} ms`);
    expect((await call('map_list', {})).map((m: Any) => m.name)).toEqual(['kabupaten-kota', 'provinsi']);
    expect(await call('map_show', { id: 'provinsi' })).toMatchObject({
      level: 'province',
      url: expect.stringMatching(/\/api\/maps\/provinsi\.geojson$/),
    });

    const app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    try {
      const res = await app.inject({ url: '/api/maps/kabupaten-kota.geojson' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/geo+json');
      const body = res.json();
      expect(body.features).toHaveLength(514);
      const bandung = body.features.find((f: Any) => f.properties.kode === '32.04');
      expect(bandung.properties.name).toMatch(/Bandung/);
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      expect(
        (await app.inject({ url: '/api/maps/kabupaten-kota.geojson', headers: { 'if-none-match': etag } }))
          .statusCode,
      ).toBe(304);
      const gz = await app.inject({
        url: '/api/maps/provinsi.geojson',
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.rawPayload.length).toBeLessThan(1_000_000);
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).features[0].properties.kode).toBe('11');
      expect((await app.inject({ url: '/api/maps/tidak-ada.geojson' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    // Board map tiles may name a registered map of their level only.
    await call('organization_create', { name: 'ksp', title: 'KSP' });
    const tile = (options: Any) => ({
      id: 'a',
      kind: 'map',
      indicator: 'x',
      x: 0,
      y: 0,
      w: 12,
      h: 2,
      options,
    });
    const board = (options: Any) =>
      failure(
        call('board_create', { name: 'peta', title: 'Peta', organization: 'ksp', tiles: [tile(options)] }),
      );
    expect(Object.keys((await board({ map: 'provinsi' })).fields ?? {})).toEqual(['tiles[0].indicator']);
    expect(
      Object.keys((await board({ map: 'kabupaten-kota', level: 'regency', province: '32' })).fields ?? {}),
    ).toEqual(['tiles[0].indicator']);
    expect((await board({ map: 'provinsi', level: 'regency', province: '32' })).fields).toHaveProperty([
      'tiles[0].options.map',
    ]);
  });

  it('reports unknown codes by index and value, and refuses a file with no match', async () => {
    const file = join(t.dataDir, 'campur.geojson');
    const feature = (props: Any) => ({ type: 'Feature', properties: props, geometry: null });
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ kode: 3204 }),
          feature({ kode: '32.73' }),
          feature({ kode: '99.99' }),
          feature({ nama: 'tanpa kode' }),
          feature({ kode: 32.1 }),
        ],
      }),
    );
    const made = await call('map_create', {
      name: 'campur',
      level: 'regency',
      code_property: 'kode',
      upload_id: await upload(file),
    });
    expect(made.matched).toBe(3);
    expect(made.unmatched).toEqual([
      { index: 2, value: '99.99' },
      { index: 3, value: null },
    ]);
    const names = await failure(
      call('map_create', {
        name: 'nama-saja',
        level: 'regency',
        code_property: 'WADMKK',
        upload_id: await upload(join(GEO, 'alt/regencies_names_only_mashadinoor.geojson')),
      }),
    );
    expect(names.code).toBe('VALIDATION');
    expect(names.fields?.code_property?.[0]).toMatch(/no feature's "WADMKK" is a Kemendagri regency code/);
    const u = await addUser(t, 'biasa');
    const plain = makeContext(
      t.registry,
      t.services,
      await loadActor(t.services.catalog.db, u.id),
      'id',
      'u',
    );
    const denied = await failure(
      t.registry.call('map_create', plain, {
        name: 'x1',
        level: 'province',
        code_property: 'code',
        upload_id: await upload(file),
      }),
    );
    expect(denied.code).toBe('FORBIDDEN');
  });
});
