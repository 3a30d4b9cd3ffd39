/**
 * Engagement as data for the control room: reads, reactions and share clicks per article and
 * day (Asia/Jakarta), or per institution and day. `publishEngagement` writes the per-article
 * rows as the next version of the datastore table of dataset `humas-keterlibatan` (institution
 * `kendali-sistem`), which the daily job refreshes, so indicators can be defined over it.
 */
import { sql } from 'kysely';
import type { CatalogStore } from '../../catalog/store.js';
import { isKendaliError } from '../../core/errors.js';

export interface EngagementRow {
  tanggal: string;
  instansi: string;
  instansi_nama: string;
  artikel: string;
  judul: string;
  dibaca: number;
  reaksi: number;
  dibagikan: number;
}

export interface EngagementQuery {
  from: string;
  to: string;
  orgId?: string;
}

/** Per article and day, days with any engagement only, oldest first. */
export async function engagementByArticle(
  catalog: CatalogStore,
  q: EngagementQuery,
): Promise<EngagementRow[]> {
  const org = q.orgId ? sql`AND a.organization_id = ${q.orgId}` : sql``;
  const { rows } = await sql<EngagementRow>`
    WITH e AS (
      SELECT article_id, day, count(*)::int AS views, 0 AS reactions, 0 AS shares
        FROM article_view WHERE day BETWEEN ${q.from}::date AND ${q.to}::date GROUP BY article_id, day
      UNION ALL
      SELECT article_id, day, 0, count(*)::int, 0
        FROM article_reaction WHERE day BETWEEN ${q.from}::date AND ${q.to}::date GROUP BY article_id, day
      UNION ALL
      SELECT article_id, day, 0, 0, sum(n)::int
        FROM article_share WHERE day BETWEEN ${q.from}::date AND ${q.to}::date GROUP BY article_id, day
    )
    SELECT to_char(e.day, 'YYYY-MM-DD') AS tanggal, o.name AS instansi, o.title AS instansi_nama,
           a.slug AS artikel, a.title AS judul,
           sum(e.views)::int AS dibaca, sum(e.reactions)::int AS reaksi, sum(e.shares)::int AS dibagikan
      FROM e JOIN article a ON a.id = e.article_id JOIN organization o ON o.id = a.organization_id
     WHERE true ${org}
     GROUP BY e.day, o.name, o.title, a.slug, a.title
     ORDER BY e.day, o.name, a.slug`.execute(catalog.db);
  return rows;
}

/** The same summed per institution and day. */
export function engagementByOrganization(rows: readonly EngagementRow[]) {
  const out = new Map<
    string,
    {
      tanggal: string;
      instansi: string;
      instansi_nama: string;
      artikel: number;
      dibaca: number;
      reaksi: number;
      dibagikan: number;
    }
  >();
  for (const r of rows) {
    const key = `${r.tanggal}\n${r.instansi}`;
    const o = out.get(key) ?? {
      tanggal: r.tanggal,
      instansi: r.instansi,
      instansi_nama: r.instansi_nama,
      artikel: 0,
      dibaca: 0,
      reaksi: 0,
      dibagikan: 0,
    };
    o.artikel++;
    o.dibaca += r.dibaca;
    o.reaksi += r.reaksi;
    o.dibagikan += r.dibagikan;
    out.set(key, o);
  }
  return [...out.values()];
}

export const ENGAGEMENT_DATASET = 'humas-keterlibatan';
export const SYSTEM_ORG = 'kendali-sistem';

const FIELDS = [
  { id: 'tanggal', type: 'date', info: { label: 'Tanggal (WIB)' } },
  { id: 'instansi', type: 'text', info: { label: 'Instansi (kode)' } },
  { id: 'instansi_nama', type: 'text', info: { label: 'Instansi' } },
  { id: 'artikel', type: 'text', info: { label: 'Artikel (slug)' } },
  { id: 'judul', type: 'text', info: { label: 'Judul artikel' } },
  { id: 'dibaca', type: 'int', info: { label: 'Dibaca' } },
  { id: 'reaksi', type: 'int', info: { label: 'Reaksi' } },
  { id: 'dibagikan', type: 'int', info: { label: 'Dibagikan' } },
];

type Call = (name: string, input: Record<string, unknown>) => Promise<unknown>;

const absent = async (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => false,
    (e) => {
      if (isKendaliError(e) && e.code === 'NOT_FOUND') return true;
      throw e;
    },
  );

/**
 * Writes every per-article engagement row as the next version of the table (the dataset and
 * its institution are made on first use, once there is engagement to publish). `call` runs actions as the system. Returns the rows written.
 */
export async function publishEngagement(catalog: CatalogStore, call: Call, today: string): Promise<number> {
  const rows = await engagementByArticle(catalog, { from: '2000-01-01', to: today });
  // Nothing read yet: an install without news gets no system institution or empty table.
  if (!rows.length && (await absent(call('package_show', { id: ENGAGEMENT_DATASET })))) return 0;
  if (await absent(call('organization_show', { id: SYSTEM_ORG })))
    await call('organization_create', {
      name: SYSTEM_ORG,
      title: 'Sistem Kendali',
      description: 'Data yang dihasilkan Kendali sendiri, seperti keterlibatan pembaca Humas.',
    });
  if (await absent(call('package_show', { id: ENGAGEMENT_DATASET })))
    await call('package_create', {
      name: ENGAGEMENT_DATASET,
      title: 'Keterlibatan Pembaca Berita Humas',
      notes: 'Dibaca, reaksi dan berbagi per artikel dan hari (WIB), diperbarui setiap hari oleh Kendali.',
      owner_org: SYSTEM_ORG,
      license_id: 'cc-by',
    });
  const ds = (await call('package_show', { id: ENGAGEMENT_DATASET })) as {
    resources: { id: string; url_type?: string }[];
  };
  const table = ds.resources.find((r) => r.url_type === 'datastore');
  if (!table) {
    await call('datastore_create', {
      resource: { package_id: ENGAGEMENT_DATASET, name: 'keterlibatan-harian', format: 'CSV' },
      fields: FIELDS,
      primary_key: ['tanggal', 'artikel'],
      records: rows,
    });
  } else {
    // Counts only grow, so upserting every row by (tanggal, artikel) gives the whole table.
    if (rows.length)
      await call('datastore_upsert', { resource_id: table.id, method: 'upsert', records: rows });
  }
  return rows.length;
}
