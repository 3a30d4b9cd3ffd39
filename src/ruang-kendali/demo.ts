/**
 * The control room's part of the synthetic demo: indicators over demo datasets (national,
 * province and regency), a few priority programmes and national strategic projects with
 * milestones and bottlenecks, alert rules and two open alerts, and two boards (`nasional`,
 * `jawa-barat`) of the Kantor Staf Presiden. Values are computed by the first evaluation job,
 * not at seeding.
 */
import type { Kysely } from 'kysely';
import { jsonb } from '../catalog/json.js';
import type { CatalogSchema } from '../catalog/schema.js';
import type { TileSpec } from './board-format.js';
import { checkScale } from './status.js';

interface DemoIndicator {
  name: string;
  title: string;
  title_en: string;
  dataset: string;
  measure: string;
  aggregation: 'avg' | 'sum';
  polarity: 'higher' | 'lower';
  unit: string;
  level: 'province' | 'regency';
  levels: 3 | 5;
  targets: [string, number][];
}

const INDICATORS: DemoIndicator[] = [
  {
    name: 'kemiskinan-nasional',
    title: 'Persentase penduduk miskin (rata-rata provinsi)',
    title_en: 'Poverty rate (mean of provinces)',
    dataset: 'persentase-penduduk-miskin-provinsi',
    measure: 'persentase_penduduk_miskin',
    aggregation: 'avg',
    polarity: 'lower',
    unit: 'persen',
    level: 'province',
    levels: 5,
    targets: [
      ['2023', 9.5],
      ['2024', 9],
    ],
  },
  {
    name: 'kemiskinan-kabupaten-kota',
    title: 'Persentase penduduk miskin kabupaten/kota',
    title_en: 'Poverty rate by regency/city',
    dataset: 'persentase-penduduk-miskin-kabupaten-kota',
    measure: 'persentase_penduduk_miskin',
    aggregation: 'avg',
    polarity: 'lower',
    unit: 'persen',
    level: 'regency',
    levels: 3,
    targets: [['2024', 10]],
  },
  {
    name: 'prevalensi-stunting',
    title: 'Prevalensi balita stunting',
    title_en: 'Stunting prevalence among under-fives',
    dataset: 'prevalensi-stunting-provinsi',
    measure: 'prevalensi_stunting',
    aggregation: 'avg',
    polarity: 'lower',
    unit: 'persen',
    level: 'province',
    levels: 5,
    targets: [
      ['2023', 17.8],
      ['2024', 14],
    ],
  },
  {
    name: 'ipm',
    title: 'Indeks Pembangunan Manusia',
    title_en: 'Human Development Index',
    dataset: 'indeks-pembangunan-manusia-provinsi',
    measure: 'ipm',
    aggregation: 'avg',
    polarity: 'higher',
    unit: 'indeks',
    level: 'province',
    levels: 3,
    targets: [['2024', 73.5]],
  },
  {
    name: 'pengangguran-terbuka',
    title: 'Tingkat pengangguran terbuka',
    title_en: 'Open unemployment rate',
    dataset: 'tingkat-pengangguran-terbuka-provinsi',
    measure: 'tingkat_pengangguran_terbuka',
    aggregation: 'avg',
    polarity: 'lower',
    unit: 'persen',
    level: 'province',
    levels: 3,
    targets: [['2024', 5]],
  },
];

