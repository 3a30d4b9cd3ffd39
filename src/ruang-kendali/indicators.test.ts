/**
 * Indicators over a datastore table on both catalog engines: value, target, achievement and
 * status on 3- and 5-level scales with both polarities; values by province and by the regencies
 * of one province; a new version changes the value and the lineage; privacy of the indicator
 * and of its dataset.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { failure } from '../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { ActionContext } from '../actions/types.js';
import { loadActor } from '../auth/actor.js';
import { makeContext } from '../http/context.js';
import { ruangKendaliBus } from './bus.js';
import { EVALUATE_JOB } from './job.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

const RECORDS = [
  { kode: '32.01', prov: '32', tahun: 2023, nilai: 10 },
  { kode: '32.73', prov: '32', tahun: 2023, nilai: 6 },
  { kode: '33.01', prov: '33', tahun: 2023, nilai: 8 },
  { kode: '32.01', prov: '32', tahun: 2024, nilai: 9 },
  { kode: '32.73', prov: '32', tahun: 2024, nilai: 5 },
  { kode: '33.01', prov: '33', tahun: 2024, nilai: 7 },
];
const FIELDS = [
  { id: 'kode', type: 'text' },
  { id: 'prov', type: 'text' },
  { id: 'tahun', type: 'int' },
  { id: 'nilai', type: 'numeric' },
];

describe.each(CATALOG_ENGINES)('indicators on %s', (engine) => {
  let t: TestServices;
  let sys: ActionContext;
  let outsider: ActionContext;
  let member: ActionContext;
  const call = (name: string, input: Any, ctx = sys) => t.registry.call(name, ctx, input) as Promise<Any>;
  const indicator = (name: string, extra: Any) =>
    call('indicator_create', {
      name,
      title: `Indikator ${name}`,
      owner_org: 'bps',
      package_id: 'kemiskinan',
      measure: 'nilai',
      region_column: 'kode',
      region_level: 'regency',
      province_column: 'prov',
      period_column: 'tahun',
      ...extra,
    });

  beforeEach(async () => {
    t = await openTestServices(engine);
    sys = systemCtx(t);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('organization_create', { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    for (const [name, priv] of [
      ['kemiskinan', false],
      ['rahasia', true],
    ] as const) {
      await call('package_create', { name, title: `Data ${name}`, owner_org: 'bps', private: priv });
      await call('datastore_create', {
        resource: { package_id: name, name: `Tabel ${name}` },
        fields: FIELDS,
        primary_key: ['kode', 'tahun'],
        records: RECORDS,
      });
    }
    const ctxOf = async (user: string, org: string, capacity: string) => {
      const u = await addUser(t, user);
      await call('member_create', { id: org, object: user, object_type: 'user', capacity });
      return makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, u.id), 'id', user);
    };
    outsider = await ctxOf('orang-luar', 'kemenkes', 'admin');
    member = await ctxOf('anggota-bps', 'bps', 'member');
  });
  afterEach(async () => t.cleanup());

  it('computes value, target, achievement and status on 3 and 5 levels with both polarities', async () => {
    const cases: [string, Any, number, number, string][] = [
      // name, definition, target 2024, achievement, status
      ['avg-lower-3', { aggregation: 'avg', polarity: 'lower' }, 7.5, 106.67, 'green'],
      ['avg-lower-3-red', { aggregation: 'avg', polarity: 'lower' }, 5, 60, 'red'],
      ['avg-lower-5', { aggregation: 'avg', polarity: 'lower', scale: { levels: 5 } }, 6.5, 92.31, 'amber'],
      ['sum-higher-3', { aggregation: 'sum', polarity: 'higher' }, 22, 95.45, 'amber'],
      [
        'sum-higher-5',
        { aggregation: 'sum', polarity: 'higher', scale: { levels: 5 } },
        22,
        95.45,
        'amber_green',
      ],
      ['sum-higher-5-red', { aggregation: 'sum', polarity: 'higher', scale: { levels: 5 } }, 30, 70, 'red'],
    ];
    for (const [name, def, target, achieved, status] of cases) {
      await indicator(name, { ...def, targets: [{ period: '2024', value: target }] });
      const shown = await call('indicator_show', { id: name });
      expect(shown.current, name).toMatchObject({ period: '2024', target, achievement: achieved, status });
      expect(shown.current.value, name).toBeCloseTo(def.aggregation === 'avg' ? 7 : 21, 6);
    }
    const five = await call('indicator_show', { id: 'sum-higher-5' });
    expect(five.scale.definitions.map((d: Any) => d.level)).toEqual([
      'green',
      'amber_green',
      'amber',
      'amber_red',
      'red',
    ]);
    expect(five.scale.definitions[1]).toMatchObject({
      id: 'Capaian 95% hingga di bawah 100% dari target.',
      en: 'Achievement from 95% to below 100% of the target.',
    });
    expect(five.as_of).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(five.freshness.age_days).toBe(0);
    // The trajectory supplies the target of a period without one.
    await indicator('with-trajectory', {
      aggregation: 'sum',
      polarity: 'higher',
      trajectory: [{ period: '2024', value: 21 }],
    });
    expect((await call('indicator_show', { id: 'with-trajectory' })).current).toMatchObject({
      target: 21,
      status: 'green',
    });
  });

  it('gives values by province and by the regencies of one province, with per-region targets', async () => {
    await indicator('per-wilayah', {
      aggregation: 'sum',
      polarity: 'higher',
      targets: [
        { period: '2024', value: 20 },
        { period: '2024', value: 15, region_code: '32' },
      ],
    });
    const prov = await call('indicator_values', { id: 'per-wilayah', level: 'province', period: '2024' });
    expect(prov.values.map((v: Any) => [v.region_code, v.value, v.target, v.status])).toEqual([
      ['32', 14, 15, 'amber'],
      ['33', 7, 20, 'red'],
    ]);
    const reg = await call('indicator_values', { id: 'per-wilayah', level: 'regency', province: '32' });
    expect(reg.values.map((v: Any) => [v.period, v.region_code, v.value])).toEqual([
      ['2023', '32.01', 10],
      ['2023', '32.73', 6],
      ['2024', '32.01', 9],
      ['2024', '32.73', 5],
    ]);
    const national = await call('indicator_values', { id: 'per-wilayah' });
    expect(national.values.map((v: Any) => [v.period, v.value])).toEqual([
      ['2023', 24],
      ['2024', 21],
    ]);
    const bad = await failure(
      call('indicator_create', {
        name: 'salah',
        owner_org: 'bps',
        package_id: 'kemiskinan',
        measure: 'tidak_ada',
        polarity: 'higher',
      }),
    );
    expect(bad.fields?.measure?.[0]).toContain('tidak_ada');
  });

  it('follows a new version: value, event and lineage name it; a pinned indicator stays', async () => {
    await indicator('ikut', { aggregation: 'sum', polarity: 'higher' });
    await indicator('tetap', { aggregation: 'sum', polarity: 'higher', version: 1 });
    const before = await call('indicator_show', { id: 'ikut' });
    expect(before.lineage).toMatchObject({
      dataset_name: 'kemiskinan',
      version: 1,
      institution: { name: 'bps' },
    });
    expect(before.lineage.url).toMatch(/\/dataset\/kemiskinan$/);
    expect(before.lineage.resource_name).toBe('Tabel kemiskinan');
    const events: Any[] = [];
    ruangKendaliBus(t.services).on('indicator.updated', (e) => events.push(e));
    await call('datastore_upsert', {
      resource_id: before.lineage.resource_id,
      records: [{ kode: '33.01', tahun: 2024, nilai: 10 }],
      method: 'upsert',
    });
    const after = await call('indicator_show', { id: 'ikut' });
    expect(after.current.value).toBe(24);
    expect(after.lineage.version).toBe(2);
    const pinned = await call('indicator_show', { id: 'tetap' });
    expect([pinned.current.value, pinned.lineage.version, pinned.lineage.pinned]).toEqual([21, 1, true]);
    // The new version queued an evaluation job for the dataset (the write did not wait for it);
    // run, it stores the new value and emits the change.
    const target = `dataset:${before.lineage.dataset_id}:v2`;
    let job: Any | undefined;
    for (let i = 0; i < 50 && !job; i++) {
      job = (await t.services.jobs.store.list({ kind: EVALUATE_JOB })).find((j) => j.target === target);
      if (!job) await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).toBeDefined();
    expect(events).toEqual([]);
    await t.services.jobs.start();
    expect((await t.services.jobs.wait(job?.id)).state).toBe('succeeded');
    expect(events).toEqual([expect.objectContaining({ name: 'ikut', value: 24, version: 2 })]);
    const listed = (await call('indicator_list', {})) as unknown as Any[];
    expect(listed.find((i) => i.name === 'ikut')?.last).toMatchObject({ value: 24, version: 2 });
  });

  it('hides indicators over private datasets, and private indicators, from outsiders', async () => {
    await indicator('terbuka', { aggregation: 'sum', polarity: 'higher' });
    await indicator('atas-rahasia', { aggregation: 'sum', polarity: 'higher', package_id: 'rahasia' });
    await indicator('internal', { aggregation: 'sum', polarity: 'higher', private: true });
    const names = async (ctx: ActionContext | null) =>
      (
        (await t.registry.call(
          'indicator_list',
          ctx ?? makeContext(t.registry, t.services, null, 'id', 'anon'),
          {},
        )) as Any[]
      ).map((i) => i.name);
    expect(await names(null)).toEqual(['terbuka']);
    expect(await names(outsider)).toEqual(['terbuka']);
    expect((await names(member)).sort()).toEqual(['atas-rahasia', 'internal', 'terbuka']);
    for (const id of ['atas-rahasia', 'internal']) {
      expect((await failure(call('indicator_show', { id }, outsider))).code).toBe('NOT_FOUND');
      expect((await failure(call('indicator_values', { id, level: 'province' }, outsider))).code).toBe(
        'NOT_FOUND',
      );
      expect((await call('indicator_show', { id }, member)).name).toBe(id);
    }
    // An outsider cannot build an indicator over the private dataset either.
    const err = await failure(
      call(
        'indicator_create',
        { name: 'curi', owner_org: 'kemenkes', package_id: 'rahasia', measure: 'nilai', polarity: 'higher' },
        outsider,
      ),
    );
    expect(err.code).toBe('NOT_FOUND');
  });
});
