/**
 * Writes a dataset (create or update) inside the caller's transaction: checks references
 * (institution, groups, licence, region codes), tags and Markdown, then the row, its groups
 * and its resources. Any bad field throws one Validation error naming every bad field.
 */
import { sql, type Transaction } from 'kysely';
import type {
  PackageCreateInputT,
  PackageUpdateInputT,
  ResourceInputT,
} from '../actions/catalog/package-schema.js';
import { addFieldError, type FieldErrors, validation } from '../core/errors.js';
import { isUuid } from './ckan-format.js';
import { type DatasetRow, refreshQuality } from './datasets.js';
import { jsonb } from './json.js';
import { findLicense } from './licenses.js';
import { unsafeMarkup } from './markdown.js';
import type { CatalogSchema } from './schema.js';
import { pickSdi, type Sdi } from './sdi.js';
import { reindexDatasets } from './search/index-sql.js';
import { datasetsChanged } from './search/sync.js';

type Trx = Transaction<CatalogSchema>;
type Input = Partial<PackageCreateInputT> & Partial<PackageUpdateInputT>;

const TAG = /^[\p{L}\p{N} _.-]+$/u;
const RESOURCE_KNOWN = new Set([
  'id',
  'name',
  'description',
  'url',
  'url_type',
  'format',
  'mimetype',
  'size',
  'hash',
]);
const RESOURCE_ECHO = new Set([
  'package_id',
  'position',
  'state',
  'created',
  'last_modified',
  'metadata_modified',
  'datastore_active',
]);

function tagsOf(input: Input, errors: FieldErrors): string[] | undefined {
  const names =
    input.tags?.map((t) => t.name.trim()) ??
    input.tag_string
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (!names) return undefined;
  names.forEach((n, i) => {
    if (n.length < 2 || n.length > 100)
      addFieldError(errors, `tags.${i}.name`, `Tag "${n}" length must be 2–100 characters`);
    else if (!TAG.test(n))
      addFieldError(errors, `tags.${i}.name`, `Tag "${n}" must be alphanumeric characters or symbols: -_.`);
  });
  return [...new Set(names)];
}

async function groupIdsOf(trx: Trx, input: Input, errors: FieldErrors): Promise<string[] | undefined> {
  if (!input.groups) return undefined;
  const ids: string[] = [];
  for (const [i, g] of input.groups.entries()) {
    const key = g.id ?? g.name;
    if (!key) {
      addFieldError(errors, `groups.${i}`, 'Missing id or name');
      continue;
    }
    const row = await trx
      .selectFrom('group')
      .select('id')
      .where(isUuid(key) ? 'id' : 'name', '=', key)
      .where('state', '=', 'active')
      .executeTakeFirst();
    if (row) ids.push(row.id);
    else addFieldError(errors, `groups.${i}`, `Group ${key} does not exist`);
  }
  return [...new Set(ids)];
}

async function checkSdi(trx: Trx, sdi: Sdi, errors: FieldErrors): Promise<void> {
  if (sdi.cakupan_wilayah?.length) {
    const found = await trx
      .selectFrom('region')
      .select('code')
      .where('code', 'in', sdi.cakupan_wilayah)
      .execute();
    const known = new Set(found.map((r) => r.code));
    const unknown = sdi.cakupan_wilayah.filter((c) => !known.has(c));
    if (unknown.length)
      addFieldError(errors, 'cakupan_wilayah', `unknown Kemendagri region codes: ${unknown.join(', ')}`);
  }
  if (
    sdi.cakupan_waktu_mulai &&
    sdi.cakupan_waktu_selesai &&
    sdi.cakupan_waktu_mulai > sdi.cakupan_waktu_selesai
  ) {
    addFieldError(errors, 'cakupan_waktu_selesai', 'ends before cakupan_waktu_mulai');
  }
}

function resourceExtras(r: ResourceInputT, i: number, errors: FieldErrors): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    if (RESOURCE_KNOWN.has(k) || RESOURCE_ECHO.has(k) || v === undefined || v === null) continue;
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(k)) addFieldError(errors, `resources.${i}.${k}`, 'unknown field name');
    else extras[k] = String(v);
  }
  if (unsafeMarkup(r.description))
    addFieldError(errors, `resources.${i}.description`, 'contains script or event-handler markup');
  if (r.url && !/^(https?:\/\/|\/)/i.test(r.url) && r.url_type !== 'upload') {
    addFieldError(errors, `resources.${i}.url`, 'must be an http(s) URL');
  }
  return extras;
}

