import { describe, expect, it } from 'vitest';
import { displayName, regencyKind } from './names.js';
import { referenceRegions } from './seed.js';

describe('region names', () => {
  it('title-cases Kemendagri capitals, keeping DKI/DI', () => {
    expect(displayName('KABUPATEN ACEH SELATAN')).toBe('Kabupaten Aceh Selatan');
    expect(displayName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(displayName('KOTA BAU-BAU')).toBe('Kota Bau-Bau');
  });

  it('tells kota from kabupaten by code', () => {
    expect(regencyKind('32.04')).toBe('kabupaten');
    expect(regencyKind('32.73')).toBe('kota');
  });

  it('has 38 provinces and 514 regencies, with Kabupaten and Kota Bandung kept apart', async () => {
    const { provinces, regencies } = await referenceRegions();
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => r.kind === 'kota')).toHaveLength(98);
    expect(regencies.find((r) => r.code === '32.04')).toMatchObject({
      name: 'Kabupaten Bandung',
      kind: 'kabupaten',
      parent_code: '32',
    });
    expect(regencies.find((r) => r.code === '32.73')).toMatchObject({
      name: 'Kota Bandung',
      kind: 'kota',
      parent_code: '32',
    });
    expect(provinces.find((p) => p.code === '95')?.name).toBe('Papua Pegunungan');
  });
});
