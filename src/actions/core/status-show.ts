import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { KENDALI_VERSION } from '../../core/paths.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { readSiteOptions } from './config-option.js';

/** CKAN API level Kendali answers like (clients such as ckanapi read `ckan_version`). */
export const CKAN_API_COMPAT = '2.10.0';

export const statusShow = defineAction({
  name: 'status_show',
  doc: 'Site title, URL, versions, default locale, extensions and catalog counts of this Kendali.',
  readOnly: true,
  schema: Type.Object({}, { additionalProperties: true }),
  policy: publicPolicy,
  handler: async (ctx) => {
    const { config, catalog } = ctx.services;
    const counts = await sql<{ organizations: number; datasets: number; regions: number }>`
      SELECT
        (SELECT count(*) FROM organization WHERE state = 'active') AS organizations,
        (SELECT count(*) FROM dataset WHERE state = 'active' AND NOT private) AS datasets,
        (SELECT count(*) FROM region) AS regions`.execute(catalog.db);
    const site = await readSiteOptions(catalog.db);
    const demo = await catalog.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', 'demo')
      .executeTakeFirst();
    return {
      site_title: site['ckan.site_title'] ?? config.siteTitle,
      site_url: config.baseUrl,
      site_description:
        site['ckan.site_description'] ?? 'Satu Data, Ruang Kendali dan Humas dalam satu platform',
      ckan_version: CKAN_API_COMPAT,
      kendali_version: KENDALI_VERSION,
      locale_default: config.locale,
      locale: ctx.locale,
      extensions: ['datastore', 'satu-data', 'ruang-kendali', 'humas'],
      catalog_store: catalog.kind,
      datastore: ctx.services.datastore.kind,
      demo: Boolean((demo?.value as { seeded?: boolean } | undefined)?.seeded),
      counts: counts.rows[0] ?? { organizations: 0, datasets: 0, regions: 0 },
    };
  },
});
