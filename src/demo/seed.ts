import type { Kysely } from 'kysely';
import { refreshQuality } from '../catalog/datasets.js';
import { jsonb } from '../catalog/json.js';
import type { CatalogSchema } from '../catalog/schema.js';
import { reindexDatasets } from '../catalog/search/index-sql.js';
import type { CellValue, ColumnInfo, DatastoreBackend, TableRef } from '../datastore/backend.js';
import { seedRuangKendaliDemo } from '../ruang-kendali/demo.js';
import { DEMO_DATASETS, DEMO_GROUPS, type DemoDataset } from './datasets.js';
import { seedNewsDemo } from './humas-news.js';
import { DEMO_INSTITUTIONS } from './institutions.js';
import { demoValue } from './values.js';

export type Progress = (done: number, total: number, label: string) => void;

export const DEMO_NOTICE_ID =
  '**Data demo sintetis** — nilai dibangkitkan secara acak untuk demonstrasi, bukan data resmi.';
export const DEMO_TAG = 'data-demo-sintetis';

interface Region {
  code: string;
  name: string;
  parent_code: string | null;
  kind: string;
}

/** Datastore table id of a demo dataset (deterministic, so a retried seed replaces its own files). */
export const demoTableId = (name: string): string => `demo_${name.replaceAll('-', '_')}`.slice(0, 64);

function tableFor(
  ds: DemoDataset,
  provinces: Region[],
  regencies: Region[],
): { columns: ColumnInfo[]; rows: CellValue[][] } {
  const measure: ColumnInfo = { name: ds.measure, type: ds.integer ? 'integer' : 'number' };
  const rows: CellValue[][] = [];
  if (ds.level === 'province') {
    for (const year of ds.years) {
      for (const p of provinces) {
        rows.push([
          p.code,
          p.name,
          year,
          demoValue(ds, { code: p.code, provinceCode: p.code, urban: false }, year),
        ]);
      }
    }
    return {
      columns: [
        { name: 'kode_provinsi', type: 'text' },
        { name: 'provinsi', type: 'text' },
        { name: 'tahun', type: 'integer' },
        measure,
      ],
      rows,
    };
  }
  const provName = new Map(provinces.map((p) => [p.code, p.name]));
  for (const year of ds.years) {
    for (const r of regencies) {
      const pc = r.parent_code ?? r.code.slice(0, 2);
      const v = demoValue(ds, { code: r.code, provinceCode: pc, urban: r.kind === 'kota' }, year);
      rows.push([r.code, r.name, pc, provName.get(pc) ?? '', year, v]);
    }
  }
  return {
    columns: [
      { name: 'kode_kabupaten_kota', type: 'text' },
      { name: 'kabupaten_kota', type: 'text' },
      { name: 'kode_provinsi', type: 'text' },
      { name: 'provinsi', type: 'text' },
      { name: 'tahun', type: 'integer' },
      measure,
    ],
    rows,
  };
}

/**
 * Seeds the synthetic demo: the institutions and about 20 datasets by province (and one by
 * regency) with one version each in the datastore. Deterministic: two seeds give the same rows.
 * The catalog part is one transaction; datastore files of a failed attempt are replaced on retry.
 */
