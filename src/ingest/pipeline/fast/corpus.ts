/**
 * Cells as offices write them, for the DuckDB path's exactness tests (keys.test.ts,
 * convert-sql.test.ts): numbers in both styles with rupiah, signs, percents and parentheses,
 * codes, dates and periods in every accepted form (and impossible ones), markers, long notes,
 * odd whitespace. Deterministic for a seed.
 */

import { hashSeed, seededRandom } from '../../../core/random.js';
import type { DuckDBConnection } from '../../../datastore/duckdb/api.js';
import { MONTH_NAMES_ID } from '../../normalise/index.js';

export function cellCorpus(size: number, seed = 'corpus'): string[] {
  const rnd = seededRandom(hashSeed(seed));
  const int = (lo: number, hi: number) => lo + Math.floor(rnd.next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd.next() * xs.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const grouped = (value: number, sep: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const number = (): string => {
    const v =
      int(0, 10) < 3
        ? int(0, 999)
        : int(0, 10) < 5
          ? int(1000, 99_999)
          : Math.floor(rnd.next() * 10 ** int(4, 14));
    const style = pick(['id', 'en', 'plain']);
    const frac = int(0, 3) === 0 ? digits(int(1, 4)) : int(0, 5) === 0 ? '0'.repeat(int(1, 3)) : '';
    const body =
      style === 'id'
        ? `${grouped(v, '.')}${frac ? `,${frac}` : ''}`
        : style === 'en'
          ? `${grouped(v, ',')}${frac ? `.${frac}` : ''}`
          : `${v}${frac ? pick(['.', ',']) + frac : ''}`;
    const sign = pick(['', '', '', '-', '+', '−']);
    const rp = pick(['', '', '', 'Rp ', 'Rp', 'Rp. ', 'RP ', 'IDR ']);
    const r = int(0, 23);
    if (r === 21) return `${sign}${rp}${int(1, 999)}${pick(['.', ','])}000`;
    if (r === 22) return `${sign}${rp}${grouped(int(1, 999) * 1000 ** int(2, 5), pick(['.', ',']))}`;
    if (r === 23) return `${grouped(int(1000, 999_999_999), '.')},${pick(['00', digits(2)])}`;
    if (r === 0) return `(${rp}${body})`;
    if (r === 1) return `${body}%`;
    if (r === 2) return `${rp}${body},-`;
    if (r === 3) return `${body} rupiah`;
    if (r === 4) return `${sign}${body}`.replace(/\./g, ' ');
    return `${sign}${rp}${body}`;
  };
  const date = (): string => {
    const d = int(0, 10) === 0 ? int(29, 32) : int(1, 28);
    const m = int(0, 15) === 0 ? int(13, 14) : int(1, 12);
    const y = pick([int(1990, 2030), int(1790, 1810), int(2190, 2210), int(1900, 2099)]);
    const pad = (x: number) => (rnd.next() < 0.5 ? String(x).padStart(2, '0') : String(x));
    const mon = MONTH_NAMES_ID[(m - 1) % 12] as string;
    return pick([
      `${pad(d)}/${pad(m)}/${y}`,
      `${pad(d)}-${pad(m)}-${y}`,
      `${pad(d)}.${pad(m)}.${y}`,
      `${y}-${pad(m)}-${pad(d)}`,
      `${y}/${pad(m)}/${pad(d)}`,
      `${d} ${mon} ${y}`,
      `${d} ${mon.toLowerCase()} ${y}`,
      `${d} ${mon.slice(0, 3)} ${y}`,
      `${d}-${mon}-${y}`,
      `${mon} ${y}`,
      `${y}-${pad(m)}`,
      `${pad(m)}/${y}`,
      `${y}`,
      `Triwulan ${pick(['I', 'II', 'III', 'IV', '1', '4'])} ${y}`,
      `Semester ${int(1, 2)} ${y}`,
      `${pad(d)}/${pad(m)}/${y} 00:00:00`,
      `Senin, ${d} ${mon} ${y}`,
    ]);
  };
  const text = (): string =>
    pick([
      `catatan lapangan nomor ${int(0, 9_999_999)} untuk wilayah ini dan sekitarnya`,
      `Desa ${int(1, 99)} RT ${digits(3)} RW ${digits(2)}`,
      `${digits(int(2, 20))}`,
      `0${digits(int(1, 6))}`,
      `${digits(int(1, 4))}${pick(['A', 'b', 'XYZ'])}`,
      `${digits(4)}.0`,
      `${digits(10)}.00`,
      `${int(1, 9)}e${int(1, 9)}`,
      `${int(1, 9)}.${digits(2)}E+${int(1, 12)}`,
      pick(['ya', 'tidak', 'Y', 'T', 'benar', 'salah']),
      pick(['-', '–', '...', '…', 'NA', 'n.a.', 'N/A', 'null', 'tidak ada data', '']),
      `  ${digits(6)} `,
      `\u00a0${grouped(int(1000, 9_999_999), '.')}`,
      `${grouped(int(1000, 9_999_999), '.')}\u00a0`,
      `Kabupaten ${pick(['Bogor', 'Garut'])} ${digits(2)}`,
      `${'kata '.repeat(int(8, 14))}${digits(int(1, 8))}`,
      `${'kata  '.repeat(9)}${int(1, 31)} Agustus 2019`,
      `${int(1, 31)} Agustus 2019${' '.repeat(40)}`,
      `Jalan ${digits(3)} — keterangan panjang yang memuat huruf é dan angka ${digits(5)} sekali lagi`,
      `${'CATATAN '.repeat(int(5, 7))}${digits(int(1, 6))}`,
      `${`${grouped(int(1000, 9_999_999), '.')} rupiah `.repeat(4)}${digits(3)}`,
      `catatan\tlapangan nomor ${digits(5)} untuk wilayah ini dan sekitarnya`,
      `catatan lapangan nomor ${digits(5)} untuk wilayah ini dan sekitarnya `,
      `data tidak tersedia untuk wilayah ini pada tahun ${int(2010, 2029)}`,
    ]);
  return Array.from({ length: size }, () => {
    const r = rnd.next();
    return r < 0.45 ? number() : r < 0.75 ? date() : text();
  });
}

/** The cell with each non-zero digit replaced by another non-zero digit: same shape, other values. */
export function sameShape(cell: string, seed: number): string {
  const rnd = seededRandom(seed);
  return cell.replace(/[1-9]/g, () => String(1 + Math.floor(rnd.next() * 9)));
}

/** Loads the cells into table `name (i INTEGER, v VARCHAR)` (default `t`). */
export async function corpusTable(c: DuckDBConnection, cells: readonly string[], name = 't'): Promise<void> {
  await c.run(`CREATE OR REPLACE TABLE ${name} (i INTEGER, v VARCHAR)`);
  const a = await c.createAppender(name);
  for (const [i, cell] of cells.entries()) {
    a.appendInteger(i);
    a.appendVarchar(cell);
    a.endRow();
  }
  a.closeSync();
}
