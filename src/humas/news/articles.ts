/**
 * Articles of institutions: who may read and write them, finding one by id or slug, their
 * public shape, and their engagement counts. Public = not a draft and its publish time has
 * come (a scheduled article turns public by itself at its time); drafts and scheduled articles
 * are seen by members of their institution and sysadmins only.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../actions/types.js';
import { EDITOR_ROLES, hasRole, roleIn } from '../../catalog/access.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { renderMarkdown } from '../../catalog/markdown.js';
import type { CatalogSchema } from '../../catalog/schema.js';
import { notFound } from '../../core/errors.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export const REACTIONS = ['senang', 'terinspirasi', 'bangga', 'sedih', 'marah'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const SHARE_CHANNELS = ['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email', 'copy'] as const;
export type ArticleState = 'draft' | 'scheduled' | 'published';

export interface ArticleRow {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  lead: string;
  body: string;
  cover_url: string | null;
  cover_alt: string;
  tags: string[];
  hashtags: string[];
  author: string;
  draft: boolean;
  publish_at: Date | null;
  created: Date;
  modified: Date;
  org_name: string;
  org_title: string;
}

const columns = [
  'a.id',
  'a.organization_id',
  'a.slug',
  'a.title',
  'a.lead',
  'a.body',
  'a.cover_url',
  'a.cover_alt',
  'a.tags',
  'a.hashtags',
  'a.author',
  'a.draft',
  'a.publish_at',
  'a.created',
  'a.modified',
  'o.name as org_name',
  'o.title as org_title',
] as const;

export const articleQuery = (db: Db) =>
  db.selectFrom('article as a').innerJoin('organization as o', 'o.id', 'a.organization_id').select(columns);

export const stateOf = (a: Pick<ArticleRow, 'draft' | 'publish_at'>, now = new Date()): ArticleState =>
  a.draft || !a.publish_at ? 'draft' : a.publish_at > now ? 'scheduled' : 'published';

export const isPublic = (a: Pick<ArticleRow, 'draft' | 'publish_at'>, now = new Date()): boolean =>
  stateOf(a, now) === 'published';

/** The public and the institution's members (any role) read published articles; members the rest too. */
export const canReadArticle = (
  actor: Actor | null,
  a: Pick<ArticleRow, 'draft' | 'publish_at' | 'organization_id'>,
) => isPublic(a) || actor?.sysadmin === true || roleIn(actor, a.organization_id) !== undefined;

/** Editors of the institution (admin, walidata, produsen) write its articles. */
export const canWriteArticles = (actor: Actor | null, orgId: string): boolean =>
  hasRole(actor, orgId, EDITOR_ROLES);

/** An article by id or slug, NotFound when absent or not readable by the actor. */
export async function findArticle(db: Db, idOrSlug: string, actor: Actor | null): Promise<ArticleRow> {
  const row = (await articleQuery(db)
    .where(isUuid(idOrSlug) ? 'a.id' : 'a.slug', '=', idOrSlug)
    .executeTakeFirst()) as ArticleRow | undefined;
  if (!row || !canReadArticle(actor, row)) throw notFound(`article ${idOrSlug}`);
  return row;
}

/** A URL-safe slug from a title: lower case, ASCII letters and digits joined by hyphens. */
export const slugify = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '') || 'artikel';

/** `base`, or `base-2`, `base-3`… — the first not taken. */
export async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('article')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface Counts {
  views: number;
  shares: number;
  reactions: Record<Reaction, number>;
}

const emptyReactions = (): Record<Reaction, number> =>
  Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;

/** Reads, share clicks and reactions of articles, by id. */
export async function articleCounts(db: Db, ids: readonly string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(
    ids.map((id) => [id, { views: 0, shares: 0, reactions: emptyReactions() }]),
  );
  if (ids.length === 0) return out;
  const [views, shares, reactions] = await Promise.all([
    db
      .selectFrom('article_view')
      .select(['article_id', sql<number>`count(*)::int`.as('n')])
      .where('article_id', 'in', ids)
      .groupBy('article_id')
      .execute(),
    db
      .selectFrom('article_share')
      .select(['article_id', sql<number>`sum(n)::int`.as('n')])
      .where('article_id', 'in', ids)
      .groupBy('article_id')
      .execute(),
    db
      .selectFrom('article_reaction')
      .select(['article_id', 'reaction', sql<number>`count(*)::int`.as('n')])
      .where('article_id', 'in', ids)
      .groupBy(['article_id', 'reaction'])
      .execute(),
  ]);
  for (const v of views) (out.get(v.article_id) as Counts).views = v.n;
  for (const s of shares) (out.get(s.article_id) as Counts).shares = s.n;
  for (const r of reactions) (out.get(r.article_id) as Counts).reactions[r.reaction] = r.n;
  return out;
}

/** The article as actions answer it (body as Markdown and as sanitised HTML). */
export function articleDict(a: ArticleRow, counts?: Counts, opts: { body?: boolean } = {}) {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    lead: a.lead,
    ...(opts.body === false ? {} : { body: a.body, body_html: renderMarkdown(a.body) }),
    cover_url: a.cover_url,
    cover_alt: a.cover_alt,
    tags: a.tags,
    hashtags: a.hashtags,
    author: a.author,
    state: stateOf(a),
    publish_at: a.publish_at?.toISOString() ?? null,
    created: a.created.toISOString(),
    modified: a.modified.toISOString(),
    organization: { id: a.organization_id, name: a.org_name, title: a.org_title },
    url: `/humas/berita/${a.slug}`,
    ...(counts ?? {}),
  };
}
