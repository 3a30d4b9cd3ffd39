/**
 * datastore_import rules: Table Schema foreignKeys (keys must exist in the referenced datastore
 * table, or in the table itself; a missing key is an error naming row and value, and blocks
 * publishing unless the call publishes with warnings), and imports at the same time into one
 * dataset taking turns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { addUpload } from '../../ingest/uploads.js';

let t: TestServices;
let reference = '';
const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);
async function upload(name: string, text: string): Promise<string> {
  const path = join(t.dataDir, name);
  writeFileSync(path, text);
  return (await addUpload(t.dataDir, path, null)).id;
}

beforeAll(async () => {
  t = await openTestServices('pglite', { regions: true });
  await call('organization_create', { name: 'bps', title: 'BPS' });
  for (const name of ['kode-wilayah', 'kemiskinan'])
    await call('package_create', { name, title: name, owner_org: 'bps' });
  const made = (await call('datastore_import', {
    upload_id: await upload('kode.csv', 'kode,nama\n32.01,Bogor\n32.02,Sukabumi\n32.73,Kota Bandung\n'),
    package_id: 'kode-wilayah',
  })) as { resource_id: string };
  reference = made.resource_id;
});
afterAll(async () => t.cleanup());

const schema = () => ({
  fields: [{ name: 'kode_wilayah', type: 'string' }],
  foreignKeys: [{ fields: 'kode_wilayah', reference: { resource: reference, fields: 'kode' } }],
});
const data = 'kode_wilayah,persen\n32.01,"7,1"\n32.99,"8,2"\n32.73,"3,9"\n,"1,0"\n';

describe('foreign keys', () => {
  it('a key missing from the referenced table blocks publishing, naming row, line and value', async () => {
    const err = (await call('datastore_import', {
      upload_id: await upload('a.csv', data),
      package_id: 'kemiskinan',
      schema: schema(),
    }).catch((e: unknown) => e)) as { code: string; fields: Record<string, string[]> };
    expect(err.code).toBe('VALIDATION');
    expect(err.fields.upload_id?.[0]).toMatch(
      /1 errors; nothing was published\. First: row 2, line 3, column kode_wilayah: kode_wilayah "32\.99" tidak ada di/,
    );
    const dry = (await call('datastore_import', {
      upload_id: await upload('b.csv', data),
      package_id: 'kemiskinan',
      schema: schema(),
      dry_run: true,
    })) as {
      report: {
        valid: boolean;
        counts: Record<string, number>;
        issues: { code: string; row: number; value: string }[];
      };
      schema: { foreignKeys: unknown[] };
    };
    expect(dry.report.valid).toBe(false);
    expect(dry.report.counts['foreign-key-error']).toBe(1);
    expect(dry.report.issues).toEqual([
      expect.objectContaining({ code: 'foreign-key-error', row: 2, value: '32.99' }),
    ]);
    // The exported schema keeps the key for the next upload.
    expect(dry.schema.foreignKeys).toHaveLength(1);
  });

  it('publishes with warnings when asked, and passes when every key exists', async () => {
    const warned = (await call('datastore_import', {
      upload_id: await upload('c.csv', data),
      package_id: 'kemiskinan',
      schema: schema(),
      on_error: 'warn',
    })) as { published: boolean; report: { errorCount: number } };
    expect(warned).toMatchObject({ published: true, report: { errorCount: 1 } });
    const clean = (await call('datastore_import', {
      upload_id: await upload('d.csv', 'kode_wilayah,persen\n32.01,"7,1"\n32.02,"8,2"\n'),
      package_id: 'kemiskinan',
      schema: schema(),
    })) as { published: boolean; report: { valid: boolean } };
    expect(clean).toMatchObject({ published: true, report: { valid: true } });
  });

  it('checks a key against the table itself, and refuses a malformed key or an unknown column', async () => {
    const tree = 'kode,induk\n32,\n32.01,32\n32.02,32\n32.99.01,32.99\n';
    const self = (await call('datastore_import', {
      upload_id: await upload('e.csv', tree),
      package_id: 'kemiskinan',
      schema: {
        fields: [
          { name: 'kode', type: 'string' },
          { name: 'induk', type: 'string' },
        ],
        foreignKeys: [{ fields: 'induk', reference: { resource: '', fields: 'kode' } }],
      },
      dry_run: true,
    })) as { report: { counts: Record<string, number>; issues: { row: number; value: string }[] } };
    expect(self.report.counts['foreign-key-error']).toBe(1);
    expect(self.report.issues[0]).toMatchObject({ row: 4, value: '32.99' });
    for (const [foreignKeys, field] of [
      [[{ fields: 'kode_wilayah' }], 'schema.foreignKeys.0'],
      [[{ fields: 'tidak_ada', reference: { resource: reference, fields: 'kode' } }], 'schema.foreignKeys.0'],
      [
        [{ fields: 'kode_wilayah', reference: { resource: reference, fields: 'tidak_ada' } }],
        'schema.foreignKeys.0',
      ],
    ] as const) {
      const err = (await call('datastore_import', {
        upload_id: await upload('f.csv', data),
        package_id: 'kemiskinan',
        schema: { fields: [{ name: 'kode_wilayah', type: 'string' }], foreignKeys },
        dry_run: true,
      }).catch((e: unknown) => e)) as { code: string; fields: Record<string, string[]> };
      expect(err.code).toBe('VALIDATION');
      expect(Object.keys(err.fields)).toContain(field);
    }
  });
});

describe('imports at the same time into one dataset', () => {
  it('make one table with a version each, none lost', async () => {
    await call('package_create', { name: 'serentak', title: 'Serentak', owner_org: 'bps' });
    const files = await Promise.all(
      [1, 2, 3].map((n) =>
        upload(
          `s${n}.csv`,
          `tahun,nilai\n${Array.from({ length: 20 }, (_, i) => `${2000 + i},${n}`).join('\n')}\n`,
        ),
      ),
    );
    const done = (await Promise.all(
      files.map((upload_id) => call('datastore_import', { upload_id, package_id: 'serentak' })),
    )) as { resource_id: string; version: number }[];
    expect(new Set(done.map((d) => d.resource_id)).size).toBe(1);
    expect(done.map((d) => d.version).sort()).toEqual([1, 2, 3]);
    const info = (await call('datastore_info', { id: done[0]?.resource_id })) as {
      versions: { version: number; row_count: number }[];
    };
    expect(info.versions.map((v) => [v.version, v.row_count])).toEqual([
      [3, 20],
      [2, 20],
      [1, 20],
    ]);
  });
});

describe('coverage read from the data', () => {
  const file =
    'kabupaten_kota,tanggal,nilai\nKabupaten Bogor,13/08/2019,1\nKota Bandung,2 Januari 2021,2\nKabupaten Garut,05/05/2020,3\n';
  type Show = Record<string, unknown>;

  it('fills the empty cakupan fields of the dataset when a version publishes, and says so', async () => {
    await call('package_create', { name: 'cakupan-kosong', title: 'Cakupan kosong', owner_org: 'bps' });
    const done = (await call('datastore_import', {
      upload_id: await upload('cakupan1.csv', file),
      package_id: 'cakupan-kosong',
    })) as { report: { coverage: Show; notes: string[] }; coverage_filled: Show };
    const expected = {
      cakupan_wilayah_tingkat: 'kabupaten-kota',
      cakupan_wilayah: ['32'],
      cakupan_waktu_mulai: '2019-08-13',
      cakupan_waktu_selesai: '2021-01-02',
    };
    expect(done.report.coverage).toEqual(expected);
    expect(done.report.notes).toContain(
      'cakupan menurut data: wilayah 32 (tingkat kabupaten-kota); waktu 2019-08-13 s.d. 2021-01-02',
    );
    expect(done.coverage_filled).toEqual(expected);
    const shown = (await call('package_show', { id: 'cakupan-kosong' })) as Show;
    expect(shown).toMatchObject(expected);
    // The dataset's quality check of spatial and temporal coverage now passes.
    const quality = shown.quality as { checks: { id: string; verdict: string }[] };
    expect(quality.checks.find((c) => c.id === 'spatial')?.verdict).toBe('pass');
    expect(quality.checks.find((c) => c.id === 'temporal')?.verdict).toBe('pass');

    // The next version's data reaches 2022: what the data filled follows it.
    const later = (await call('datastore_import', {
      upload_id: await upload('cakupan4.csv', `${file}Kabupaten Garut,31/12/2022,4\n`),
      package_id: 'cakupan-kosong',
    })) as { coverage_filled: Show };
    expect(later.coverage_filled).toEqual({
      cakupan_waktu_mulai: '2019-08-13',
      cakupan_waktu_selesai: '2022-12-31',
    });
    // A data officer's own end of the span then stays, whatever the data says.
    await call('package_patch', { id: 'cakupan-kosong', cakupan_waktu_selesai: '2030' });
    const after = (await call('datastore_import', {
      upload_id: await upload('cakupan5.csv', `${file}Kota Bandung,01/01/2023,5\n`),
      package_id: 'cakupan-kosong',
    })) as { coverage_filled?: Show };
    expect(after.coverage_filled).toBeUndefined();
    expect(await call('package_show', { id: 'cakupan-kosong' })).toMatchObject({
      ...expected,
      cakupan_waktu_selesai: '2030',
    });
  });

  it('leaves what a data officer gave as it is, and a dry run fills nothing', async () => {
    await call('package_create', {
      name: 'cakupan-diisi',
      title: 'Cakupan diisi',
      owner_org: 'bps',
      cakupan_wilayah_tingkat: 'provinsi',
      cakupan_wilayah: ['32', '33'],
    });
    const dry = (await call('datastore_import', {
      upload_id: await upload('cakupan2.csv', file),
      package_id: 'cakupan-diisi',
      dry_run: true,
    })) as { report: { coverage: Show }; coverage_filled?: Show };
    expect(dry.report.coverage.cakupan_wilayah).toEqual(['32']);
    expect(dry.coverage_filled).toBeUndefined();
    expect(await call('package_show', { id: 'cakupan-diisi' })).not.toHaveProperty('cakupan_waktu_mulai');
    const done = (await call('datastore_import', {
      upload_id: await upload('cakupan3.csv', file),
      package_id: 'cakupan-diisi',
    })) as { coverage_filled: Show };
    // Only the time span was empty.
    expect(done.coverage_filled).toEqual({
      cakupan_waktu_mulai: '2019-08-13',
      cakupan_waktu_selesai: '2021-01-02',
    });
    expect(await call('package_show', { id: 'cakupan-diisi' })).toMatchObject({
      cakupan_wilayah_tingkat: 'provinsi',
      cakupan_wilayah: ['32', '33'],
      cakupan_waktu_mulai: '2019-08-13',
    });
  });
});
