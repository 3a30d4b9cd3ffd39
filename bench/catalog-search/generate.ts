/**
 * A synthetic national catalog for the search benchmark: institutions over the real
 * Kemendagri regions, datasets with Zipf-distributed Indonesian words in titles, tags and notes,
 * groups, resources in several formats, Satu Data fields, some private, draft and deleted.
 * Written with bulk `INSERT … SELECT FROM unnest(…)` statements in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CatalogSchema } from '../../src/catalog/schema.js';
import { type Random, seededRandom } from '../../src/core/random.js';
import { referenceRegions } from '../../src/regions/seed.js';
import { insert, zipf } from './bulk.js';
import { institutions, type Org } from './institutions.js';
import { INDICATORS, QUALIFIERS, TAGS, THEMES, VOCABULARY } from './words.js';

const FORMATS = ['CSV', 'XLSX', 'PDF', 'JSON', 'XLS', 'API', 'SHP', 'GEOJSON', 'DOCX', 'ZIP'];
const LICENSES = ['cc-by', 'cc-by-sa', 'odc-by', 'cc-zero', 'other-open', 'odc-odbl', 'notspecified'];
const FREQUENCIES = ['tahunan', 'bulanan', 'triwulanan', 'semesteran', 'tidak-tetap', 'harian'];

export interface Generated {
  readonly datasets: number;
  readonly institutions: string[];
  readonly groups: string[];
  /** Names of active public datasets, a sample for package_show. */
  readonly publicNames: string[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A timestamp with microseconds, as PostgreSQL stores them. */
const stamp = (ms: number, rng: Random) =>
  `${new Date(ms).toISOString().slice(0, 23)}${String(Math.floor(rng.next() * 1000)).padStart(3, '0')}Z`;

export async function generateCatalog(
  db: Kysely<CatalogSchema>,
  size: number,
  seed = 2024,
): Promise<Generated> {
  const rng = seededRandom(seed);
  const { provinces, regencies } = await referenceRegions();
  const orgs = institutions(provinces, regencies);
  const themes = Object.entries(THEMES).map(([name, title]) => ({ id: randomUUID(), name, title }));
  const pickOrg = zipf(orgs.length, 0.7, rng);
  const pickIndicator = zipf(INDICATORS.length, 0.9, rng);
  const pickTag = zipf(TAGS.length, 1.0, rng);
  const pickWord = zipf(VOCABULARY.length, 1.05, rng);
  const pickFormat = zipf(FORMATS.length, 1.2, rng);
  const pickLicense = zipf(LICENSES.length, 1.5, rng);
  const pickTheme = zipf(themes.length, 0.8, rng);
  const order = orgs.map((o) => o).sort(() => rng.next() - 0.5);
  const start = Date.parse('2016-01-01T00:00:00Z');
  const span = Date.parse('2025-06-01T00:00:00Z') - start;

  const dsRows: (string | number | boolean | null)[][] = [];
  const resRows: (string | number | boolean | null)[][] = [];
  const groupRows: string[][] = [];
  const publicNames: string[] = [];
  for (let i = 0; i < size; i++) {
    const org = order[pickOrg()] as Org;
    const indicator = INDICATORS[pickIndicator()] as string;
    const qualifier = rng.next() < 0.6 ? '' : rng.pick(QUALIFIERS);
    const province = rng.pick(provinces);
    const place = org.region ? org.regionName : `Provinsi ${province.name}`;
    const year = 2010 + Math.floor(rng.next() * 15);
    const title = [indicator, qualifier, place, year].filter(Boolean).join(' ');
    const name = `${slug(title)}-${i}`.slice(-100).replace(/^[^a-z0-9]+/, '');
    const words = Array.from({ length: 12 + Math.floor(rng.next() * 30) }, () => VOCABULARY[pickWord()]);
    const notes = `Data ${[indicator.toLowerCase(), qualifier].filter(Boolean).join(' ')} di ${place} pada tahun ${year}, dihimpun oleh ${org.title}. ${words.join(' ')}.`;
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rng.next() * 4) }, () => TAGS[pickTag()]))];
    const created = start + rng.next() * span;
    const modified = created + rng.next() * (start + span - created);
    const roll = rng.next();
    const state = roll < 0.02 ? 'draft' : roll < 0.04 ? 'deleted' : 'active';
    const isPrivate = rng.next() < 0.05;
    const regionCodes = org.region ? [org.region] : [province.code];
    const sdi = {
      standar_data: {
        konsep: indicator,
        definisi: `${indicator} ${words.slice(0, 6).join(' ')}`,
        satuan: rng.pick(['persen', 'jiwa', 'unit', 'rupiah', 'ton', 'km']),
      },
      produsen_data: org.title,
      walidata: org.level === 'central' ? org.title : `Diskominfo ${place}`,
      frekuensi_pemutakhiran: rng.pick(FREQUENCIES),
      cakupan_wilayah_tingkat:
        org.level === 'regency' ? 'kabupaten-kota' : org.level === 'central' ? 'nasional' : 'provinsi',
      cakupan_wilayah: regionCodes,
      cakupan_waktu_mulai: String(year),
      cakupan_waktu_selesai: String(year),
      ...(rng.next() < 0.1 ? { data_prioritas: true } : {}),
    };
    const id = randomUUID();
    dsRows.push([
      id,
      name,
      title,
      notes,
      org.id,
      isPrivate,
      state,
      LICENSES[pickLicense()] ?? null,
      JSON.stringify(sdi),
      tags.join('|'),
      org.title,
      `data@${org.name}.go.id`,
      String(30 + Math.floor(rng.next() * 70)),
      stamp(created, rng),
      stamp(modified, rng),
    ]);
    if (state === 'active' && !isPrivate && publicNames.length < 5000 && rng.next() < 0.1)
      publicNames.push(name);
    const formats = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => FORMATS[pickFormat()] as string),
      ),
    ];
    formats.forEach((f, position) => {
      resRows.push([
        id,
        String(position),
        `${title} (${f})`,
        `https://data.example.go.id/${name}.${f.toLowerCase()}`,
        rng.next() < 0.3 ? f.toLowerCase() : f,
      ]);
    });
    const g = new Set([pickTheme(), ...(rng.next() < 0.3 ? [pickTheme()] : [])]);
    if (rng.next() < 0.85) for (const t of g) groupRows.push([id, themes[t]?.id ?? '']);
  }

  await db.transaction().execute(async (trx) => {
    await insert(
      trx,
      'organization',
      {
        id: 'id::uuid',
        name: 'name',
        title: 'title',
        org_type: 'org_type',
        level: 'level',
        region_code: 'region_code',
      },
      orgs.map((o) => [
        o.id,
        o.name,
        o.title,
        o.level === 'central' ? 'ministry' : 'agency',
        o.level,
        o.region,
      ]),
    );
    await insert(
      trx,
      'group',
      { id: 'id::uuid', name: 'name', title: 'title' },
      themes.map((t) => [t.id, t.name, t.title]),
    );
    await insert(
      trx,
      'dataset',
      {
        id: 'id::uuid',
        name: 'name',
        title: 'title',
        notes: 'notes',
        organization_id: 'organization_id::uuid',
        private: 'private',
        state: 'state',
        license_id: 'license_id',
        sdi: 'sdi::jsonb',
        tags: "string_to_array(tags, '|')",
        maintainer: 'maintainer',
        maintainer_email: 'maintainer_email',
        quality_score: 'quality_score::smallint',
        created: 'created::timestamptz',
        modified: 'modified::timestamptz',
      },
      dsRows,
    );
    await insert(
      trx,
      'resource',
      {
        dataset_id: 'dataset_id::uuid',
        position: 'position::int',
        name: 'name',
        url: 'url',
        format: 'format',
      },
      resRows,
    );
    await insert(
      trx,
      'dataset_group',
      { dataset_id: 'dataset_id::uuid', group_id: 'group_id::uuid' },
      groupRows,
    );
  });
  return {
    datasets: size,
    institutions: orgs.map((o) => o.name),
    groups: themes.map((t) => t.name),
    publicNames,
  };
}