async function saveResources(
  trx: Trx,
  datasetId: string,
  resources: ResourceInputT[],
  errors: FieldErrors,
): Promise<void> {
  const existing = await trx
    .selectFrom('resource')
    .select(['id', 'datastore_table_id'])
    .where('dataset_id', '=', datasetId)
    .execute();
  const byId = new Map(existing.map((r) => [r.id, r]));
  const extras = resources.map((r, i) => resourceExtras(r, i, errors));
  if (Object.keys(errors).length) throw validation(errors);
  const kept = new Set<string>();
  for (const [position, r] of resources.entries()) {
    const values = {
      position,
      name: r.name ?? '',
      description: r.description ?? '',
      url: r.url ?? '',
      url_type: r.url_type || null,
      format: (r.format ?? '').trim(),
      mimetype: r.mimetype ?? null,
      size: r.size ?? null,
      hash: r.hash ?? '',
      extras: jsonb(extras[position] ?? {}),
      state: 'active',
    };
    if (r.id && byId.has(r.id)) {
      kept.add(r.id);
      await trx
        .updateTable('resource')
        .set({ ...values, modified: sql`now()` })
        .where('id', '=', r.id)
        .execute();
    } else {
      await trx
        .insertInto('resource')
        .values({ ...values, dataset_id: datasetId })
        .execute();
    }
  }
  const gone = existing.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (gone.length)
    await trx
      .updateTable('resource')
      .set({ state: 'deleted', modified: sql`now()` })
      .where('id', 'in', gone)
      .execute();
}

/**
 * Creates (`before` null) or updates a dataset; returns its id. `orgId` is the resolved owner.
 * `replaceSdi`: the Satu Data fields given replace all of them (package_update) instead of merging.
 */
export async function saveDataset(
  trx: Trx,
  before: DatasetRow | null,
  input: Input,
  orgId: string,
  actorId: string | null,
  replaceSdi = false,
): Promise<string> {
  const errors: FieldErrors = {};
  const name = input.name ?? before?.name;
  if (name && name !== before?.name) {
    const clash = await trx.selectFrom('dataset').select('id').where('name', '=', name).executeTakeFirst();
    if (clash) errors.name = ['That URL is already in use.'];
  }
  if (input.license_id !== undefined && input.license_id !== '' && !findLicense(input.license_id)) {
    errors.license_id = [`unknown licence ${input.license_id}; see license_list`];
  }
  if (unsafeMarkup(input.notes)) errors.notes = ['contains script or event-handler markup'];
  const tags = tagsOf(input, errors);
  const groupIds = await groupIdsOf(trx, input, errors);
  const sdi = (replaceSdi ? pickSdi(input) : { ...(before?.sdi ?? {}), ...pickSdi(input) }) as Sdi;
  await checkSdi(trx, sdi, errors);
  if (Object.keys(errors).length) throw validation(errors);

  const fields = {
    name: name as string,
    title: input.title !== undefined ? input.title || (name as string) : (before?.title ?? (name as string)),
    notes: input.notes ?? before?.notes ?? '',
    organization_id: orgId,
    private: input.private ?? before?.private ?? false,
    state: input.state ?? (before?.state === 'draft' ? 'draft' : 'active'),
    license_id: input.license_id !== undefined ? input.license_id || null : (before?.license_id ?? null),
    author: input.author ?? before?.author ?? '',
    author_email: input.author_email ?? before?.author_email ?? '',
    maintainer: input.maintainer ?? before?.maintainer ?? '',
    maintainer_email: input.maintainer_email ?? before?.maintainer_email ?? '',
    url: input.url ?? before?.url ?? '',
    version: input.version ?? before?.version ?? '',
    tags: tags ?? before?.tags ?? [],
    sdi: jsonb(sdi as Record<string, unknown>),
    extras: jsonb(
      input.extras ? Object.fromEntries(input.extras.map((e) => [e.key, e.value])) : (before?.extras ?? {}),
    ),
  };
  let id: string;
  if (before) {
    id = before.id;
    await trx
      .updateTable('dataset')
      .set({ ...fields, modified: sql`now()` })
      .where('id', '=', id)
      .execute();
  } else {
    const row = await trx
      .insertInto('dataset')
      .values({ ...fields, creator_user_id: actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (groupIds) {
    await trx.deleteFrom('dataset_group').where('dataset_id', '=', id).execute();
    if (groupIds.length)
      await trx
        .insertInto('dataset_group')
        .values(groupIds.map((g) => ({ dataset_id: id, group_id: g })))
        .execute();
  }
  if (input.resources) await saveResources(trx, id, input.resources, {});
  await reindexDatasets(trx, [id]);
  await refreshQuality(trx, [id]);
  datasetsChanged(trx, [id]);
  return id;
}
