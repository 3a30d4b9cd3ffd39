import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Crosswalk } from '../crosswalk/crosswalk.js';
import { RegionChanges } from './changes.js';
import { getRegionIndex } from './load.js';
import { RegionResolver } from './resolver.js';
import type { RegionMatch, ResolveOptions } from './types.js';

const DATA = resolve(import.meta.dirname, '../../../../shared/data');

let resolver: RegionResolver;
const r = (value: string, options?: ResolveOptions, parent?: string): RegionMatch =>
  resolver.resolve(value, options, parent);
const codes = (m: RegionMatch) => m.candidates?.map((c) => c.code).sort();

beforeAll(async () => {
  resolver = new RegionResolver(await getRegionIndex());
});

describe('the named hard cases', () => {
  it('never picks between Kota and Kabupaten Bandung silently', () => {
    expect(r('Bandung')).toMatchObject({ status: 'ambiguous' });
    expect(codes(r('Bandung'))).toEqual(['32.04', '32.73']);
    expect(r('Kota Bandung')).toMatchObject({ status: 'resolved', code: '32.73', name: 'Kota Bandung' });
    expect(r('Kabupaten Bandung')).toMatchObject({
      status: 'resolved',
      code: '32.04',
      name: 'Kabupaten Bandung',
    });
    expect(r('KAB. BANDUNG')).toMatchObject({ status: 'resolved', code: '32.04' });
  });

  it('keeps Bandung ambiguous under Jawa Barat unless the file says bare names are kabupaten', () => {
    expect(r('Bandung', { parent: 'Jawa Barat' })).toMatchObject({ status: 'ambiguous' });
    expect(r('Bandung', { parent: '32', bareNameMeans: 'kabupaten' })).toMatchObject({
      status: 'resolved',
      code: '32.04',
      method: 'prefix',
    });
    expect(r('Kota Bandung', { parent: '32', bareNameMeans: 'kabupaten' }).code).toBe('32.73');
  });

  it('tells the two Banjars apart by their parent', () => {
    expect(codes(r('Banjar'))).toEqual(['32.79', '63.03']);
    expect(r('Banjar', { parent: 'Kalimantan Selatan' })).toMatchObject({ code: '63.03', method: 'parent' });
    expect(r('Banjar', { parent: 'Jawa Barat' })).toMatchObject({ code: '32.79', method: 'parent' });
    expect(r('Banjar', {}, 'Kalsel').code).toBe('63.03');
    // The convention prefers kabupaten but Jawa Barat has only Kota Banjar.
    expect(r('Banjar', { parent: '32', bareNameMeans: 'kabupaten' }).code).toBe('32.79');
  });

  it('reads totals as the country or a province, never a regency', () => {
    expect(r('INDONESIA')).toMatchObject({ status: 'resolved', level: 'country', code: '0' });
    expect(r('Indonesia', { levels: ['regency'] }).level).toBe('country');
    expect(r('Provinsi Jawa Barat')).toMatchObject({ code: '32', level: 'province' });
    expect(r('Provinsi Jawa Barat', { levels: ['regency'], parent: '32' })).toMatchObject({
      code: '32',
      level: 'province',
    });
    expect(r('JAWA BARAT', { levels: ['regency'], parent: '32' })).toMatchObject({
      code: '32',
      level: 'province',
    });
  });

  it('knows the province aliases', () => {
    const cases: [string, string][] = [
      ['DKI Jakarta', '31'],
      ['DKI', '31'],
      ['Jakarta', '31'],
      ['Jogja', '34'],
      ['DIY', '34'],
      ['D.I. Yogyakarta', '34'],
      ['D I YOGYAKARTA', '34'],
      ['Kep. Riau', '21'],
      ['Kepri', '21'],
      ['Kep. Bangka Belitung', '19'],
      ['Babel', '19'],
      ['NTT', '53'],
      ['NTB', '52'],
      ['Sumut', '12'],
      ['Jatim', '35'],
      ['Kaltara', '65'],
      ['Malut', '82'],
      ['Papua Barat Daya', '96'],
    ];
    for (const [value, code] of cases)
      expect(r(value, { levels: ['province'] }), value).toMatchObject({ code });
    // "Yogyakarta" is also Kota Yogyakarta: in a mixed column it is reported, not chosen.
    expect(r('Yogyakarta', { levels: ['province'] }).code).toBe('34');
    expect(r('Yogyakarta').status).toBe('ambiguous');
  });

  it('resolves Jakarta’s administrative cities', () => {
    expect(r('Kota Adm. Jakarta Selatan')).toMatchObject({
      code: '31.74',
      name: 'Kota Administrasi Jakarta Selatan',
    });
    expect(r('Jakarta Selatan').code).toBe('31.74');
    expect(r('Kab. Adm. Kepulauan Seribu').code).toBe('31.01');
  });

  it('reads codes, but never an undotted code as Kemendagri', () => {
    expect(r('32.04')).toMatchObject({ code: '32.04', method: 'code', confidence: 1 });
    expect(r('3171')).toMatchObject({ status: 'unresolved', method: 'code' });
    expect(r('3171').reason).toMatch(/crosswalk/);
    expect(r('3171', { codeScheme: 'kemendagri' }).code).toBe('31.71');
    expect(r('11.1')).toMatchObject({ code: '11.10', confidence: 0.8 });
    expect(r('99.99')).toMatchObject({ status: 'unresolved', method: 'code' });
    expect(r('32')).toMatchObject({ code: '32', level: 'province' });
    // Papua: 91 is Papua for Kemendagri and Papua Barat for BPS.
    expect(codes(r('91'))).toEqual(['91', '92']);
    expect(r('91', { codeScheme: 'bps' }).code).toBe('92');
    expect(r('94', { codeScheme: 'bps' }).code).toBe('91');
  });

  it('finds regions inside longer labels, with less confidence', () => {
    expect(r('Kabupaten Bogor (Jawa Barat)')).toMatchObject({ code: '32.01' });
    expect(r('Bogor, Jawa Barat')).toMatchObject({ status: 'ambiguous' });
    expect(codes(r('Bogor, Jawa Barat'))).toEqual(['32.01', '32.71']);
    expect(r('Bogor, Jawa Barat', { bareNameMeans: 'kabupaten' }).code).toBe('32.01');
    expect(r('Banjar (Kalimantan Selatan)').code).toBe('63.03');
    const inside = r('Persentase Kab. Bogor');
    expect(inside).toMatchObject({ code: '32.01' });
    expect(inside.confidence).toBeLessThan(0.9);
    expect(r('Jumlah Penduduk Kota Bandung 2020').code).toBe('32.73');
    expect(r('Kabupaten/Kota').status).toBe('unresolved');
  });

  it('corrects small typos only when one candidate is clearly best', () => {
    expect(r('Kabupaten Bandung Barat')).toMatchObject({ code: '32.17', method: 'exact' });
    expect(r('Bandunk Barat')).toMatchObject({ code: '32.17', method: 'fuzzy' });
    expect(r('Kota Makasar')).toMatchObject({ code: '73.71', method: 'fuzzy' });
    expect(r('Bandunk').status).toBe('ambiguous');
    expect(r('Bogr').status).toBe('unresolved');
  });

  it('uses Kelurahan/Desa to tell apart namesakes in one district', () => {
    const parent = '14.07.06';
    expect(r('Panipahan', { levels: ['village'], parent }).status).toBe('ambiguous');
    expect(r('Kelurahan Panipahan', { levels: ['village'], parent }).code).toBe('14.07.06.1007');
    expect(r('Desa Panipahan', { levels: ['village'], parent }).code).toBe('14.07.06.2001');
  });

  it('reads regencies listed under the province they were split from', () => {
    const m = r('Merauke', { parent: '91', codeScheme: 'kemendagri', levels: ['regency'] });
    expect(m).toMatchObject({ status: 'resolved', code: '93.01' });
    expect(m.reason).toMatch(/split/);
  });
});

