/** Reading the joint agenda: items with their institution and their clashes. */
import type { Kysely } from 'kysely';
import { isUuid } from '../../catalog/ckan-format.js';
import type { CatalogSchema } from '../../catalog/schema.js';
import { notFound } from '../../core/errors.js';
import { type AgendaKind, type ClashReason, findClashes } from '../../humas/agenda/clash.js';

export const KINDS: readonly AgendaKind[] = ['press_conference', 'release', 'campaign', 'event', 'other'];

export interface AgendaDict {
  id: string;
  title: string;
  kind: AgendaKind;
  topic: string;
  hashtag: string;
  audience: string;
  location: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  owner_org: string;
  organization: string;
  organization_title: string;
  modified: Date;
  clashes: { id: string; title: string; organization: string; reasons: ClashReason[] }[];
}

export async function findItem(db: Kysely<CatalogSchema>, id: string) {
  const row = isUuid(id)
    ? await db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound(`agenda item ${id}`);
  return row;
}

const rows = (db: Kysely<CatalogSchema>) =>
  db
    .selectFrom('agenda_item as a')
    .innerJoin('organization as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.title',
      'a.kind',
      'a.topic',
      'a.hashtag',
      'a.audience',
      'a.location',
      'a.description',
      'a.starts_at',
      'a.ends_at',
      'a.modified',
      'a.organization_id as owner_org',
      'o.name as organization',
      'o.title as organization_title',
    ])
    .orderBy('a.starts_at')
    .orderBy('a.id');

/**
 * Items overlapping [from, to) (or one item by id), optionally of one institution, with their
 * clashes against every institution's items of the same span.
 */
export async function agendaItems(
  db: Kysely<CatalogSchema>,
  filter: { id?: string; from?: Date; to?: Date; organizationId?: string },
): Promise<{ items: AgendaDict[] }> {
  let from = filter.from;
  let to = filter.to;
  if (filter.id) {
    const one = await findItem(db, filter.id);
    // Clashes by topic need the whole Jakarta days around it.
    from = new Date(one.starts_at.getTime() - 86_400_000);
    to = new Date(one.ends_at.getTime() + 86_400_000);
  }
  let q = rows(db);
  if (from) q = q.where('a.ends_at', '>=', from);
  if (to) q = q.where('a.starts_at', '<', to);
  const all = await q.execute();
  const clashes = findClashes(all);
  const byId = new Map(all.map((r) => [r.id, r]));
  const items = all
    .filter((r) => (filter.id ? r.id === filter.id : true))
    .filter((r) => (filter.organizationId ? r.owner_org === filter.organizationId : true))
    .map((r) => ({
      ...r,
      clashes: (clashes.get(r.id) ?? []).map((c) => {
        const other = byId.get(c.with);
        return {
          id: c.with,
          title: other?.title ?? '',
          organization: other?.organization ?? '',
          reasons: c.reasons,
        };
      }),
    }));
  return { items };
}
