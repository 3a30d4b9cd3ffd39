import { describe, expect, it } from 'vitest';
import { headerLevel, headerPrefix, looksLikeRegionHeader, RegionColumn } from './regions.js';

describe('region headers', () => {
  it('name the level of their column, the most specific first', () => {
    expect(headerLevel('kemendagri_nama_desa_kelurahan')).toBe('village');
    expect(headerLevel('Kelurahan/Desa')).toBe('village');
    expect(headerLevel('bps_nama_kecamatan')).toBe('district');
    expect(headerLevel('Distrik')).toBe('district');
    expect(headerLevel('Kab/Kota')).toBe('regency');
    expect(headerLevel('nama_provinsi')).toBe('province');
    expect(headerLevel('Wilayah')).toBeUndefined();
  });

  it('keep what comes before the level word, to pair a column with its parents', () => {
    expect(headerPrefix('kemendagri_nama_desa_kelurahan')).toBe('kemendagri_nama_');
    expect(headerPrefix('kemendagri_nama_kecamatan')).toBe('kemendagri_nama_');
    expect(headerPrefix('Kecamatan')).toBe('');
  });

  it('are not headers about regions: counts, statuses, kinds, codes', () => {
    for (const title of ['kabupaten_kota', 'Kecamatan', 'nama desa', 'Provinsi', 'wilayah'])
      expect(looksLikeRegionHeader(title), title).toBe(true);
    for (const title of [
      'status_desa',
      'Jumlah Kecamatan',
      'jenis kota',
      'kode_desa',
      'luas_wilayah',
      'jml_desa',
    ])
      expect(looksLikeRegionHeader(title), title).toBe(false);
  });
});

describe('a desa column', () => {
  it('resolves a shared name under the kecamatan of its row, and a name chosen by hand only there', async () => {
    const column = await RegionColumn.create(
      { column: 'desa', level: 'village', choices: { SUKAMAJU: '12.06.04.2023' } },
      ['SUKAMAJU', 'Keude Bakongan'],
    );
    expect(column.plan.levels).toEqual(['village']);
    // Chosen, in the kecamatan that holds it.
    expect(column.resolve('SUKAMAJU', '12.06.04')).toMatchObject({ code: '12.06.04.2023', method: 'choice' });
    // Another kecamatan's Sukamaju is its own, never the chosen one.
    expect(column.resolve('SUKAMAJU', '12.07.23')).toMatchObject({
      status: 'resolved',
      code: '12.07.23.2012',
    });
    expect(column.resolve('SUKAMAJU', '14.03.02')).toMatchObject({
      status: 'resolved',
      code: '14.03.02.2015',
    });
    expect(column.resolve('Keude Bakongan', '11.01.01')).toMatchObject({ code: '11.01.01.2001' });
  });
});
