/** Checks against real government files in shared/data/samples (read in place, never copied). */

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  inferDateOrder,
  inferNumberStyle,
  isMissing,
  looksLikeCode,
  monthFromHeader,
  parseNumber,
  parsePeriod,
  restoreFloatDamage,
  restoreRangeHeaders,
  stripBom,
} from './index.js';

const SAMPLES = new URL('../../../../shared/data/samples/', import.meta.url);

/** Rows of a sample, parsed as CSV; the BOM is left for the code under test. */
function rows(name: string, delimiter = ','): string[][] {
  const text = readFileSync(new URL(name, SAMPLES), 'utf8');
  return parse(text, { delimiter, relax_column_count: true }) as string[][];
}

const column = (table: string[][], index: number): string[] => table.map((row) => row[index] ?? '');

describe('jakarta_penumpang_transjakarta_2019_12.csv', () => {
  const table = rows('jakarta_penumpang_transjakarta_2019_12.csv').slice(1);
  const passengers = column(table, 3);

  it('infers comma thousands from the quoted "2,686,458" values', () => {
    expect(passengers[0]).toBe('2,686,458');
    expect(inferNumberStyle(passengers)).toMatchObject({ style: 'en', status: 'decided' });
  });

  it('parses every passenger count under that style', () => {
    expect(parseNumber(passengers[0]!, 'en')).toEqual({ ok: true, value: 2686458 });
    const parsed = passengers.map((cell) => parseNumber(cell, 'en'));
    expect(parsed.every((r) => r.ok)).toBe(true);
  });

  it('cleans the category values with leading spaces', () => {
    const categories = new Set(column(table, 0).map(cleanText));
    expect(categories).toContain('ANGKUTAN INTEGRASI BUS KECIL');
    expect([...categories].every((c) => c === c.trim())).toBe(true);
  });

  it('keeps route codes such as 1K and B13 as text', () => {
    expect(looksLikeCode(column(table, 1)).isCode).toBe(true);
  });
});

