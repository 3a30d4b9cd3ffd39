import { describe, expect, it } from 'vitest';
import { assessQuality, type QualityInput } from './quality.js';

const base = {
  license_id: 'cc-by',
  notes: 'x'.repeat(120),
  metadata_modified: '2026-01-10T00:00:00.000000',
  resources: [{ format: 'CSV', url_type: 'datastore' }],
  cakupan_waktu_mulai: '2019',
  cakupan_wilayah_tingkat: 'provinsi',
  frekuensi_pemutakhiran: 'tahunan',
  standar_data: { konsep: 'a', definisi: 'b', klasifikasi: 'c', ukuran: 'd', satuan: 'persen' },
} as unknown as QualityInput;

const verdicts = (q: ReturnType<typeof assessQuality>) =>
  Object.fromEntries(q.checks.map((c) => [c.id, c.verdict]));

describe('quality score', () => {
  it('gives 100 when every check passes', () => {
    const q = assessQuality(base, new Date('2026-06-01T00:00:00Z'));
    expect(q.score).toBe(100);
    expect(q.checks).toHaveLength(9);
  });

  it('fails the checks that are not met, with details', () => {
    const bad = {
      ...base,
      license_id: 'notspecified',
      notes: 'pendek',
      resources: [{ format: 'PDF', url_type: null }],
      standar_data: { satuan: 'persen' },
    } as unknown as QualityInput;
    const q = assessQuality(bad, new Date('2028-01-01T00:00:00Z'));
    expect(verdicts(q)).toMatchObject({
      license: 'fail',
      description: 'fail',
      open_format: 'fail',
      on_schedule: 'fail',
      standard_data: 'fail',
      reachable: 'unknown',
      temporal: 'pass',
    });
    expect(q.checks.find((c) => c.id === 'standard_data')?.detail).toBe('1/5');
    // 8 decided checks (reachable unknown), 3 passed.
    expect(q.score).toBe(Math.round((100 * 3) / 8));
  });

  it('counts an irregular frequency as on schedule, and no resources as unreachable', () => {
    const q = assessQuality({
      ...base,
      frekuensi_pemutakhiran: 'tidak-tetap',
      resources: [],
    } as unknown as QualityInput);
    expect(verdicts(q)).toMatchObject({ on_schedule: 'pass', reachable: 'fail', open_format: 'fail' });
  });
});
