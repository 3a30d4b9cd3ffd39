/** The mention dictionary from the catalog: institutions (title, short name, acronyms) and admin aliases. */
import type { Kysely } from 'kysely';
import type { CatalogSchema } from '../../catalog/schema.js';
import { MentionDictionary, organizationAliases } from './mentions.js';

export async function loadDictionary(db: Kysely<CatalogSchema>): Promise<MentionDictionary> {
  const dict = new MentionDictionary();
  const orgs = await db
    .selectFrom('organization')
    .select(['id', 'name', 'title', 'extras'])
    .where('state', '=', 'active')
    .execute();
  for (const o of orgs)
    for (const alias of organizationAliases(o))
      dict.add({ kind: 'organization', organizationId: o.id, programme: '' }, alias);
  const aliases = await db
    .selectFrom('media_alias')
    .select(['kind', 'organization_id', 'programme', 'alias'])
    .execute();
  for (const a of aliases)
    dict.add(
      {
        kind: a.kind,
        organizationId: a.organization_id,
        programme: a.kind === 'programme' ? a.programme : '',
      },
      a.alias,
    );
  return dict;
}