describe('with a crosswalk and former names (shared test data)', () => {
  let full: RegionResolver;
  beforeAll(async () => {
    const cw = `${DATA}/crosswalk/bps_kemendagri_`;
    const crosswalk = await Crosswalk.fromFiles({
      regencies: `${cw}regencies.csv`,
      districts: `${cw}districts.csv`,
    });
    const changes = RegionChanges.fromCsv(
      readFileSync(`${DATA}/wilayah/kemendagri_changes_2022_to_2025.csv`, 'utf8'),
    );
    full = new RegionResolver(await getRegionIndex(), { crosswalk, changes });
  });

  it('reads BPS 3171 as Jakarta Selatan (31.74), never Jakarta Pusat (31.71)', () => {
    expect(full.resolve('3171')).toMatchObject({ status: 'resolved', code: '31.74', method: 'code' });
    expect(full.resolve('3171.0').code).toBe('31.74');
    expect(full.resolve('31.71').code).toBe('31.71');
    expect(full.resolve('3204010')).toMatchObject({ code: '32.04.39', level: 'district' });
  });

  it('follows former codes and names', () => {
    expect(full.resolve('92.01')).toMatchObject({ status: 'resolved', code: '96.01', method: 'code' });
    expect(full.resolve('KAB. PANGKAJENE KEPULAUAN', { levels: ['regency'], fuzzy: false })).toMatchObject({
      code: '73.10',
      method: 'alias',
    });
  });
});
