/**
 * The generated table the datastore benchmarks load: regional indicator observations shaped
 * like Satu Data uploads (38 province codes, regency codes, years, indicator names, values, a
 * note with commas and quotes now and then). Deterministic: the same rows on every machine.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { seededRandom } from '../src/core/random.js';
import type { ColumnInfo } from '../src/datastore/backend.js';

export const PROVINCES =
  '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(
    ' ',
  );
export const INDICATORS = [
  'Angka Partisipasi Sekolah',
  'Indeks Pembangunan Manusia',
  'Persentase Penduduk Miskin',
  'Tingkat Pengangguran Terbuka',
  'Angka Harapan Hidup',
  'Rata-rata Lama Sekolah',
  'Laju Pertumbuhan Ekonomi',
  'Rasio Gini',
  'Prevalensi Stunting',
  'Cakupan Imunisasi Dasar Lengkap',
];
export const COLUMNS: ColumnInfo[] = [
  { name: 'province_code', type: 'text' },
  { name: 'regency_code', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'indicator', type: 'text' },
  { name: 'value', type: 'number' },
  { name: 'note', type: 'text' },
];

/** Writes `rows` deterministic rows (seed 2024) as a CSV with a header; returns its size in bytes. */
export function generateCsv(path: string, rows: number): number {
  const random = seededRandom(2024);
  const fd = openSync(path, 'w', 0o644);
  try {
    let batch: string[] = ['province_code,regency_code,year,indicator,value,note'];
    for (let i = 0; i < rows; i++) {
      const province = random.pick(PROVINCES);
      const regency = `${province}${String(1 + Math.floor(random.next() * 30)).padStart(2, '0')}`;
      const year = 2015 + Math.floor(random.next() * 10);
      const value = (50 + 15 * random.normal()).toFixed(2);
      const r = random.next();
      const note = r < 0.2 ? '"angka sementara, BPS"' : r < 0.25 ? '"revisi ""2023"""' : '';
      batch.push(`${province},${regency},${year},${random.pick(INDICATORS)},${value},${note}`);
      if (batch.length >= 50_000) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}
