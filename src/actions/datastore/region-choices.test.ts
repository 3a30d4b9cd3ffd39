/**
 * Ambiguous region names chosen by hand (`region_choices`), as the upload wizard sends them: the
 * dry run lists each ambiguous value with its candidates; the import with the choices codes them
 * (method `choice`) and publishes; a code that is not a region of the column is refused, naming
 * the column and value, and nothing is published.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { addUpload } from '../../ingest/uploads.js';

const SAMPLE = resolve(
  import.meta.dirname,
  '../../../../shared/data/samples/bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv',
);

let t: TestServices;
const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);
async function upload(name: string, text?: string): Promise<string> {
  const path = join(t.dataDir, name);
  if (text === undefined) copyFileSync(SAMPLE, path);
  else writeFileSync(path, text);
  return (await addUpload(t.dataDir, path, null)).id;
}

interface Issue {
  code: string;
  field: string;
  value: string;
  candidates?: { code: string; name: string }[];
}
interface Result {
  published: boolean;
  report: { counts: Record<string, number>; issues: Issue[] };
  resource_id?: string;
  preview?: { columns: string[]; rows: unknown[][] } | null;
}

beforeAll(async () => {
  t = await openTestServices('pglite');
  await call('organization_create', { name: 'bps', title: 'BPS' });
  await call('package_create', { name: 'miskin-jabar', title: 'Kemiskinan Jawa Barat', owner_org: 'bps' });
  await call('package_create', { name: 'pilihan', title: 'Pilihan', owner_org: 'bps' });
});
afterAll(async () => t.cleanup());

describe('region_choices', () => {
  it('lists ambiguous names with candidates, and codes them as chosen', async () => {
    const csv =
      'Kabupaten/Kota,Persen\nBandung,"7,1"\nKota Bandung,"3,9"\nBogor,"7,0"\nKota Bogor,"6,5"\nCirebon,"9,1"\n';
    const dry = (await call('datastore_import', {
      upload_id: await upload('a.csv', csv),
      package_id: 'pilihan',
      region_columns: ['Kabupaten/Kota'],
      dry_run: true,
    })) as Result;
    const ambiguous = dry.report.issues.filter((i) => i.code === 'region-ambiguous');
    // "Cirebon" alone: the file has no "Kota Cirebon", so it may be either.
    const cirebon = ambiguous.find((i) => i.value === 'Cirebon');
    expect(cirebon?.candidates?.map((c) => c.code).sort()).toEqual(['32.09', '32.74']);
    // The wizard's preview: the first rows as they would be stored.
    expect(dry.preview?.columns).toEqual(
      expect.arrayContaining(['kabupaten_kota', 'persen', 'kabupaten_kota_kode']),
    );
    expect(dry.preview?.rows[0]).toEqual(expect.arrayContaining(['Bandung', 7.1]));
    const choices = { 'Kabupaten/Kota': { Cirebon: '32.09' } };
    const done = (await call('datastore_import', {
      upload_id: await upload('b.csv', csv),
      package_id: 'pilihan',
      region_columns: ['Kabupaten/Kota'],
      region_choices: choices,
    })) as Result;
    expect(done.published).toBe(true);
    expect(done.report.issues.filter((i) => i.code === 'region-ambiguous' && i.value === 'Cirebon')).toEqual(
      [],
    );
    const rows = (await call('datastore_search', { resource_id: done.resource_id, q: 'Cirebon' })) as {
      records: Record<string, unknown>[];
    };
    expect(rows.records).toEqual([
      expect.objectContaining({ kabupaten_kota: 'Cirebon', kabupaten_kota_kode: '32.09' }),
    ]);
  });

  it('refuses a chosen code that is not a region of the column, naming column and value', async () => {
    const err = (await call('datastore_import', {
      upload_id: await upload('c.csv', 'Kabupaten/Kota,Persen\nCirebon,"9,1"\nKota Bogor,"6,5"\n'),
      package_id: 'pilihan',
      region_columns: ['Kabupaten/Kota'],
      region_choices: { 'Kabupaten/Kota': { Cirebon: '32.99' } },
    }).catch((e: unknown) => e)) as { code: string; fields: Record<string, string[]> };
    expect(err.code).toBe('VALIDATION');
    expect(err.fields.region_choices?.[0]).toMatch(
      /"32\.99" chosen for "Cirebon" in column "Kabupaten\/Kota"/,
    );
  });

  it('resolves the Jawa Barat poverty sample by itself; without its Kota rows the bare names need choosing', async () => {
    const dry = (await call('datastore_import', {
      upload_id: await upload('jabar.csv'),
      package_id: 'miskin-jabar',
      dry_run: true,
    })) as Result;
    // BPS writes "Bogor" for the kabupaten because the same column lists "Kota Bogor".
    expect(dry.report.counts['region-ambiguous'] ?? 0).toBe(0);
    const withoutKota = readFileSync(SAMPLE, 'utf8')
      .split(/\r?\n/)
      .filter((line) => !/^Kota /.test(line))
      .join('\n');
    const second = (await call('datastore_import', {
      upload_id: await upload('jabar-tanpa-kota.csv', withoutKota),
      package_id: 'miskin-jabar',
      dry_run: true,
    })) as Result;
    const ambiguous = second.report.issues.filter((i) => i.code === 'region-ambiguous');
    expect(ambiguous.map((i) => i.value)).toEqual(expect.arrayContaining(['Bogor', 'Bandung', 'Bekasi']));
    const choices: Record<string, Record<string, string>> = {};
    for (const i of ambiguous) {
      const kabupaten = i.candidates?.find((c) => /^Kabupaten /i.test(c.name)) ?? i.candidates?.[0];
      expect(kabupaten, `candidates for ${i.value}`).toBeDefined();
      choices[i.field] = { ...choices[i.field], [i.value]: kabupaten?.code as string };
    }
    const done = (await call('datastore_import', {
      upload_id: await upload('jabar-tanpa-kota-2.csv', withoutKota),
      package_id: 'miskin-jabar',
      region_choices: choices,
    })) as Result;
    expect(done.published).toBe(true);
    expect(done.report.counts['region-ambiguous'] ?? 0).toBe(0);
    const bogor = (await call('datastore_search', { resource_id: done.resource_id, q: 'Bogor' })) as {
      records: Record<string, unknown>[];
    };
    expect(bogor.records.map((r) => Object.values(r).find((v) => v === '32.01'))).toContain('32.01');
  });
});
