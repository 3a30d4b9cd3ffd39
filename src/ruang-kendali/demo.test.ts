/**
 * The demo seed's control room: indicators over the demo datasets compute (national, by
 * province, regencies of one province), programmes and open alerts are there, and the demo
 * boards compute every tile without an error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { seedDemo } from '../demo/seed.js';
import { evaluate } from './evaluate.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

describe.each(CATALOG_ENGINES)('control room demo on %s', (engine) => {
  let t: TestServices;
  beforeEach(async () => {
    t = await openTestServices(engine, { regions: true });
    await seedDemo(t.services.catalog.db, t.services.datastore);
  });
  afterEach(async () => t.cleanup());

  it('seeds indicators that compute, programmes and open alerts', async () => {
    const call = (name: string, input: Any) => t.registry.call(name, systemCtx(t), input) as Promise<Any>;
    const started = performance.now();
    const result = await evaluate(t.services);
    const ms = performance.now() - started;
    expect(result.indicators).toBe(5);
    console.info(`demo evaluation on ${engine}: ${result.indicators} indicators in ${ms.toFixed(0)} ms`);
    const poverty = await call('indicator_show', { id: 'kemiskinan-nasional' });
    expect(poverty.current.period).toBe('2024');
    expect(poverty.current.value).toBeGreaterThan(3);
    expect(poverty.current.status).toMatch(/^(green|amber_green|amber|amber_red|red)$/);
    expect(poverty.lineage).toMatchObject({
      dataset_name: 'persentase-penduduk-miskin-provinsi',
      version: 1,
    });
    const provinces = await call('indicator_values', {
      id: 'kemiskinan-nasional',
      level: 'province',
      period: '2024',
    });
    expect(provinces.values).toHaveLength(38);
    expect(provinces.values.find((v: Any) => v.region_code === '32')?.region_name).toMatch(/JAWA BARAT/i);
    const jabar = await call('indicator_values', {
      id: 'kemiskinan-kabupaten-kota',
      level: 'regency',
      province: '32',
    });
    expect(jabar.values).toHaveLength(27);
    expect(jabar.values.every((v: Any) => v.region_code.startsWith('32.'))).toBe(true);
    expect(await call('programme_list', {})).toHaveLength(4);
    const alerts = await call('alert_list', {});
    expect(alerts.length).toBeGreaterThanOrEqual(2);

    const boards = await call('board_list', {});
    expect(boards.map((b: Any) => b.name).sort()).toEqual(['jawa-barat', 'nasional']);
    for (const name of ['nasional', 'jawa-barat']) {
      const t0 = performance.now();
      const view = await call('board_show', { id: name, data: true });
      console.info(
        `demo board ${name} on ${engine}: ${view.tiles.length} tiles in ${(performance.now() - t0).toFixed(0)} ms`,
      );
      const errors = view.tiles.filter((x: Any) => x.data.error).map((x: Any) => `${x.id}: ${x.data.error}`);
      expect(errors).toEqual([]);
    }
    const nasional = await call('board_show', { id: 'nasional', data: true });
    expect(nasional.tiles.length).toBeGreaterThanOrEqual(10);
    expect(new Set(nasional.tiles.map((x: Any) => x.kind))).toEqual(
      new Set(['kpi', 'trend', 'map', 'ranking', 'alerts', 'programmes', 'media']),
    );
    const map = nasional.tiles.find((x: Any) => x.kind === 'map').data;
    expect(map.regions).toHaveLength(38);
    expect(nasional.tiles.find((x: Any) => x.kind === 'alerts').data.alerts.length).toBeGreaterThanOrEqual(2);
    expect(nasional.tiles.find((x: Any) => x.kind === 'programmes').data.programmes).toHaveLength(4);
    const jabarBoard = await call('board_show', { id: 'jawa-barat', data: true });
    const table = jabarBoard.tiles.find((x: Any) => x.id === 'tabel-kabupaten').data;
    expect(table.regions).toHaveLength(27);
    expect(table.regions.every((r: Any) => r.code.startsWith('32.') && r.value !== null)).toBe(true);
    const best = jabarBoard.tiles.find((x: Any) => x.id === 'kabupaten-terbaik').data.regions;
    expect(best).toHaveLength(10);
    expect(best[0].value).toBeLessThanOrEqual(best[9].value);
    expect(
      jabarBoard.tiles.find((x: Any) => x.kind === 'programmes').data.programmes.map((p: Any) => p.title),
    ).toEqual(['Bantuan Pangan Beras']);
  }, 120_000);
});