const PROGRAMMES = [
  {
    name: 'percepatan-penurunan-stunting',
    title: 'Percepatan Penurunan Stunting',
    kind: 'priority',
    org: 'kemenkes',
    status: 'at_risk',
    region_code: '53',
    lat: -10.18,
    lon: 123.6,
    milestones: [
      ['Pendataan keluarga berisiko', '2024-03-31', '2024-03-20'],
      ['Intervensi gizi spesifik di 100 kabupaten', '2024-09-30', null],
      ['Evaluasi prevalensi', '2024-12-31', null],
    ],
    bottleneck: 'Distribusi makanan tambahan terlambat di kabupaten kepulauan.',
  },
  {
    name: 'jalan-tol-trans-sumatera',
    title: 'Jalan Tol Trans Sumatera',
    kind: 'psn',
    org: 'kementerian-pu',
    status: 'on_track',
    region_code: '16',
    lat: -2.99,
    lon: 104.76,
    milestones: [
      ['Ruas Kayu Agung–Palembang beroperasi', '2024-06-30', '2024-06-15'],
      ['Pembebasan lahan ruas lanjutan', '2025-06-30', null],
    ],
    bottleneck: 'Pembebasan lahan tertunda di dua desa.',
  },
  {
    name: 'bendungan-multiguna',
    title: 'Pembangunan Bendungan Multiguna',
    kind: 'psn',
    org: 'kementerian-pu',
    status: 'delayed',
    region_code: '73',
    lat: -5.14,
    lon: 119.43,
    milestones: [
      ['Konstruksi tubuh bendungan', '2024-10-31', null],
      ['Pengisian awal (impounding)', '2025-04-30', null],
    ],
    bottleneck: 'Cuaca ekstrem menghentikan pekerjaan tanah selama enam minggu.',
  },
  {
    name: 'bantuan-pangan-beras',
    title: 'Bantuan Pangan Beras',
    kind: 'priority',
    org: 'kemensos',
    status: 'on_track',
    region_code: '32',
    lat: -6.91,
    lon: 107.61,
    milestones: [
      ['Penyaluran tahap I', '2024-04-30', '2024-04-28'],
      ['Penyaluran tahap II', '2024-08-31', null],
    ],
    bottleneck: null,
  },
] as const;

