import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { EDITOR_ROLES, hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { saveDataset } from '../../catalog/dataset-save.js';
import { findDataset, type PackageDict, packageDict } from '../../catalog/datasets.js';
import { findOrganization } from '../../catalog/organizations.js';
import { catalogTransaction, datasetsChanged } from '../../catalog/search/sync.js';
import { forbidden } from '../../core/errors.js';
import { type ActionContext, defineAction } from '../types.js';
import { createDatasetPolicy, deleteDatasetPolicy, editDatasetPolicy } from './dataset-policy.js';
import { PackageCreateInput, PackageUpdateInput, type PackageUpdateInputT } from './package-schema.js';
import { IdOrName } from './schemas.js';

/** What an activity stream shows of a dataset: everything but timestamps that change on every write. */
const snapshot = (d: PackageDict): Record<string, unknown> => {
  const { metadata_modified: _m, resources, ...rest } = d;
  return { ...rest, resources: resources.map(({ last_modified: _l, metadata_modified: _mm, ...r }) => r) };
};

/**
 * package_update replaces the dataset: fields left out go back to their defaults, as in CKAN
 * (resources left out are kept, as CKAN ≥ 2.9 does). package_patch changes only what is given.
 */
const UPDATE_DEFAULTS: Partial<PackageUpdateInputT> = {
  title: '',
  notes: '',
  private: false,
  license_id: '',
  author: '',
  author_email: '',
  maintainer: '',
  maintainer_email: '',
  url: '',
  version: '',
  tags: [],
  groups: [],
  extras: [],
};

async function update(
  ctx: ActionContext,
  given: PackageUpdateInputT,
  action: 'package_update' | 'package_patch',
) {
  const input: PackageUpdateInputT =
    action === 'package_update' && given.tag_string === undefined ? { ...UPDATE_DEFAULTS, ...given } : given;
  return catalogTransaction(ctx.services.catalog, async (trx) => {
    const before = await findDataset(trx, input.id);
    let orgId = before.organization_id;
    if (input.owner_org) {
      const org = await findOrganization(trx, input.owner_org);
      if (org.id !== orgId && !hasRole(ctx.actor, org.id, EDITOR_ROLES)) {
        throw forbidden(`Not authorized to move the dataset to organization ${org.name}`);
      }
      orgId = org.id;
    }
    const beforeDict = await packageDict(trx, before);
    await saveDataset(trx, before, input, orgId, ctx.actor?.id ?? null, action === 'package_update');
    const after = await packageDict(trx, await findDataset(trx, before.id));
    await audit(trx, ctx.actor, {
      action,
      entityType: 'dataset',
      entityId: before.id,
      before: snapshot(beforeDict),
      after: snapshot(after),
    });
    return after;
  });
}

export const packageCreate = defineAction({
  name: 'package_create',
  doc: 'Creates a dataset in an institution (owner_org), with tags, groups, extras, resources and Satu Data fields. Admins, walidata and produsen of that institution.',
  readOnly: false,
  schema: PackageCreateInput,
  policy: createDatasetPolicy,
  handler: async (ctx, input) =>
    catalogTransaction(ctx.services.catalog, async (trx) => {
      const org = await findOrganization(trx, input.owner_org);
      const id = await saveDataset(trx, null, input, org.id, ctx.actor?.id ?? null);
      const dict = await packageDict(trx, await findDataset(trx, id));
      await audit(trx, ctx.actor, {
        action: 'package_create',
        entityType: 'dataset',
        entityId: id,
        before: null,
        after: snapshot(dict),
      });
      return dict;
    }),
});

export const packageUpdate = defineAction({
  name: 'package_update',
  doc: 'Replaces a dataset’s fields with the ones given (fields left out keep their value; resources, when given, replace the list). Editors of its institution.',
  readOnly: false,
  schema: PackageUpdateInput,
  policy: editDatasetPolicy,
  handler: (ctx, input) => update(ctx, input, 'package_update'),
});

export const packagePatch = defineAction({
  name: 'package_patch',
  doc: 'Changes only the dataset fields given. Editors of its institution.',
  readOnly: false,
  schema: PackageUpdateInput,
  policy: editDatasetPolicy,
  handler: (ctx, input) => update(ctx, input, 'package_patch'),
});

export const packageDelete = defineAction({
  name: 'package_delete',
  doc: 'Marks a dataset deleted (it stays readable to its institution’s admins and walidata). Admins and walidata of its institution.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }, { additionalProperties: false }),
  policy: deleteDatasetPolicy,
  handler: async (ctx, input) =>
    catalogTransaction(ctx.services.catalog, async (trx) => {
      const ds = await findDataset(trx, input.id);
      await trx
        .updateTable('dataset')
        .set({ state: 'deleted', modified: sql`now()` })
        .where('id', '=', ds.id)
        .execute();
      datasetsChanged(trx, [ds.id]);
      await audit(trx, ctx.actor, {
        action: 'package_delete',
        entityType: 'dataset',
        entityId: ds.id,
        before: { state: ds.state },
        after: { state: 'deleted' },
      });
      return null;
    }),
});
