/**
 * Boards on both catalog engines: document checks naming the tile and field, tile data per
 * kind (kpi, trend, ranking by polarity, regencies of one province, alerts, programmes, media),
 * privacy of boards and of indicators for the viewer (share links for anonymous viewers), the
 * portable document, `board.changed`, and a tile's value after a new dataset version.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { failure } from '../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { ActionContext } from '../actions/types.js';
import { loadActor } from '../auth/actor.js';
import { makeContext } from '../http/context.js';
import { type BoardChanged, ruangKendaliBus } from './bus.js';
import { evaluate } from './evaluate.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

const RECORDS = [
  { kode: '32.01', prov: '32', tahun: 2023, nilai: 12 },
  { kode: '32.73', prov: '32', tahun: 2023, nilai: 8 },
  { kode: '33.01', prov: '33', tahun: 2023, nilai: 10 },
  { kode: '32.01', prov: '32', tahun: 2024, nilai: 10 },
  { kode: '32.73', prov: '32', tahun: 2024, nilai: 6 },
  { kode: '33.01', prov: '33', tahun: 2024, nilai: 5 },
];
const FIELDS = [
  { id: 'kode', type: 'text' },
  { id: 'prov', type: 'text' },
  { id: 'tahun', type: 'int' },
  { id: 'nilai', type: 'numeric' },
];

const TILES = [
  { id: 'kpi', kind: 'kpi', indicator: 'miskin', x: 0, y: 0, w: 3, h: 2 },
  { id: 'tren', kind: 'trend', indicator: 'miskin', x: 3, y: 0, w: 6, h: 2 },
  { id: 'peta', kind: 'map', indicator: 'miskin', x: 9, y: 0, w: 3, h: 2 },
  { id: 'terbaik', kind: 'ranking', indicator: 'miskin', x: 0, y: 2, w: 4, h: 3 },
  {
    id: 'terburuk',
    kind: 'ranking',
    indicator: 'miskin',
    x: 4,
    y: 2,
    w: 4,
    h: 3,
    options: { order: 'worst', limit: 1 },
  },
  {
    id: 'kab',
    kind: 'table',
    indicator: 'miskin',
    x: 8,
    y: 2,
    w: 4,
    h: 3,
    options: { level: 'regency', province: '32' },
  },
  { id: 'rahasia', kind: 'kpi', indicator: 'rahasia-ind', x: 0, y: 5, w: 3, h: 2 },
  { id: 'peringatan', kind: 'alerts', x: 3, y: 5, w: 3, h: 2 },
  { id: 'program', kind: 'programmes', x: 6, y: 5, w: 3, h: 2 },
  { id: 'media', kind: 'media', x: 9, y: 5, w: 3, h: 2 },
];

describe.each(CATALOG_ENGINES)('boards on %s', (engine) => {
  let t: TestServices;
  let sys: ActionContext;
  let editor: ActionContext;
  let member: ActionContext;
  let outsider: ActionContext;
  let anon: ActionContext;
  const call = (name: string, input: Any, ctx = sys) => t.registry.call(name, ctx, input) as Promise<Any>;
  const create = (extra: Any = {}, ctx = editor) =>
    call(
      'board_create',
      { name: 'papan', title: 'Papan Uji', organization: 'bps', tiles: TILES, ...extra },
      ctx,
    );
  const tile = (view: Any, id: string) => view.tiles.find((x: Any) => x.id === id).data;

  beforeEach(async () => {
    t = await openTestServices(engine, { regions: true });
    sys = systemCtx(t);
    anon = makeContext(t.registry, t.services, null, 'id', 'anon');
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
    for (const [name, pkg] of [
      ['miskin', 'kemiskinan'],
      ['rahasia-ind', 'rahasia'],
    ])
      await call('indicator_create', {
        name,
        title: `Indikator ${name}`,
        owner_org: 'bps',
        package_id: pkg,
        measure: 'nilai',
        aggregation: 'avg',
        polarity: 'lower',
        region_column: 'kode',
        region_level: 'regency',
        province_column: 'prov',
        period_column: 'tahun',
        unit: 'persen',
        targets: [
          { period: '2024', value: 8 },
          { period: '2023', value: 9 },
        ],
      });
    const ctxOf = async (user: string, org: string, capacity: string) => {
      const u = await addUser(t, user);
      await call('member_create', { id: org, object: user, object_type: 'user', capacity });
      return makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, u.id), 'id', user);
    };
    editor = await ctxOf('editor-bps', 'bps', 'produsen');
    member = await ctxOf('anggota-bps', 'bps', 'member');
    outsider = await ctxOf('admin-kemenkes', 'kemenkes', 'admin');
  }, 60_000);
  afterEach(async () => t.cleanup());

  it('refuses bad tiles naming the tile and field, and non-editors', async () => {
    const bad = [
      { id: 'a', kind: 'kpi', x: 0, y: 0, w: 3, h: 2 },
      { id: 'a', kind: 'alerts', x: 0, y: 0, w: 3, h: 2 },
      { id: 'b c', kind: 'trend', indicator: 'miskin', x: 10, y: 0, w: 3, h: 2 },
      { id: 'd', kind: 'donut', x: 0, y: 0, w: 1, h: 9 },
      { id: 'e', kind: 'ranking', indicator: 'tidak-ada', x: 0, y: 0, w: 1, h: 1 },
      { id: 'f', kind: 'map', indicator: 'miskin', x: 0, y: 0, w: 1, h: 1, options: { level: 'regency' } },
      { id: 'g', kind: 'map', indicator: 'miskin', x: 0, y: 0, w: 1, h: 1, options: { map: 'dunia' } },
    ];
    const e = await failure(create({ tiles: bad }));
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      'tiles[0].indicator',
      'tiles[1].id',
      'tiles[2].id',
      'tiles[2].w',
      'tiles[3].h',
      'tiles[3].kind',
      'tiles[4].indicator',
      'tiles[5].options.province',
      'tiles[6].options.map',
    ]);
    // A private indicator is not there for an author who may not read it.
    await call('member_create', {
      id: 'kemenkes',
      object: 'editor-bps',
      object_type: 'user',
      capacity: 'produsen',
    });
    const foreign = await failure(create({ organization: 'kemenkes', tiles: [TILES[6]] }, outsider));
    expect(foreign.fields).toHaveProperty(['tiles[0].indicator']);
    expect((await failure(create({}, member))).code).toBe('FORBIDDEN');
    expect((await failure(create({}, anon))).code).toBe('FORBIDDEN');
    expect((await failure(create({ province: '99' }))).fields).toHaveProperty('province');
    // A region tile needs an indicator with region columns at its level.
    await call('indicator_create', {
      name: 'tanpa-wilayah',
      owner_org: 'bps',
      package_id: 'kemiskinan',
      measure: 'nilai',
      polarity: 'higher',
      period_column: 'tahun',
    });
    const noRegion = await failure(
      create({
        tiles: [
          { id: 'r', kind: 'ranking', indicator: 'tanpa-wilayah', x: 0, y: 0, w: 4, h: 2 },
          { id: 'k', kind: 'kpi', indicator: 'tanpa-wilayah', x: 4, y: 0, w: 4, h: 2 },
        ],
      }),
    );
    expect(noRegion.fields).toEqual({
      'tiles[0].indicator': ['"tanpa-wilayah" has no province column for a ranking tile'],
    });
  });

  it('computes every tile kind for the viewer', async () => {
    await create();
    const view = await call('board_show', { id: 'papan', data: true }, member);
    expect(view.tiles.map((x: Any) => x.id)).toEqual(TILES.map((x) => x.id));
    expect(view.tiles.every((x: Any) => x.data.error === undefined)).toBe(true);
    const kpi = tile(view, 'kpi');
    expect(kpi).toMatchObject({
      kind: 'kpi',
      period: '2024',
      value: 7,
      target: 8,
      status: 'green',
      unit: 'persen',
    });
    expect(kpi.sparkline).toEqual([
      { period: '2023', value: 10, target: 9 },
      { period: '2024', value: 7, target: 8 },
    ]);
    expect(kpi.lineage).toMatchObject({
      dataset_name: 'kemiskinan',
      version: 1,
      institution: { name: 'bps' },
    });
    expect(tile(view, 'tren').series).toHaveLength(2);
    const map = tile(view, 'peta');
    expect(map).toMatchObject({ level: 'province', map: 'tilegrid', period: '2024' });
    expect(map.regions.map((r: Any) => [r.code, r.value])).toEqual([
      ['32', 8],
      ['33', 5],
    ]);
    expect(map.regions[0].name).toMatch(/JAWA BARAT/i);
    // Lower is better: best first is the lowest value; worst first cut to one row.
    expect(tile(view, 'terbaik').regions.map((r: Any) => r.code)).toEqual(['33', '32']);
    expect(tile(view, 'terburuk').regions.map((r: Any) => r.code)).toEqual(['32']);
    const kab = tile(view, 'kab');
    expect(kab).toMatchObject({ level: 'regency', province: '32' });
    expect(kab.regions.map((r: Any) => [r.code, r.value])).toEqual([
      ['32.01', 10],
      ['32.73', 6],
    ]);
    expect(tile(view, 'rahasia').value).toBe(7);
    expect(tile(view, 'program').programmes).toEqual([]);
    expect(tile(view, 'media').items).toEqual([]);
    expect(view.as_of).toEqual(tile(view, 'rahasia').lineage.as_of);
    expect(view.as_of >= kpi.lineage.as_of).toBe(true);
    // Stored once per (indicator, level, province), not per tile.
    const stored = await t.services.catalog.db
      .selectFrom('indicator_value')
      .select(['level', 'province'])
      .execute();
    expect(stored.length).toBeLessThanOrEqual(6);
  });

  it('keeps private boards and private indicators from other viewers; share links read only', async () => {
    await create({ private: true });
    expect((await failure(call('board_show', { id: 'papan' }, outsider))).code).toBe('NOT_FOUND');
    expect((await failure(call('board_show', { id: 'papan', data: true }, anon))).code).toBe('NOT_FOUND');
    expect((await call('board_list', {}, anon)).map((b: Any) => b.name)).toEqual([]);
    expect((await call('board_list', {}, member)).map((b: Any) => b.name)).toEqual(['papan']);
    expect((await failure(call('board_share', { id: 'papan', enabled: true }, member))).code).toBe(
      'FORBIDDEN',
    );
    const { url } = await call('board_share', { id: 'papan', enabled: true }, editor);
    expect(url).toMatch(/\/ruang-kendali\/papan\/papan\?share=[\w-]{20,}$/);
    const token = new URL(url).searchParams.get('share') as string;
    const stored = await t.services.catalog.db
      .selectFrom('board')
      .select('share_token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.share_token_hash).not.toContain(token);
    const view = await call('board_show', { id: 'papan', data: true, share: token }, anon);
    expect(tile(view, 'kpi').value).toBe(7);
    const secret = tile(view, 'rahasia');
    expect(secret.error).toBe('indicator_not_found');
    expect(secret.value).toBeNull();
    expect(secret.sparkline).toEqual([]);
    expect(JSON.stringify(secret)).not.toContain('rahasia-ind');
    expect(tile(view, 'peringatan').alerts).toEqual([]);
    expect(tile(view, 'media').items).toEqual([]);
    expect((await failure(call('board_show', { id: 'papan', share: 'salah' }, anon))).code).toBe('NOT_FOUND');
    expect((await failure(call('board_update', { id: 'papan', title: 'Diubah' }, anon))).code).not.toBe(
      undefined,
    );
    await call('board_share', { id: 'papan', enabled: false }, editor);
    expect((await failure(call('board_show', { id: 'papan', share: token }, anon))).code).toBe('NOT_FOUND');
  });

  it('exports the portable document and imports it again', async () => {
    await create({ province: '32', title_en: 'Test board' });
    const doc = await call('board_show', { id: 'papan', format: 'document' }, member);
    expect(doc).toMatchObject({
      format: 'kendali.board/1',
      name: 'papan',
      organization: 'bps',
      province: '32',
    });
    expect(doc.tiles.find((x: Any) => x.id === 'kpi').indicator).toBe('miskin');
    expect(JSON.stringify(doc)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const copy = await call('board_create', { ...doc, name: 'salinan' }, editor);
    expect(copy.tiles).toEqual(doc.tiles);
    const again = await call('board_show', { id: 'salinan', format: 'document' }, editor);
    expect({ ...again, name: 'papan' }).toEqual(doc);
  });

  it('emits board.changed on update and delete; a new dataset version changes a tile', async () => {
    await create();
    const seen: BoardChanged[] = [];
    ruangKendaliBus(t.services).on('board.changed', (e) => seen.push(e));
    const updated = await call(
      'board_update',
      { id: 'papan', title: 'Papan Baru', tiles: TILES.slice(0, 2) },
      editor,
    );
    expect(updated.tiles).toHaveLength(2);
    expect(seen.map((e) => [e.name, e.action])).toEqual([['papan', 'updated']]);
    expect((await failure(call('board_update', { id: 'papan', title: 'Xy' }, member))).code).toBe(
      'FORBIDDEN',
    );

    const before = tile(await call('board_show', { id: 'papan', data: true }), 'kpi');
    expect(before.value).toBe(7);
    await call('datastore_upsert', {
      resource_id: (await call('package_show', { id: 'kemiskinan' })).resources[0].id,
      method: 'upsert',
      records: [{ kode: '33.01', prov: '33', tahun: 2024, nilai: 17 }],
    });
    await evaluate(t.services);
    const after = tile(await call('board_show', { id: 'papan', data: true }), 'kpi');
    expect(after.value).toBe(11);
    expect(after.lineage.version).toBe(2);
    expect(after.status).toBe('red');
    // A changed definition invalidates the stored values as well.
    await call('indicator_update', { id: 'miskin', aggregation: 'max' });
    expect(tile(await call('board_show', { id: 'papan', data: true }), 'kpi').value).toBe(17);
    await call('board_delete', { id: 'papan' }, editor);
    expect(seen.at(-1)?.action).toBe('deleted');
    expect((await failure(call('board_show', { id: 'papan' }))).code).toBe('NOT_FOUND');
  });
});
