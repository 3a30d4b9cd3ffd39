import { describe, expect, it } from 'vitest';
import { coverageNote, regionCoverage, timeCoverage } from './coverage.js';

describe('coverage read from the data', () => {
  it('regions: the finest level, and the one region holding them all or else their provinces', () => {
    expect(regionCoverage(['32', '32.01', '32.73', '32.01'])).toEqual({
      cakupan_wilayah_tingkat: 'kabupaten-kota',
      cakupan_wilayah: ['32'],
    });
    expect(regionCoverage(['32.04.12.2006', '32.04.12.2001'])).toEqual({
      cakupan_wilayah_tingkat: 'desa-kelurahan',
      cakupan_wilayah: ['32.04.12'],
    });
    expect(regionCoverage(['33.74', '31.71', '32', '31.71'])).toEqual({
      cakupan_wilayah_tingkat: 'kabupaten-kota',
      cakupan_wilayah: ['31', '32', '33'],
    });
    expect(regionCoverage(['11'])).toEqual({ cakupan_wilayah_tingkat: 'provinsi', cakupan_wilayah: ['11'] });
    // Nothing a region code: nothing to say.
    expect(regionCoverage(['Bandung', '3204'])).toEqual({});
    expect(regionCoverage([])).toEqual({});
  });

  it('time: from the earliest start to the latest end of dates, months, quarters, semesters and years', () => {
    expect(timeCoverage(['2019-Q2', '2020', '2019-03'])).toEqual({
      cakupan_waktu_mulai: '2019-03',
      cakupan_waktu_selesai: '2020',
    });
    expect(timeCoverage(['2021-S2', '2021-08-13', '2020-S1'])).toEqual({
      cakupan_waktu_mulai: '2020-01',
      cakupan_waktu_selesai: '2021-12',
    });
    expect(timeCoverage(['2019-08-13', '2019-08-01'])).toEqual({
      cakupan_waktu_mulai: '2019-08-01',
      cakupan_waktu_selesai: '2019-08-13',
    });
    // Counts that look like years, and what is no period, are not time.
    expect(timeCoverage(['1500', '3000', '2019-Q5', 'Triwulan I'])).toEqual({});
  });

  it('reads in words for the notes, and says nothing of nothing', () => {
    expect(
      coverageNote({
        cakupan_wilayah_tingkat: 'kecamatan',
        cakupan_wilayah: ['32.01'],
        cakupan_waktu_mulai: '2019',
        cakupan_waktu_selesai: '2021',
      }),
    ).toBe('cakupan menurut data: wilayah 32.01 (tingkat kecamatan); waktu 2019 s.d. 2021');
    expect(coverageNote({})).toBeUndefined();
  });
});
