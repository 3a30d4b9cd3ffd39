import type { Kysely, Selectable, Transaction } from 'kysely';
import { notFound } from '../core/errors.js';
import { ckanTime, extrasList, isUuid } from './ckan-format.js';
import { findLicense } from './licenses.js';
import { organizationDict } from './organizations.js';
import { assessQuality } from './quality.js';
import type { CatalogSchema, DatasetTable, ResourceTable } from './schema.js';
import { SDI_KEYS, type Sdi } from './sdi.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;
export type DatasetRow = Selectable<DatasetTable>;
export type ResourceRow = Selectable<ResourceTable>;

/** A dataset by id or name, in any state; NotFound when absent. */
export async function findDataset(db: Db, idOrName: string): Promise<DatasetRow> {
  const row = await db
    .selectFrom('dataset')
    .selectAll()
    .where(isUuid(idOrName) ? 'id' : 'name', '=', isUuid(idOrName) ? idOrName : idOrName.toLowerCase())
    .executeTakeFirst();
  if (!row) throw notFound(`dataset ${idOrName}`);
  return row;
}

export function resourceDict(r: ResourceRow) {
  return {
    id: r.id,
    package_id: r.dataset_id,
    name: r.name,
    description: r.description,
    url: r.url,
    url_type: r.url_type,
    format: r.format,
    mimetype: r.mimetype,
    size: r.size,
    hash: r.hash,
    position: r.position,
    state: r.state,
    created: ckanTime(r.created),
    last_modified: ckanTime(r.modified),
    metadata_modified: ckanTime(r.modified),
    datastore_active: r.datastore_table_id !== null,
    ...Object.fromEntries(Object.entries(r.extras)),
  };
}

export type PackageDict = ReturnType<typeof withQuality>;

function buildDict(
  ds: DatasetRow,
  org: Parameters<typeof organizationDict>[0] | undefined,
  groups: { id: string; name: string; title: string; description: string; image_url: string | null }[],
  resources: ResourceRow[],
) {
  const license = findLicense(ds.license_id);
  const sdi = Object.fromEntries(
    SDI_KEYS.filter((k) => ds.sdi[k] !== undefined).map((k) => [k, ds.sdi[k]]),
  ) as Sdi;
  return {
    id: ds.id,
    name: ds.name,
    title: ds.title,
    type: 'dataset',
    notes: ds.notes,
    url: ds.url,
    version: ds.version,
    author: ds.author,
    author_email: ds.author_email,
    maintainer: ds.maintainer,
    maintainer_email: ds.maintainer_email,
    license_id: ds.license_id ?? '',
    license_title: license?.title ?? ds.license_id ?? '',
    license_url: license?.url ?? '',
    isopen: license?.od_conformance === 'approved',
    private: ds.private,
    state: ds.state,
    owner_org: ds.organization_id,
    creator_user_id: ds.creator_user_id,
    metadata_created: ckanTime(ds.created),
    metadata_modified: ckanTime(ds.modified),
    organization: org ? organizationDict(org) : null,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      title: g.title,
      display_name: g.title || g.name,
      description: g.description,
      image_display_url: g.image_url ?? '',
    })),
    tags: [...ds.tags]
      .sort()
      .map((t) => ({ name: t, display_name: t, state: 'active', vocabulary_id: null })),
    num_tags: ds.tags.length,
    extras: extrasList(ds.extras),
    resources: resources.map(resourceDict),
    num_resources: resources.length,
    relationships_as_object: [],
    relationships_as_subject: [],
    ...sdi,
  };
}

/** The dict with its quality assessment (computed now, so "updated on schedule" is current). */
const withQuality = (d: ReturnType<typeof buildDict>) => ({ ...d, quality: assessQuality(d) });

/** CKAN package dicts for rows, with their organization, groups and active resources, in 3 queries. */
export async function packageDicts(db: Db, rows: readonly DatasetRow[]): Promise<PackageDict[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orgIds = [...new Set(rows.map((r) => r.organization_id))];
  const [orgs, groups, resources] = await Promise.all([
    db.selectFrom('organization').selectAll().where('id', 'in', orgIds).execute(),
    db
      .selectFrom('dataset_group as dg')
      .innerJoin('group as g', 'g.id', 'dg.group_id')
      .select(['dg.dataset_id', 'g.id', 'g.name', 'g.title', 'g.description', 'g.image_url'])
      .where('dg.dataset_id', 'in', ids)
      .where('g.state', '=', 'active')
      .orderBy('g.name')
      .execute(),
    db
      .selectFrom('resource')
      .selectAll()
      .where('dataset_id', 'in', ids)
      .where('state', '=', 'active')
      .orderBy('position')
      .execute(),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((ds) =>
    withQuality(
      buildDict(
        ds,
        orgById.get(ds.organization_id),
        groups.filter((g) => g.dataset_id === ds.id),
        resources.filter((r) => r.dataset_id === ds.id),
      ),
    ),
  );
}

export async function packageDict(db: Db, row: DatasetRow): Promise<PackageDict> {
  const [dict] = await packageDicts(db, [row]);
  return dict as PackageDict;
}

/** Stores the current quality score of datasets, for search filters and sorting. */
export async function refreshQuality(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.selectFrom('dataset').selectAll().where('id', 'in', ids).execute();
  for (const d of await packageDicts(db, rows)) {
    await db.updateTable('dataset').set({ quality_score: d.quality.score }).where('id', '=', d.id).execute();
  }
}
