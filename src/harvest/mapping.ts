/**
 * A remote package dict → the input of the local package_create/package_patch. Values the
 * local schema would refuse and that are not worth failing the dataset for (an email that is
 * not one, a licence this catalog does not list, a tag with odd characters) are left out
 * instead; a harmful value (script markup in the description) still fails it, by the action's
 * own validation.
 */
import { Value } from '@sinclair/typebox/value';
import { Email, HttpUrl } from '../actions/catalog/schemas.js';
import type { RemoteDataset } from './remote.js';
import { type Obj, text } from './shape.js';
import type { HarvestSourceSpec } from './types.js';

/** The provenance extras; remote extras of these names are not copied. */
const PROVENANCE = [
  'harvest_source_id',
  'harvest_source_name',
  'harvest_object_id',
  'harvest_url',
  'harvest_modified',
  'harvested_at',
] as const;

/** CKAN's tag rule, as the local catalog checks it. */
const TAG = /^[\p{L}\p{N} _.-]{2,100}$/u;

const cut = (s: string, max: number): string => s.slice(0, max);
const valid = (schema: Parameters<typeof Value.Check>[0], v: string): string =>
  Value.Check(schema, v) ? v : '';

/** CKAN's extras list: the remote's own (harvest bookkeeping of its own left out), then ours. */
function extrasList(remote: RemoteDataset, source: HarvestSourceSpec, base: string, now: string) {
  const ours: Record<(typeof PROVENANCE)[number], string> = {
    harvest_source_id: source.id,
    harvest_source_name: source.name,
    harvest_object_id: remote.id,
    harvest_url: remote.page ?? `${base}/dataset/${encodeURIComponent(remote.name)}`,
    harvest_modified: remote.modified,
    harvested_at: now,
  };
  const copied = [...remote.extras]
    .filter(
      ([key, value]) => key && key.length <= 200 && value.length <= 10_000 && !key.startsWith('harvest_'),
    )
    .slice(0, 200 - PROVENANCE.length)
    .map(([key, value]) => ({ key, value }));
  return [...copied, ...PROVENANCE.map((key) => ({ key, value: ours[key] }))];
}

/** Every dataset field the harvest owns, all given (empty when the remote has none), so a patch replaces them. */
export function datasetFields(
  remote: RemoteDataset,
  source: HarvestSourceSpec,
  base: string,
  licenses: ReadonlySet<string>,
  now: string,
): Record<string, unknown> {
  const r = remote.raw;
  const license = text(r, 'license_id');
  return {
    title: cut(text(r, 'title'), 500),
    notes: cut(text(r, 'notes'), 100_000),
    license_id: licenses.has(license) ? license : '',
    author: cut(text(r, 'author'), 300),
    author_email: valid(Email, text(r, 'author_email')),
    maintainer: cut(text(r, 'maintainer'), 300),
    maintainer_email: valid(Email, text(r, 'maintainer_email')),
    url: valid(HttpUrl, text(r, 'url')),
    version: cut(text(r, 'version'), 100),
    tags: [...new Set(remote.tags.map((t) => t.trim()).filter((t) => TAG.test(t)))]
      .slice(0, 200)
      .map((name) => ({ name })),
    extras: extrasList(remote, source, base, now),
  };
}

/** A remote resource URL made absolute against the portal (CKAN may give paths); '' unless http(s). */
export function absoluteUrl(url: string, base: string): string {
  if (!url) return '';
  try {
    const u = new URL(url, `${base}/`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : '';
  } catch {
    return '';
  }
}

/**
 * The remote resources as the local list, in the remote order. Each carries its remote id
 * (`harvest_resource_id`), by which a later run finds the local resource again and keeps its
 * id, datastore table and versions (and its `url_type`, which the list would otherwise reset).
 */
export function resourceInputs(remote: RemoteDataset, base: string, local: readonly Obj[]): Obj[] {
  return remote.resources.map((r) => {
    const mine = local.find((l) => text(l, 'harvest_resource_id') === r.id);
    const urlType = mine ? text(mine, 'url_type') : '';
    return {
      ...(mine ? { id: text(mine, 'id') } : {}),
      ...(urlType ? { url_type: urlType } : {}),
      name: cut(r.name, 500),
      description: cut(r.description, 100_000),
      format: cut(r.format, 100),
      url: cut(absoluteUrl(r.url, base), 2000),
      harvest_resource_id: r.id,
      harvest_resource_modified: cut(r.marker, 10_000),
    };
  });
}