export async function seedDemo(
  db: Kysely<CatalogSchema>,
  datastore: DatastoreBackend,
  progress?: Progress,
): Promise<number> {
  const provinces = await db
    .selectFrom('region')
    .select(['code', 'name', 'parent_code', 'kind'])
    .where('level', '=', 1)
    .orderBy('code')
    .execute();
  const regencies = await db
    .selectFrom('region')
    .select(['code', 'name', 'parent_code', 'kind'])
    .where('level', '=', 2)
    .orderBy('code')
    .execute();
  if (provinces.length === 0) throw new Error('regions must be seeded before the demo');
  const total = DEMO_DATASETS.length;
  const written: { ds: DemoDataset; ref: TableRef; columns: ColumnInfo[]; rowCount: number }[] = [];
  for (const [i, ds] of DEMO_DATASETS.entries()) {
    progress?.(i, total, ds.name);
    const ref = { tableId: demoTableId(ds.name), version: 1 };
    await datastore.dropTable(ref.tableId);
    const { columns, rows } = tableFor(ds, provinces, regencies);
    const info = await datastore.writeVersion(ref, { kind: 'rows', columns, rows });
    written.push({ ds, ref, columns, rowCount: info.rowCount });
  }
  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, string>();
    for (const org of DEMO_INSTITUTIONS) {
      const row = await trx
        .insertInto('organization')
        .values({ ...org, level: 'central', region_code: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(org.name, row.id);
    }
    const groupIds = new Map<string, string>();
    for (const [name, title] of Object.entries(DEMO_GROUPS)) {
      const g = await trx
        .insertInto('group')
        .values({ name, title })
        .returning('id')
        .executeTakeFirstOrThrow();
      groupIds.set(name, g.id);
    }
    const datasetIds: string[] = [];
    for (const { ds, ref, columns, rowCount } of written) {
      const [first, last] = [ds.years[0], ds.years.at(-1)];
      const org = DEMO_INSTITUTIONS.find((o) => o.name === ds.org);
      const dataset = await trx
        .insertInto('dataset')
        .values({
          name: ds.name,
          title: ds.title,
          notes: `${DEMO_NOTICE_ID}\n\n${ds.title}, ${first}–${last}, dalam satuan ${ds.unit}.`,
          organization_id: orgIds.get(ds.org) ?? '',
          license_id: 'cc-by',
          tags: [...ds.tags, DEMO_TAG],
          sdi: jsonb({
            standar_data: { ukuran: ds.measure, satuan: ds.unit },
            produsen_data: org?.title,
            walidata: org?.title,
            frekuensi_pemutakhiran: ds.frequency,
            cakupan_waktu_mulai: String(first),
            cakupan_waktu_selesai: String(last),
            cakupan_wilayah_tingkat: ds.level === 'province' ? 'provinsi' : 'kabupaten-kota',
            // Every region the table has rows for, so region pages list the datasets covering them.
            cakupan_wilayah: (ds.level === 'province' ? provinces : regencies).map((r) => r.code),
          }),
          extras: jsonb({
            synthetic: 'true',
            polaritas: ds.higherIsBetter ? 'lebih-tinggi-lebih-baik' : 'lebih-rendah-lebih-baik',
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      datasetIds.push(dataset.id);
      const group = groupIds.get(ds.group);
      if (group)
        await trx.insertInto('dataset_group').values({ dataset_id: dataset.id, group_id: group }).execute();
      const resource = await trx
        .insertInto('resource')
        .values({
          dataset_id: dataset.id,
          position: 0,
          name: `${ds.title} (tabel)`,
          description: 'Tabel data demo sintetis di datastore.',
          url_type: 'datastore',
          format: 'CSV',
          datastore_table_id: ref.tableId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('dataset_version')
        .values({
          dataset_id: dataset.id,
          version: 1,
          table_id: ref.tableId,
          resource_id: resource.id,
          row_count: rowCount,
          columns: jsonb(columns),
          source: 'demo',
          note: 'Data demo sintetis',
        })
        .execute();
    }
    await reindexDatasets(trx, datasetIds);
    await refreshQuality(trx, datasetIds);
    // Ruang Kendali: indicators over these datasets, programmes, rules and open alerts.
    await seedRuangKendaliDemo(
      trx,
      orgIds,
      new Map(written.map((w, i) => [w.ds.name, datasetIds[i] as string])),
    );
    // Humas: demo articles with reads and reactions.
    await seedNewsDemo(trx, orgIds);
    await trx
      .insertInto('setting')
      .values({ key: 'demo', value: jsonb({ seeded: true, datasets: written.length }) })
      .execute();
  });
  progress?.(total, total, 'selesai');
  return written.length;
}
