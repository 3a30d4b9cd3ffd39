/**
 * Runtime-editable site options, as CKAN's `config_option_*` actions: stored in the catalog,
 * changed by sysadmins, read by status_show and the web app. Every change is audited.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { audit } from '../../catalog/audit.js';
import { jsonb } from '../../catalog/json.js';
import type { CatalogSchema } from '../../catalog/schema.js';
import { sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';

const OPTIONS = Type.Object(
  {
    'ckan.site_title': Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Site title' }),
    ),
    'ckan.site_description': Type.Optional(
      Type.String({ maxLength: 500, description: 'One-line description' }),
    ),
    'ckan.site_about': Type.Optional(Type.String({ maxLength: 20000, description: 'About text (Markdown)' })),
    'ckan.site_intro_text': Type.Optional(
      Type.String({ maxLength: 5000, description: 'Home page intro (Markdown)' }),
    ),
  },
  { additionalProperties: false },
);
export type SiteOptions = Static<typeof OPTIONS>;

const KEY = 'site_options';

export async function readSiteOptions(db: Kysely<CatalogSchema>): Promise<SiteOptions> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', KEY).executeTakeFirst();
  return (row?.value ?? {}) as SiteOptions;
}

export const configOptionShow = defineAction({
  name: 'config_option_show',
  doc: 'The runtime-editable site options (ckan.site_title, ckan.site_description, …). Sysadmins only.',
  readOnly: true,
  schema: Type.Object({}),
  policy: sysadminPolicy,
  handler: async (ctx) => readSiteOptions(ctx.services.catalog.db),
});

export const configOptionUpdate = defineAction({
  name: 'config_option_update',
  doc: 'Changes runtime-editable site options; returns them all. Sysadmins only; every change is audited.',
  readOnly: false,
  schema: OPTIONS,
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    return ctx.services.catalog.db.transaction().execute(async (trx) => {
      const before = await readSiteOptions(trx);
      const after = { ...before, ...input };
      await trx
        .insertInto('setting')
        .values({ key: KEY, value: jsonb(after) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: jsonb(after) }))
        .execute();
      await audit(trx, ctx.actor, {
        action: 'config_option_update',
        entityType: 'site',
        entityId: 'site',
        before: before as Record<string, unknown>,
        after: after as Record<string, unknown>,
      });
      return after;
    });
  },
});
