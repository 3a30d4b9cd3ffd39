/**
 * The indicators of a board's tiles as one viewer may read them, with everything their tiles
 * need besides values: the version each reads, targets, and lineage. Four catalog reads for the
 * whole board (indicators with datasets, versions, targets, institutions).
 */
import type { Actor, Services } from '../actions/types.js';
import type { Lineage } from './board-format.js';
import { comparePeriods, type SourceVersion } from './compute.js';
import { canReadIndicator, type Readable } from './indicators.js';

export type Target = { period: string; region_code: string; value: number };

export interface IndicatorInfo {
  readonly r: Readable;
  readonly source: SourceVersion | null;
  readonly targets: Target[];
  readonly lineage: Lineage | null;
}

export async function loadIndicators(
  services: Services,
  actor: Actor | null,
  ids: readonly string[],
): Promise<Map<string, IndicatorInfo>> {
  const db = services.catalog.db;
  const out = new Map<string, IndicatorInfo>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('indicator as i')
    .innerJoin('dataset as d', 'd.id', 'i.dataset_id')
    .selectAll('i')
    .select([
      'd.name as d_name',
      'd.title as d_title',
      'd.organization_id as d_org',
      'd.private as d_private',
      'd.state as d_state',
      'd.creator_user_id as d_creator',
    ])
    .where('i.id', 'in', ids)
    .execute();
  const readable: Readable[] = rows
    .map(({ d_name, d_title, d_org, d_private, d_state, d_creator, ...indicator }) => ({
      indicator,
      dataset: {
        id: indicator.dataset_id,
        name: d_name,
        title: d_title,
        organization_id: d_org,
        private: d_private,
        state: d_state,
        creator_user_id: d_creator,
      },
    }))
    .filter((r) => canReadIndicator(actor, r));
  if (readable.length === 0) return out;
  const datasetIds = [...new Set(readable.map((r) => r.dataset.id))];
  const versions = await db
    .selectFrom('dataset_version')
    .select(['dataset_id', 'table_id', 'version', 'resource_id', 'created', 'columns'])
    .where('dataset_id', 'in', datasetIds)
    .orderBy('version', 'desc')
    .execute();
  const targets = await db
    .selectFrom('indicator_target')
    .select(['indicator_id', 'period', 'region_code', 'value'])
    .where(
      'indicator_id',
      'in',
      readable.map((r) => r.indicator.id),
    )
    .execute();
  const orgs = new Map(
    (
      await db
        .selectFrom('organization')
        .select(['id', 'name', 'title'])
        .where('id', 'in', [...new Set(readable.map((r) => r.dataset.organization_id))])
        .execute()
    ).map((o) => [o.id, o]),
  );
  const base = services.config.baseUrl.replace(/\/$/, '');
  for (const r of readable) {
    const ind = r.indicator;
    const v = versions.find(
      (x) =>
        x.dataset_id === ind.dataset_id &&
        (!ind.resource_id || x.resource_id === ind.resource_id) &&
        (ind.pinned_version === null || x.version === ind.pinned_version),
    );
    const source: SourceVersion | null = v
      ? {
          tableId: v.table_id,
          version: v.version,
          resourceId: v.resource_id,
          created: v.created,
          columns: v.columns,
        }
      : null;
    const org = orgs.get(r.dataset.organization_id);
    out.set(ind.id, {
      r,
      source,
      targets: targets
        .filter((t) => t.indicator_id === ind.id)
        .sort((a, b) => comparePeriods(a.period, b.period)),
      lineage: {
        indicator_id: ind.id,
        indicator_name: ind.name,
        indicator_title: ind.title,
        measure: ind.measure,
        aggregation: ind.aggregation,
        unit: ind.unit || null,
        dataset_name: r.dataset.name,
        dataset_title: r.dataset.title,
        version: source?.version ?? null,
        institution: { name: org?.name ?? '', title: org?.title ?? '' },
        as_of: source?.created.toISOString() ?? null,
        url: `${base}/dataset/${r.dataset.name}`,
      },
    });
  }
  return out;
}