/** Seeds the control room's demo inside the demo seed's transaction. */
export async function seedRuangKendaliDemo(
  trx: Kysely<CatalogSchema>,
  orgIds: ReadonlyMap<string, string>,
  datasetIds: ReadonlyMap<string, string>,
): Promise<void> {
  const indicatorIds = new Map<string, string>();
  for (const d of INDICATORS) {
    const dataset = datasetIds.get(d.dataset);
    const org = orgIds.get(d.name === 'prevalensi-stunting' ? 'kemenkes' : 'bps');
    if (!dataset || !org) continue;
    const regency = d.level === 'regency';
    const row = await trx
      .insertInto('indicator')
      .values({
        name: d.name,
        title: d.title,
        title_en: d.title_en,
        description: 'Indikator demo atas data sintetis.',
        organization_id: org,
        dataset_id: dataset,
        measure: d.measure,
        aggregation: d.aggregation,
        region_column: regency ? 'kode_kabupaten_kota' : 'kode_provinsi',
        region_level: d.level,
        province_column: 'kode_provinsi',
        period_column: 'tahun',
        unit: d.unit,
        polarity: d.polarity,
        scale: jsonb({ ...checkScale({ levels: d.levels }) } as Record<string, unknown>),
        filters: jsonb([]),
        trajectory: jsonb([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorIds.set(d.name, row.id);
    await trx
      .insertInto('indicator_target')
      .values(d.targets.map(([period, value]) => ({ indicator_id: row.id, period, value })))
      .execute();
  }
  await seedBoards(trx, orgIds.get('ksp'), indicatorIds);
  for (const p of PROGRAMMES) {
    const org = orgIds.get(p.org);
    if (!org) continue;
    const row = await trx
      .insertInto('programme')
      .values({
        name: p.name,
        title: p.title,
        kind: p.kind,
        status: p.status,
        organization_id: org,
        region_code: p.region_code,
        lat: p.lat,
        lon: p.lon,
        description: 'Program demo (sintetis).',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programme_milestone')
      .values(
        p.milestones.map(([title, due_date, done_date], position) => ({
          programme_id: row.id,
          position,
          title,
          due_date,
          done_date,
        })),
      )
      .execute();
    if (p.bottleneck)
      await trx
        .insertInto('programme_note')
        .values({ programme_id: row.id, kind: 'bottleneck', text: p.bottleneck, actor: 'demo' })
        .execute();
  }
  const bps = orgIds.get('bps');
  const kemenkes = orgIds.get('kemenkes');
  const stunting = indicatorIds.get('prevalensi-stunting');
  const poverty = datasetIds.get('persentase-penduduk-miskin-provinsi');
  if (!bps || !kemenkes || !stunting || !poverty) return;
  const now = Date.now();
  const rules = [
    {
      name: 'stunting-target-merah',
      title: 'Stunting jauh dari target',
      kind: 'target_missed' as const,
      organization_id: kemenkes,
      indicator_id: stunting,
      dataset_id: null,
      params: { statuses: ['red', 'amber_red'] },
    },
    {
      name: 'kemiskinan-tidak-diperbarui',
      title: 'Data kemiskinan tidak diperbarui',
      kind: 'stale_data' as const,
      organization_id: bps,
      indicator_id: null,
      dataset_id: poverty,
      params: { max_age_days: 200 },
    },
    {
      name: 'penyerahan-terlambat-bps',
      title: 'Penyerahan Daftar Data terlambat',
      kind: 'overdue_submission' as const,
      organization_id: bps,
      indicator_id: null,
      dataset_id: null,
      params: {},
    },
  ];
  for (const r of rules) {
    const rule = await trx
      .insertInto('alert_rule')
      .values({ ...r, params: jsonb(r.params) })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.kind === 'overdue_submission') continue;
    const opened = new Date(now - (r.kind === 'target_missed' ? 60 : 6) * 3_600_000);
    const alert = await trx
      .insertInto('alert')
      .values({
        rule_id: rule.id,
        kind: r.kind,
        organization_id: r.organization_id,
        subject: r.kind === 'target_missed' ? 'target:demo' : 'age:demo',
        title:
          r.kind === 'target_missed'
            ? 'Target tidak tercapai: Prevalensi balita stunting 2024'
            : 'Data tidak diperbarui: Persentase Penduduk Miskin menurut Provinsi',
        detail: jsonb({ demo: true }),
        state: 'open',
        tier: r.kind === 'target_missed' ? 'deputy' : 'staff',
        opened_at: opened,
        deadline: new Date(opened.getTime() + 7 * 86_400_000),
        tier_changed_at: opened,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('alert_event')
      .values({ alert_id: alert.id, at: opened, action: 'opened', note: 'Peringatan demo' })
      .execute();
  }
}

type DemoTile = Omit<TileSpec, 'x' | 'y' | 'w' | 'h'> & { at: [number, number, number, number] };

/** Demo boards: tiles name indicators by demo name, stored by id. */
export const DEMO_BOARDS: {
  name: string;
  title: string;
  title_en: string;
  province: string | null;
  tiles: DemoTile[];
}[] = [
  {
    name: 'nasional',
    title: 'Papan Nasional',
    title_en: 'National board',
    province: null,
    tiles: [
      { id: 'kpi-kemiskinan', kind: 'kpi', indicator: 'kemiskinan-nasional', at: [0, 0, 3, 2] },
      { id: 'kpi-stunting', kind: 'kpi', indicator: 'prevalensi-stunting', at: [3, 0, 3, 2] },
      { id: 'kpi-ipm', kind: 'kpi', indicator: 'ipm', at: [6, 0, 3, 2] },
      { id: 'kpi-tpt', kind: 'kpi', indicator: 'pengangguran-terbuka', at: [9, 0, 3, 2] },
      { id: 'tren-kemiskinan', kind: 'trend', indicator: 'kemiskinan-nasional', at: [0, 2, 6, 3] },
      { id: 'tren-stunting', kind: 'trend', indicator: 'prevalensi-stunting', at: [6, 2, 6, 3] },
      {
        id: 'peta-stunting',
        kind: 'map',
        title: 'Prevalensi stunting per provinsi',
        indicator: 'prevalensi-stunting',
        options: { map: 'tilegrid', level: 'province' },
        at: [0, 5, 4, 4],
      },
      {
        id: 'peta-kemiskinan',
        kind: 'map',
        title: 'Kemiskinan per provinsi (dari kabupaten/kota)',
        indicator: 'kemiskinan-kabupaten-kota',
        options: { map: 'tilegrid', level: 'province' },
        at: [4, 5, 4, 4],
      },
      {
        id: 'peringkat-ipm',
        kind: 'ranking',
        title: 'IPM tertinggi',
        indicator: 'ipm',
        options: { order: 'best', limit: 10 },
        at: [8, 5, 4, 4],
      },
      {
        id: 'kemiskinan-tertinggi',
        kind: 'ranking',
        title: 'Kemiskinan tertinggi',
        indicator: 'kemiskinan-nasional',
        options: { order: 'worst', limit: 5 },
        at: [0, 9, 4, 3],
      },
      { id: 'peringatan', kind: 'alerts', options: { limit: 5 }, at: [4, 9, 4, 3] },
      { id: 'program', kind: 'programmes', at: [8, 9, 4, 3] },
      { id: 'media', kind: 'media', options: { limit: 8 }, at: [0, 12, 12, 3] },
    ],
  },
  {
    name: 'jawa-barat',
    title: 'Papan Provinsi Jawa Barat',
    title_en: 'West Java province board',
    province: '32',
    tiles: [
      { id: 'kpi-kemiskinan', kind: 'kpi', indicator: 'kemiskinan-kabupaten-kota', at: [0, 0, 4, 2] },
      { id: 'tren-kemiskinan', kind: 'trend', indicator: 'kemiskinan-kabupaten-kota', at: [4, 0, 8, 2] },
      {
        id: 'kabupaten-terbaik',
        kind: 'ranking',
        title: 'Kemiskinan terendah (kabupaten/kota)',
        indicator: 'kemiskinan-kabupaten-kota',
        options: { level: 'regency', order: 'best', limit: 10 },
        at: [0, 2, 6, 4],
      },
      {
        id: 'kabupaten-terburuk',
        kind: 'ranking',
        title: 'Kemiskinan tertinggi (kabupaten/kota)',
        indicator: 'kemiskinan-kabupaten-kota',
        options: { level: 'regency', order: 'worst', limit: 10 },
        at: [6, 2, 6, 4],
      },
      {
        id: 'tabel-kabupaten',
        kind: 'table',
        title: 'Kemiskinan kabupaten/kota Jawa Barat',
        indicator: 'kemiskinan-kabupaten-kota',
        options: { level: 'regency', province: '32', limit: 30 },
        at: [0, 6, 8, 5],
      },
      { id: 'program', kind: 'programmes', at: [8, 6, 4, 5] },
      { id: 'peringatan', kind: 'alerts', options: { limit: 5 }, at: [0, 11, 12, 2] },
    ],
  },
];

async function seedBoards(
  trx: Kysely<CatalogSchema>,
  org: string | undefined,
  indicatorIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (!org) return;
  for (const b of DEMO_BOARDS) {
    const tiles: TileSpec[] = b.tiles.map(({ at: [x, y, w, h], indicator, ...t }) => ({
      ...t,
      ...(indicator ? { indicator: indicatorIds.get(indicator) ?? indicator } : {}),
      x,
      y,
      w,
      h,
    }));
    await trx
      .insertInto('board')
      .values({
        name: b.name,
        title: b.title,
        title_en: b.title_en,
        description: 'Papan demo atas data sintetis.',
        organization_id: org,
        province: b.province,
        tiles: jsonb(tiles),
      })
      .execute();
  }
}
