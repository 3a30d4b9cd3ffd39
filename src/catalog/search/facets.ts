/** Facet counts over the datasets a search matched (the caller's visibility already applied). */
import { type RawBuilder, sql } from 'kysely';

export const FACET_FIELDS = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'region',
  'frekuensi_pemutakhiran',
  'cakupan_wilayah_tingkat',
  'data_prioritas',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** SQL giving (name, display_name, count) for one facet over `hits` (a CTE of matched ids). */
export function facetSql(
  field: FacetField,
): RawBuilder<{ name: string; display_name: string; count: number }> {
  switch (field) {
    case 'organization':
      return sql`SELECT o.name, o.title AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id JOIN organization o ON o.id = d.organization_id GROUP BY o.name, o.title`;
    case 'groups':
      return sql`SELECT g.name, g.title AS display_name, count(*)::int AS count FROM hits h JOIN dataset_group dg ON dg.dataset_id = h.id JOIN "group" g ON g.id = dg.group_id GROUP BY g.name, g.title`;
    case 'tags':
      return sql`SELECT t AS name, t AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id, unnest(d.tags) t GROUP BY t`;
    case 'res_format':
      return sql`SELECT f AS name, f AS display_name, count(*)::int AS count FROM (SELECT DISTINCT r.dataset_id, upper(r.format) AS f FROM hits h JOIN resource r ON r.dataset_id = h.id WHERE r.state = 'active' AND r.format <> '') x GROUP BY f`;
    case 'license_id':
      return sql`SELECT d.license_id AS name, d.license_id AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id WHERE d.license_id IS NOT NULL GROUP BY d.license_id`;
    case 'region':
      return sql`SELECT rc AS name, COALESCE(rg.name, rc) AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id, jsonb_array_elements_text(COALESCE(d.sdi->'cakupan_wilayah', '[]'::jsonb)) rc LEFT JOIN region rg ON rg.code = rc GROUP BY rc, rg.name`;
    case 'frekuensi_pemutakhiran':
    case 'cakupan_wilayah_tingkat':
      // The key as a literal: a bound parameter in both SELECT and GROUP BY is not the same expression.
      return sql`SELECT d.sdi->>${sql.lit(field)} AS name, d.sdi->>${sql.lit(field)} AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id WHERE d.sdi ? ${sql.lit(field)} GROUP BY 1`;
    case 'data_prioritas':
      return sql`SELECT COALESCE(d.sdi->>'data_prioritas', 'false') AS name, COALESCE(d.sdi->>'data_prioritas', 'false') AS display_name, count(*)::int AS count FROM hits h JOIN dataset d ON d.id = h.id GROUP BY 1`;
  }
}
