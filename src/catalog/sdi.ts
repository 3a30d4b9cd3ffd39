/**
 * Satu Data Indonesia metadata (Perpres 39/2019): standar data, produsen/walidata, update
 * frequency, release schedule, temporal and spatial coverage, priority flag. Stored in the
 * dataset's `sdi` jsonb column and shown as top-level fields of the CKAN package dict.
 */
import { type Static, Type } from '@sinclair/typebox';

export const FREQUENCIES = [
  'harian',
  'mingguan',
  'bulanan',
  'triwulanan',
  'semesteran',
  'tahunan',
  'lima-tahunan',
  'tidak-tetap',
] as const;
export const COVERAGE_LEVELS = [
  'nasional',
  'provinsi',
  'kabupaten-kota',
  'kecamatan',
  'desa-kelurahan',
] as const;

const text = (max: number, description: string) =>
  Type.Optional(Type.String({ maxLength: max, description }));
const regionCode = Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$' });
const isoDate = Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' });

/** The SDI fields as they appear in package_create/update/show. */
export const SdiFields = {
  standar_data: Type.Optional(
    Type.Object(
      {
        konsep: text(5000, 'Konsep'),
        definisi: text(5000, 'Definisi'),
        klasifikasi: text(2000, 'Klasifikasi'),
        ukuran: text(500, 'Ukuran (measure)'),
        satuan: text(200, 'Satuan (unit)'),
      },
      {
        additionalProperties: false,
        description: 'Standar data: konsep, definisi, klasifikasi, ukuran, satuan',
      },
    ),
  ),
  produsen_data: text(300, 'Produsen data (producer unit)'),
  walidata: text(300, 'Walidata (custodian)'),
  frekuensi_pemutakhiran: Type.Optional(
    Type.Union(
      FREQUENCIES.map((f) => Type.Literal(f)),
      { description: 'Update frequency' },
    ),
  ),
  jadwal_rilis: text(200, 'Release schedule, e.g. "setiap Februari"'),
  cakupan_waktu_mulai: Type.Optional(isoDate),
  cakupan_waktu_selesai: Type.Optional(isoDate),
  cakupan_wilayah_tingkat: Type.Optional(
    Type.Union(
      COVERAGE_LEVELS.map((l) => Type.Literal(l)),
      { description: 'Spatial coverage level' },
    ),
  ),
  cakupan_wilayah: Type.Optional(
    Type.Array(regionCode, { maxItems: 1000, description: 'Spatial coverage: Kemendagri region codes' }),
  ),
  data_prioritas: Type.Optional(Type.Boolean({ description: 'Priority data (Data Prioritas)' })),
};

const SdiObject = Type.Object(SdiFields);
export type Sdi = Static<typeof SdiObject>;
export const SDI_KEYS = Object.keys(SdiFields) as (keyof Sdi)[];
/** The coverage fields: what a table covers in space and time (src/ingest/coverage.ts reads them from data). */
export type SdiCoverage = Pick<
  Sdi,
  'cakupan_wilayah_tingkat' | 'cakupan_wilayah' | 'cakupan_waktu_mulai' | 'cakupan_waktu_selesai'
>;

/** Picks the SDI fields out of an action input. */
export function pickSdi(input: Partial<Record<string, unknown>>): Sdi {
  const out: Record<string, unknown> = {};
  for (const k of SDI_KEYS) if (input[k] !== undefined) out[k] = input[k];
  return out as Sdi;
}
