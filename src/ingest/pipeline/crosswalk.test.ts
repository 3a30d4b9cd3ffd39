/**
 * BPS codes in an imported file: with the operator's crosswalk (KENDALI_CROSSWALK_DIR) they convert
 * to Kemendagri codes, and every resolved region also gets its BPS code back; without one, a
 * regency code is left unresolved rather than guessed (BPS 3171 is Jakarta Selatan, Kemendagri 31.71
 * is Jakarta Pusat).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../datastore/duckdb/api.js';
import { loadCrosswalkDir } from '../../regions/crosswalk/load.js';
import { type ImportOptions, prepareImport } from './import.js';

const CROSSWALK = resolve(import.meta.dirname, '../../../../shared/data/crosswalk');
const work = mkdtempSync(join(tmpdir(), 'kendali-crosswalk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = join(work, 'bps.csv');
writeFileSync(
  file,
  'kode_bps,wilayah,nilai\n3171,Jakarta Selatan,"1,5"\n3204,Kabupaten Bandung,"2,5"\n3204010,Ciwidey,"3,5"\n32,Jawa Barat,"4,5"\n9999,Entah,"5,5"\n',
);

let n = 0;
async function rows(options: Partial<ImportOptions>) {
  const p = await prepareImport(file, { workDir: join(work, `w${n++}`), autoRegions: false, ...options });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = (await c.runAndReadAll(`SELECT * FROM read_parquet('${p.parquet.path}')`)).getRowObjectsJS();
  c.closeSync();
  db.closeSync();
  await p.dispose();
  return { p, rows: r };
}

describe('BPS codes through the crosswalk', () => {
  it('convert to Kemendagri codes and carry the BPS code beside every resolved region', async () => {
    const crosswalk = await loadCrosswalkDir(CROSSWALK);
    for (const engine of ['stream', 'duckdb'] as const) {
      const { p, rows: r } = await rows({ engine, crosswalk, regions: [{ column: 'kode_bps' }] });
      expect(p.columns.map((c) => c.name)).toEqual([
        'kode_bps',
        'wilayah',
        'nilai',
        'kode_bps_kode',
        'kode_bps_nama_baku',
        'kode_bps_kode_bps',
      ]);
      expect(r.map((x) => [x.kode_bps, x.kode_bps_kode, x.kode_bps_kode_bps])).toEqual([
        ['3171', '31.74', '3171'],
        ['3204', '32.04', '3204'],
        ['3204010', '32.04.39', '3204010'],
        ['32', '32', '32'],
        ['9999', null, null],
      ]);
      expect(r[0]?.kode_bps_nama_baku).toMatch(/Jakarta Selatan/);
      expect(p.report.counts['region-unresolved']).toBe(1);
    }
  });

  it('names resolve as before and get their BPS code too', async () => {
    const crosswalk = await loadCrosswalkDir(CROSSWALK);
    const { rows: r } = await rows({ crosswalk, regions: [{ column: 'wilayah' }] });
    expect(r.slice(0, 2).map((x) => [x.wilayah_kode, x.wilayah_kode_bps])).toEqual([
      ['31.74', '3171'],
      ['32.04', '3204'],
    ]);
  });

  it('without a crosswalk, a regency code is not guessed', async () => {
    const { p, rows: r } = await rows({ regions: [{ column: 'kode_bps' }] });
    expect(p.columns.map((c) => c.name)).not.toContain('kode_bps_kode_bps');
    expect(r[0]?.kode_bps_kode).toBeNull();
    expect(r[3]?.kode_bps_kode).toBe('32');
  });

  it('a crosswalk directory without the tables is refused with the file names', () => {
    expect(() => loadCrosswalkDir(work)).toThrow(/holds none of bps_kemendagri_regencies\.csv/);
    expect(() => loadCrosswalkDir(join(work, 'tidak-ada'))).toThrow(/is not a directory/);
  });
});
