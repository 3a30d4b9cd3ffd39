import { describe, expect, it } from 'vitest';
import { headerLevel, headerPrefix, looksLikeRegionHeader } from './regions.js';

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