describe('bps_aps_provinsi_2018.csv', () => {
  const table = rows('bps_aps_provinsi_2018.csv');

  it('restores the 7/12/01 age-group header to 7-12', () => {
    const header = table[2]!;
    expect(header[1]).toBe('7/12/01');
    expect(restoreRangeHeaders(header).headers).toEqual(['', '7-12', '13-15', '16-18', '19-23']);
  });

  it('reads the values as English decimals and the new Papua provinces as missing', () => {
    const values = table.slice(4).flatMap((row) => row.slice(1));
    expect(inferNumberStyle(values)).toMatchObject({ style: 'en', status: 'decided' });
    const papua = table.find((row) => row[0] === 'PAPUA SELATAN')!;
    expect(papua.slice(1).every((cell) => isMissing(cell))).toBe(true);
    expect(parseNumber(papua[1]!, 'en')).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('bps_produksi_biofarmaka_provinsi_2023.csv', () => {
  const table = rows('bps_produksi_biofarmaka_provinsi_2023.csv');

  it('strips the BOM from the first header', () => {
    expect(table[0]![0]).toBe('\uFEFFProvinsi');
    expect(stripBom(table[0]![0]!)).toBe('Provinsi');
  });

  it('treats ... as missing', () => {
    const aceh = table.find((row) => row[0] === 'Aceh')!;
    expect(aceh[3]).toBe('...');
    expect(isMissing(aceh[3]!)).toBe(true);
    expect(parseNumber(aceh[3]!)).toEqual({ ok: false, reason: 'missing' });
    expect(parseNumber(aceh[1]!)).toEqual({ ok: true, value: 4345136 });
  });
});

describe('pihps_harga_beras_jawa_2021_2024.csv', () => {
  const table = rows('pihps_harga_beras_jawa_2021_2024.csv', ';').slice(1);
  const dates = column(table, 0).filter((cell) => cell !== '');

  it('infers day-first dates from the column', () => {
    expect(dates[0]).toBe('05/01/2021');
    expect(inferDateOrder(dates)).toMatchObject({ order: 'dmy', status: 'decided' });
  });

  it('parses every date day first', () => {
    expect(parsePeriod('05/01/2021')).toMatchObject({ ok: true, period: { start: '2021-01-05' } });
    const parsed = dates.map((cell) => parsePeriod(cell, { dateOrder: 'dmy' }));
    expect(parsed.every((r) => r.ok && r.period.kind === 'day')).toBe(true);
    const starts = parsed.map((r) => (r.ok ? r.period.start : ''));
    expect(starts[0]).toBe('2021-01-05');
    expect(starts.at(-1)).toBe('2024-01-05');
    expect([...starts].sort()).toEqual(starts);
  });

  it('reads the prices, and the two trailing columns as empty', () => {
    const prices = table.flatMap((row) => row.slice(1, 7));
    expect(inferNumberStyle(prices)).toMatchObject({ status: 'no_evidence' });
    expect(prices.map((cell) => parseNumber(cell)).every((r) => r.ok)).toBe(true);
    expect(parseNumber(table[0]![1]!)).toEqual({ ok: true, value: 11100 });
    const trailing = table.flatMap((row) => row.slice(7));
    expect(trailing.length).toBe(table.length * 2);
    expect(trailing.every((cell) => parseNumber(cell).ok === false && isMissing(cell))).toBe(true);
  });
});

describe('bps_luas_panen_padi_bulanan_2025.csv', () => {
  const table = rows('bps_luas_panen_padi_bulanan_2025.csv');

  it('recognises the month header row, with Tahunan as the total', () => {
    const kinds = table[3]!.slice(1).map(monthFromHeader);
    expect(kinds.slice(0, 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => ({ kind: 'month', month: i + 1 })),
    );
    expect(kinds[12]).toEqual({ kind: 'total' });
  });

  it('reads the areas as English decimals', () => {
    expect(inferNumberStyle(table.slice(4).flatMap((row) => row.slice(1)))).toMatchObject({ style: 'en' });
  });
});

describe('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv', () => {
  it('reads 11 next to 7.46 as English decimals', () => {
    const values = column(rows('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv').slice(3), 1);
    expect(values).toContain('7.46');
    expect(inferNumberStyle(values)).toMatchObject({ style: 'en', status: 'decided' });
  });
});

describe('jabar_odj_desa_pencemaran_air.csv', () => {
  const table = rows('jabar_odj_desa_pencemaran_air.csv');
  const header = table[0]!;
  const body = table.slice(1);
  const col = (name: string): string[] => column(body, header.indexOf(name));

  it('restores codes exported as floats', () => {
    expect(restoreFloatDamage(col('kode_provinsi')).values[0]).toBe('32');
    expect(restoreFloatDamage(col('bps_kode_kabupaten_kota')).values[0]).toBe('3201');
    const villages = restoreFloatDamage(col('bps_kode_desa_kelurahan'));
    expect(villages.restored).toBe(true);
    expect(villages.values[0]).toBe('3201190006');
  });

  it('reads the float-damaged year as a year', () => {
    expect(col('tahun')[0]).toBe('2019.0');
    expect(parsePeriod(col('tahun')[0]!)).toMatchObject({ ok: true, period: { kind: 'year', year: 2019 } });
  });

  it('leaves the dotted Kemendagri codes alone', () => {
    const codes = col('kemendagri_kode_desa_kelurahan');
    expect(restoreFloatDamage(codes).restored).toBe(false);
    expect(parseNumber(codes[0]!)).toEqual({ ok: false, reason: 'not_a_number' });
  });
});

describe('jabar_odj_penduduk_miskin_kabkota.csv', () => {
  it('keeps 0.0 next to 451.3 as measurements, not float damage', () => {
    const table = rows('jabar_odj_penduduk_miskin_kabkota.csv');
    const values = column(table.slice(1), table[0]!.indexOf('jumlah_penduduk_miskin'));
    expect(values).toContain('0.0');
    expect(restoreFloatDamage(values).restored).toBe(false);
    expect(inferNumberStyle(values)).toMatchObject({ style: 'en', status: 'decided' });
    expect(parseNumber('159.03', 'en')).toEqual({ ok: true, value: 159.03 });
  });
});
