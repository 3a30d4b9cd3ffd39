/**
 * The mention dictionary's admin-configured part: aliases of institutions (beyond their title,
 * short name and acronyms) and of programmes (`media_alias_create/list/delete`). Sysadmins
 * configure; any signed-in user reads. New aliases apply to items fetched from then on.
 */
import { Type } from '@sinclair/typebox';
import { isUuid } from '../../catalog/ckan-format.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound, validation } from '../../core/errors.js';
import { IdOrName } from '../catalog/schemas.js';
import { signedInPolicy, sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';

export const mediaAliasCreate = defineAction({
  name: 'media_alias_create',
  doc: 'Adds a name under which news mention an institution (`organization`) or a programme (`programme`, e.g. alias “MBG” of “Makan Bergizi Gratis”). A sysadmin.',
  readOnly: false,
  schema: Type.Object({
    kind: Type.Union([Type.Literal('organization'), Type.Literal('programme')]),
    organization: Type.Optional(IdOrName),
    programme: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    alias: Type.String({ minLength: 2, maxLength: 200 }),
  }),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    if (input.kind === 'organization' && !input.organization)
      throw validation({ organization: ['Required for an institution’s alias'] });
    if (input.kind === 'programme' && !input.programme)
      throw validation({ programme: ['Required for a programme’s alias'] });
    const org = input.organization ? await findOrganization(db, input.organization) : undefined;
    const row = await db
      .insertInto('media_alias')
      .values({
        kind: input.kind,
        organization_id: org?.id ?? null,
        programme: input.kind === 'programme' ? (input.programme ?? '').trim() : '',
        alias: input.alias.trim(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw validation({ alias: ['Already in the dictionary'] });
    return {
      id: row.id,
      kind: input.kind,
      organization: org?.name ?? null,
      programme: input.programme ?? '',
      alias: input.alias.trim(),
    };
  },
});

export const mediaAliasList = defineAction({
  name: 'media_alias_list',
  doc: 'The admin-configured aliases of institutions and programmes. Any signed-in user.',
  readOnly: true,
  schema: Type.Object({}),
  policy: signedInPolicy,
  handler: async (ctx) =>
    (
      await ctx.services.catalog.db
        .selectFrom('media_alias as a')
        .leftJoin('organization as o', 'o.id', 'a.organization_id')
        .select(['a.id', 'a.kind', 'o.name as organization', 'a.programme', 'a.alias'])
        .orderBy('a.kind')
        .orderBy('a.programme')
        .orderBy('a.alias')
        .execute()
    ).map((a) => ({ ...a, organization: a.organization ?? null })),
});

export const mediaAliasDelete = defineAction({
  name: 'media_alias_delete',
  doc: 'Removes an alias from the mention dictionary. A sysadmin.',
  readOnly: false,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    const gone = isUuid(input.id)
      ? await ctx.services.catalog.db
          .deleteFrom('media_alias')
          .where('id', '=', input.id)
          .returning('id')
          .executeTakeFirst()
      : undefined;
    if (!gone) throw notFound(`media alias ${input.id}`);
    return { id: gone.id, deleted: true };
  },
});
