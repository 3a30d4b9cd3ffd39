/**
 * The control room's media table: the catalog dataset `sentimen-media-harian` with one
 * datastore table (a row per day and institution: positive, neutral, negative, items, mean
 * score), refreshed after each fetch by upserting the days that changed, so indicators can be
 * built over it like over any other table. Made on first use in the fetching source's
 * institution, through the same actions (and so the same validation and audit) as any write.
 */
import type { Kysely } from 'kysely';
import type { CatalogSchema } from '../../catalog/schema.js';
import type { SystemCall } from '../../jobs/handlers.js';
import { dailySentiment } from './daily.js';

export const SENTIMENT_DATASET = 'sentimen-media-harian';

const FIELDS = [
  { id: 'tanggal', type: 'date' },
  { id: 'institusi', type: 'text' },
  { id: 'nama_institusi', type: 'text' },
  { id: 'positif', type: 'int' },
  { id: 'netral', type: 'int' },
  { id: 'negatif', type: 'int' },
  { id: 'jumlah', type: 'int' },
  { id: 'skor_rata_rata', type: 'numeric' },
];

/** The table's resource id, making the dataset and table when they do not exist yet. */
async function sentimentResource(
  db: Kysely<CatalogSchema>,
  call: SystemCall,
  ownerOrg: string,
): Promise<string> {
  const existing = await db
    .selectFrom('dataset as d')
    .innerJoin('resource as r', 'r.dataset_id', 'd.id')
    .select('r.id')
    .where('d.name', '=', SENTIMENT_DATASET)
    .where('r.url_type', '=', 'datastore')
    .where('d.state', '=', 'active')
    .executeTakeFirst();
  if (existing) return existing.id;
  const ds = await db
    .selectFrom('dataset')
    .select('id')
    .where('name', '=', SENTIMENT_DATASET)
    .executeTakeFirst();
  if (!ds)
    await call('package_create', {
      name: SENTIMENT_DATASET,
      title: 'Sentimen Media Harian per Instansi',
      notes:
        'Jumlah berita positif, netral dan negatif yang menyebut tiap instansi per hari, dari pemantauan media Humas Kendali. Diperbarui setelah setiap pengambilan umpan berita.',
      owner_org: ownerOrg,
      license_id: 'cc-by',
    });
  const made = (await call('datastore_create', {
    resource: { package_id: SENTIMENT_DATASET, name: 'Sentimen per hari', format: 'CSV' },
    fields: FIELDS,
    primary_key: ['tanggal', 'institusi'],
  })) as { resource_id: string };
  return made.resource_id;
}

/** Upserts the rows of `days` (all institutions) into the table. */
export async function refreshSentimentTable(
  db: Kysely<CatalogSchema>,
  call: SystemCall,
  ownerOrg: string,
  days: readonly string[],
): Promise<number> {
  if (days.length === 0) return 0;
  const sorted = [...days].sort();
  const rows = (
    await dailySentiment(db, { from: sorted[0] as string, to: sorted[sorted.length - 1] as string })
  ).filter((r) => days.includes(r.day));
  if (rows.length === 0) return 0;
  const resourceId = await sentimentResource(db, call, ownerOrg);
  await call('datastore_upsert', {
    resource_id: resourceId,
    method: 'upsert',
    records: rows.map((r) => ({
      tanggal: r.day,
      institusi: r.organization,
      nama_institusi: r.organization_title,
      positif: r.positive,
      netral: r.neutral,
      negatif: r.negative,
      jumlah: r.items,
      skor_rata_rata: r.mean_score,
    })),
  });
  return rows.length;
}
