/**
 * The board tiles that show no indicator: open alerts visible to the viewer (members of the
 * alert's institution, sysadmins; none for anonymous viewers), programmes with their region and
 * coordinates (public; a province board's own), and the latest monitored media items
 * (signed-in viewers only, as `media_item_list`). One query per kind present on the board.
 */
import type { Actor, Services } from '../actions/types.js';
import type { AlertsTile, MediaTile, ProgrammesTile, TileData, TileSpec } from './board-format.js';
import type { BoardRow } from './boards.js';

export async function sideTiles(
  services: Services,
  actor: Actor | null,
  board: Pick<BoardRow, 'province'>,
  tiles: readonly TileSpec[],
): Promise<Map<string, TileData>> {
  const db = services.catalog.db;
  const out = new Map<string, TileData>();
  const of = (kind: string) => tiles.filter((t) => t.kind === kind);
  const most = (kind: string) => Math.max(0, ...of(kind).map((t) => t.options?.limit ?? 10));
  const base = (t: TileSpec, fallback: string) => ({ id: t.id, title: t.title ?? fallback });

  if (of('alerts').length > 0) {
    const orgs = actor?.sysadmin ? 'all' : Object.keys(actor?.memberships ?? {});
    let rows: AlertsTile['alerts'][number][] = [];
    if (orgs === 'all' || orgs.length > 0) {
      let q = db
        .selectFrom('alert as a')
        .innerJoin('organization as o', 'o.id', 'a.organization_id')
        .select([
          'a.id',
          'a.title',
          'a.kind',
          'a.tier',
          'a.deadline',
          'a.opened_at',
          'o.name as organization',
        ])
        .where('a.state', '=', 'open')
        .orderBy('a.opened_at', 'desc')
        .orderBy('a.id')
        .limit(most('alerts'));
      if (orgs !== 'all') q = q.where('a.organization_id', 'in', orgs);
      rows = (await q.execute()).map((a) => ({
        id: a.id,
        title: a.title,
        kind: a.kind,
        tier: a.tier,
        deadline: a.deadline?.toISOString() ?? null,
        organization: a.organization,
        opened: a.opened_at.toISOString(),
      }));
    }
    for (const t of of('alerts'))
      out.set(t.id, {
        ...base(t, 'Peringatan'),
        kind: 'alerts',
        alerts: rows.slice(0, t.options?.limit ?? 10),
      });
  }

  if (of('programmes').length > 0) {
    let q = db
      .selectFrom('programme as p')
      .leftJoin('region as r', 'r.code', 'p.region_code')
      .select(['p.id', 'p.title', 'p.status', 'p.region_code', 'r.name as region', 'p.lat', 'p.lon'])
      .orderBy('p.title')
      .limit(100);
    const province = board.province;
    if (province)
      q = q.where((eb) =>
        eb.or([eb('p.region_code', '=', province), eb('p.region_code', 'like', `${province}.%`)]),
      );
    const rows: ProgrammesTile['programmes'][number][] = (await q.execute()).map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      region: p.region ?? p.region_code,
      lat: p.lat,
      lon: p.lon,
    }));
    for (const t of of('programmes'))
      out.set(t.id, { ...base(t, 'Program prioritas'), kind: 'programmes', programmes: rows });
  }

  if (of('media').length > 0) {
    const rows: MediaTile['items'][number][] = actor
      ? (
          await db
            .selectFrom('media_item as i')
            .innerJoin('media_source as s', 's.id', 'i.source_id')
            .select(['i.title', 'i.url', 's.title as source', 'i.published', 'i.sentiment'])
            .orderBy('i.published', 'desc')
            .orderBy('i.id')
            .limit(most('media'))
            .execute()
        ).map((m) => ({
          title: m.title,
          url: m.url,
          source: m.source,
          published: m.published?.toISOString() ?? null,
          sentiment: m.sentiment,
        }))
      : [];
    for (const t of of('media'))
      out.set(t.id, {
        ...base(t, 'Pemantauan media'),
        kind: 'media',
        items: rows.slice(0, t.options?.limit ?? 10),
      });
  }
  return out;
}
