/**
 * Kemendagri regions as the portal's region pages read them: `region_list` (the provinces, or
 * the children of one region) and `region_show` (one region with its parent, its children and
 * the institutions based there). Public: region codes and names are public reference data.
 */
import { Type } from '@sinclair/typebox';
import { notFound } from '../../core/errors.js';
import { publicPolicy } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import { defineAction } from '../types.js';

const Code = Type.String({
  pattern: '^[0-9]{2}(\\.[0-9]{2}){0,3}$',
  description: 'Kemendagri code, e.g. 32 or 32.01',
});

export interface RegionDict {
  readonly code: string;
  readonly name: string;
  /** 1 province, 2 regency/city, 3 district, 4 village. */
  readonly level: number;
  readonly kind: string;
  readonly parent_code: string | null;
}

const COLUMNS = ['code', 'name', 'level', 'kind', 'parent_code'] as const;

export const regionList = defineAction({
  name: 'region_list',
  doc: 'Regions by code: the provinces, or with `parent` the regions directly under one region.',
  readOnly: true,
  schema: Type.Object({ parent: Type.Optional(Code) }, { additionalProperties: false }),
  policy: publicPolicy,
  handler: async (ctx, input): Promise<RegionDict[]> => {
    const db = ctx.services.catalog.db;
    if (input.parent) {
      const parent = await db
        .selectFrom('region')
        .select('code')
        .where('code', '=', input.parent)
        .executeTakeFirst();
      if (!parent) throw notFound(`region ${input.parent}`);
    }
    const q = db.selectFrom('region').select(COLUMNS);
    const rows = await (input.parent ? q.where('parent_code', '=', input.parent) : q.where('level', '=', 1))
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ ...r, level: Number(r.level) }));
  },
});

export const regionShow = defineAction({
  name: 'region_show',
  doc: 'One region: its name, level and kind, its parent, the regions directly under it and the institutions based there.',
  readOnly: true,
  schema: Type.Object({ id: Code }, { additionalProperties: false }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const region = await db
      .selectFrom('region')
      .select(COLUMNS)
      .where('code', '=', input.id)
      .executeTakeFirst();
    if (!region) throw notFound(`region ${input.id}`);
    const [parent, children, organizations] = await Promise.all([
      region.parent_code
        ? db.selectFrom('region').select(COLUMNS).where('code', '=', region.parent_code).executeTakeFirst()
        : Promise.resolve(undefined),
      db
        .selectFrom('region')
        .select(COLUMNS)
        .where('parent_code', '=', region.code)
        .orderBy('code')
        .execute(),
      db
        .selectFrom('organization')
        .select(['name', 'title'])
        .where('region_code', '=', region.code)
        .where('state', '=', 'active')
        .orderBy('title')
        .execute(),
    ]);
    const dict = (r: RegionDict): RegionDict => ({ ...r, level: Number(r.level) });
    return {
      ...dict(region),
      parent: parent ? dict(parent) : null,
      children: children.map(dict),
      organizations,
    };
  },
});

export function registerRegionActions(registry: ActionRegistry): ActionRegistry {
  return registry.register(regionList).register(regionShow);
}
