import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../actions/types.js';
import { notFound } from '../core/errors.js';
import { readableOrgs } from './access.js';
import { ckanTime, extrasList, isUuid } from './ckan-format.js';
import type { CatalogSchema } from './schema.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export type OrgRow = Awaited<ReturnType<typeof findOrganization>>;

/** An organization by id or name (any state); NotFound when absent. */
export async function findOrganization(db: Db, idOrName: string) {
  const row = await db
    .selectFrom('organization')
    .selectAll()
    .where(isUuid(idOrName) ? 'id' : 'name', '=', isUuid(idOrName) ? idOrName : idOrName.toLowerCase())
    .executeTakeFirst();
  if (!row) throw notFound(`organization ${idOrName}`);
  return row;
}

/** Datasets of each organization the actor can see (active ones; private only where a member). */
export async function visibleDatasetCounts(
  db: Db,
  actor: Actor | null,
  orgIds?: readonly string[],
): Promise<Map<string, number>> {
  const scope = readableOrgs(actor);
  let q = db
    .selectFrom('dataset')
    .select(['organization_id', sql<number>`count(*)`.as('n')])
    .where('state', '=', 'active')
    .groupBy('organization_id');
  if (orgIds) q = orgIds.length ? q.where('organization_id', 'in', orgIds) : q.where(sql<boolean>`false`);
  if (scope !== 'all') {
    q = q.where((eb) =>
      scope.member.length
        ? eb.or([eb('private', '=', false), eb('organization_id', 'in', scope.member)])
        : eb('private', '=', false),
    );
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
}

/** CKAN's organization dict, with Kendali's institution fields (type, level, region code). */
export function organizationDict(org: NonNullable<OrgRow>, packageCount?: number) {
  return {
    id: org.id,
    name: org.name,
    title: org.title,
    display_name: org.title || org.name,
    description: org.description,
    image_url: org.image_url ?? '',
    image_display_url: org.image_url ?? '',
    created: ckanTime(org.created),
    is_organization: true,
    approval_status: 'approved',
    state: org.state,
    type: 'organization',
    num_followers: 0,
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
    org_type: org.org_type,
    level: org.level,
    region_code: org.region_code,
    extras: extrasList(org.extras),
  };
}
