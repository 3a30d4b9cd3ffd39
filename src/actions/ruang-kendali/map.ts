/**
 * Region maps for map tiles: `map_create` (sysadmins; a GeoJSON file from the upload store),
 * `map_list` and `map_show`. The GeoJSON itself is served by `GET /api/maps/{name}.geojson`.
 */
import { readFile } from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { notFound, validation } from '../../core/errors.js';
import { findUpload, removeUpload } from '../../ingest/uploads.js';
import { prepareMap } from '../../ruang-kendali/maps.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { publicPolicy, sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { lit } from './schemas.js';

const MAX_BYTES = 50 * 1024 * 1024;
const SUMMARY = [
  'id',
  'name',
  'title',
  'level',
  'code_property',
  'feature_count',
  'etag',
  'created',
] as const;

const summary = (m: { name: string; created: Date } & Record<string, unknown>, baseUrl: string) => ({
  ...m,
  created: m.created.toISOString(),
  url: `${baseUrl.replace(/\/$/, '')}/api/maps/${m.name}.geojson`,
});

export const mapCreate = defineAction({
  name: 'map_create',
  doc: 'Registers a GeoJSON map of provinces or regencies (from the upload store, `upload_id`) whose `code_property` holds Kemendagri codes (32, 3204, 32.04; numbers or strings). Features with no known code of that level are reported by index and value; a file with none is refused. Sysadmins.',
  readOnly: false,
  schema: Type.Object({
    name: Slug,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    level: lit('province', 'regency'),
    code_property: Type.String({ minLength: 1, maxLength: 100 }),
    upload_id: Type.String({ minLength: 1, maxLength: 100 }),
  }),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    if (input.name === 'tilegrid') throw validation({ name: ['tilegrid is the built-in map'] });
    if (await db.selectFrom('region_map').select('id').where('name', '=', input.name).executeTakeFirst())
      throw validation({ name: ['That map name is already in use'] });
    const up = await findUpload(ctx.services.config.dataDir, input.upload_id, userIdOf(ctx.actor), true);
    const buf = await readFile(up.path);
    if (buf.length > MAX_BYTES) throw validation({ upload_id: [`${up.filename}: larger than 50 MB`] });
    const map = await prepareMap(ctx.services, buf.toString('utf8'), input.level, input.code_property);
    const row = await db
      .insertInto('region_map')
      .values({
        name: input.name,
        title: input.title ?? input.name,
        level: input.level,
        code_property: input.code_property,
        feature_count: map.featureCount,
        geojson: map.geojson,
        etag: map.etag,
      })
      .returning(SUMMARY)
      .executeTakeFirstOrThrow();
    await removeUpload(ctx.services.config.dataDir, input.upload_id);
    return {
      ...summary(row, ctx.services.config.baseUrl),
      matched: map.matched,
      unmatched: map.unmatched.slice(0, 100),
      unmatched_count: map.unmatched.length,
    };
  },
});

export const mapList = defineAction({
  name: 'map_list',
  doc: 'Registered region maps (name, title, level, feature count, GeoJSON URL); the built-in `tilegrid` of provinces is always there and not listed.',
  readOnly: true,
  schema: Type.Object({ level: Type.Optional(lit('province', 'regency')) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    let q = ctx.services.catalog.db.selectFrom('region_map').select(SUMMARY).orderBy('name');
    if (input.level) q = q.where('level', '=', input.level);
    return (await q.execute()).map((m) => summary(m, ctx.services.config.baseUrl));
  },
});

export const mapShow = defineAction({
  name: 'map_show',
  doc: 'One region map’s description (the GeoJSON is at its `url`).',
  readOnly: true,
  schema: Type.Object({ id: IdOrName }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const row = await ctx.services.catalog.db
      .selectFrom('region_map')
      .select(SUMMARY)
      .where(isUuid(input.id) ? 'id' : 'name', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound(`map ${input.id}`);
    return summary(row, ctx.services.config.baseUrl);
  },
});
