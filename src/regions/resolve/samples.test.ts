/** Acceptance 4: real BPS and Open Data Jabar files (shared test fixtures, read by path). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SPLIT_FROM } from './aliases.js';
import { resolveColumn, resolveHierarchicalColumn } from './column.js';
import { getRegionIndex } from './load.js';
import { nameKey } from './normalize.js';

const SAMPLES = resolve(import.meta.dirname, '../../../../shared/data/samples');
const rows = (file: string): string[][] =>
  parse(readFileSync(`${SAMPLES}/${file}`), { bom: true, relax_column_count: true, skip_empty_lines: true });

const JABAR_CODES = [
  ...Array.from({ length: 18 }, (_, i) => `32.${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `32.${71 + i}`),
];

describe('real files', () => {
  it('BPS poverty by regency, Jawa Barat 2024: bare kabupaten, "Kota X", a province total row', async () => {
    const table = rows('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv');
    const names = table.slice(3).map((r) => r[0]!);
    expect(names[0]).toBe('Provinsi Jawa Barat');
    const col = await resolveColumn(names, {
      levels: ['regency'],
      parent: 'Jawa Barat',
      bareNameMeans: 'kabupaten',
    });
    console.log('BPS Jawa Barat 2024 (parent Jawa Barat, bareNameMeans kabupaten):', col.report);
    expect(col.at(0)).toMatchObject({ status: 'resolved', code: '32', level: 'province' });
    expect(names.slice(1).map((_, i) => col.at(i + 1)?.code)).toEqual(JABAR_CODES);
    expect(col.report.resolved).toBe(28);

    // Without the convention the six kabupaten that share a name with a Jawa Barat kota are reported, not guessed.
    const plain = await resolveColumn(names, { levels: ['regency'], parent: 'Jawa Barat' });
    console.log('the same without bareNameMeans:', plain.report.rates);
    expect(plain.report.ambiguous).toBe(6);
    for (const [i, code] of JABAR_CODES.entries()) {
      const m = plain.at(i + 1)!;
      if (m.status === 'resolved') expect(m.code).toBe(code);
      else expect(m.candidates?.map((c) => c.code)).toContain(code);
    }
  });

  it('BPS spending per capita 2019: provinces in capitals followed by their regencies', async () => {
    const values = rows('bps_pengeluaran_per_kapita_kabkota_2019.csv')
      .slice(3)
      .map((r) => r[0]!);
    const col = await resolveHierarchicalColumn(values, { bareNameMeans: 'kabupaten' });
    console.log('BPS 2019 hierarchical column:', col.report);
    const provinces = new Set<string>();
    let block: string | undefined;
    const index = await getRegionIndex();
    for (const [i, value] of values.entries()) {
      const m = col.at(i)!;
      expect(m.status, value).toBe('resolved');
      if (m.level === 'province' || m.level === 'country') {
        block = m.code;
        provinces.add(m.code!);
        continue;
      }
      // Each regency lies in its block's province, or in one split from it (the 2019 layout of Papua).
      const province = m.code!.slice(0, 2);
      expect(
        province === block || SPLIT_FROM[province] === block,
        `${value} → ${m.code} under ${block}`,
      ).toBe(true);
      const region = index.get(m.code!)!;
      const parts = value.split('/').map((p) => nameKey(p.replace(/^\s*kota\s+/i, '')));
      const close = parts.some(
        (p) => region.core.includes(p.slice(0, 5)) || p.includes(region.core.slice(0, 5)),
      );
      expect(close, `${value} → ${region.name}`).toBe(true);
    }
    expect(provinces.size).toBe(39); // 38 provinces and INDONESIA
    const code = (value: string, after = 0) => col.at(values.indexOf(value, after))?.code;
    expect(code('Gorontalo')).toBe('75.01');
    expect(code('Jayapura')).toBe('91.03');
    expect(code('Merauke')).toBe('93.01'); // listed under PAPUA
    expect(code('Merauke', values.indexOf('PAPUA SELATAN'))).toBe('93.01');
    expect(code('Sorong')).toBe('96.01'); // listed under PAPUA BARAT
    expect(code('Toba Samosir / Toba')).toBe('12.12');
    expect(col.report.rates.resolved).toBe(1);
  });

  it('Open Data Jabar villages: Kemendagri names with their district code', async () => {
    const table = parse(readFileSync(`${SAMPLES}/jabar_odj_desa_pencemaran_air.csv`), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const index = await getRegionIndex();
    const col = await resolveColumn(
      table.map((r) => r.kemendagri_nama_desa_kelurahan),
      { levels: ['village'], parents: table.map((r) => r.kemendagri_kode_kecamatan) },
    );
    const tally = { same: 0, renamed: 0, other: 0, ambiguous: 0, unresolved: 0 };
    const other: string[] = [];
    for (const [i, r] of table.entries()) {
      const m = col.at(i)!;
      const expected = r.kemendagri_kode_desa_kelurahan!;
      const current = index.get(expected);
      if (m.status !== 'resolved') tally[m.status]++;
      else if (m.code === expected) tally.same++;
      // ODJ's name is an older one: the unit at that code now has another name.
      else if (!current || nameKey(current.name) !== nameKey(r.kemendagri_nama_desa_kelurahan!))
        tally.renamed++;
      else {
        tally.other++;
        other.push(`${r.kemendagri_nama_desa_kelurahan} ${expected} → ${m.code} ${m.name}`);
      }
    }
    console.log('ODJ villages by name and district:', col.report.rates, tally, other.slice(0, 10));
    expect(tally.other).toBe(0);
    expect(tally.same / table.length).toBeGreaterThan(0.97);
  });
});
