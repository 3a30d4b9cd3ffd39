import { getProvinces, getRegencies } from 'idn-area-data';
import type { Kysely } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';
import { displayName, regencyKind } from './names.js';

export interface RegionRow {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly parent_code: string | null;
  readonly kind: string;
}

/** The 38 provinces and 514 regencies/cities of Kemendagri's coding (idn-area-data, ODbL). */
export async function referenceRegions(): Promise<{ provinces: RegionRow[]; regencies: RegionRow[] }> {
  const provinces = (await getProvinces()).map((p) => ({
    code: p.code,
    name: displayName(p.name),
    level: 1,
    parent_code: null,
    kind: 'provinsi',
  }));
  const regencies = (await getRegencies({ transform: true })).map((r) => ({
    code: r.code,
    name: displayName(r.name),
    level: 2,
    parent_code: r.provinceCode,
    kind: regencyKind(r.code),
  }));
  return { provinces, regencies };
}

/** Loads (or refreshes) the province and regency reference rows; returns how many there are. */
export async function seedRegions(db: Kysely<CatalogSchema>): Promise<number> {
  const { provinces, regencies } = await referenceRegions();
  await db.transaction().execute(async (trx) => {
    for (const rows of [provinces, regencies]) {
      for (let i = 0; i < rows.length; i += 200) {
        await trx
          .insertInto('region')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              kind: eb.ref('excluded.kind'),
              parent_code: eb.ref('excluded.parent_code'),
            })),
          )
          .execute();
      }
    }
  });
  return provinces.length + regencies.length;
}
