/** article_show and article_list: what the public and an institution's members read. */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { readableOrgs } from '../../catalog/access.js';
import { findOrganization } from '../../catalog/organizations.js';
import {
  type ArticleRow,
  articleCounts,
  articleDict,
  articleQuery,
  findArticle,
} from '../../humas/news/articles.js';
import { clientOf } from '../../humas/news/guard.js';
import { shareLinks } from '../../humas/news/share.js';
import { articleVisitor, pageToken, visitorKeys } from '../../humas/news/visitor.js';
import { IdOrName } from '../catalog/schemas.js';
import { allow, publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { ArticleRef } from './schemas.js';

export const articleShow = defineAction({
  name: 'article_show',
  doc: 'One article by id or slug with its sanitised HTML body, reads ("Dibaca N kali"), share clicks, reaction counts, the caller’s reaction, share links, and `page_token`, the short-lived proof of a page load that article_react needs. Drafts and scheduled articles: members of the institution only.',
  readOnly: true,
  schema: Type.Object({ id: ArticleRef }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const a = await findArticle(catalog.db, input.id, ctx.actor);
    const [counts, keys] = await Promise.all([articleCounts(catalog.db, [a.id]), visitorKeys(catalog)]);
    const client = clientOf(ctx.client);
    const mine = await catalog.db
      .selectFrom('article_reaction')
      .select('reaction')
      .where('article_id', '=', a.id)
      .where('visitor', '=', articleVisitor(keys, client, a.id))
      .executeTakeFirst();
    const url = `${ctx.services.config.baseUrl}/humas/berita/${a.slug}`;
    return {
      ...articleDict(a, counts.get(a.id)),
      my_reaction: mine?.reaction ?? null,
      share_links: shareLinks({ url, title: a.title, lead: a.lead, hashtags: a.hashtags }),
      page_token: pageToken(keys, client, a.id),
    };
  },
});

export const articleList = defineAction({
  name: 'article_list',
  doc: 'Published articles, newest first, optionally of one institution, with a tag or matching words (`q`); with `include_drafts`, also the drafts and scheduled articles of institutions the caller is a member of. Each with its reads, share clicks and reactions.',
  readOnly: true,
  schema: Type.Object({
    owner_org: Type.Optional(IdOrName),
    tag: Type.Optional(Type.String({ maxLength: 60 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    include_drafts: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  }),
  policy: () => allow(),
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = input.owner_org ? await findOrganization(db, input.owner_org) : undefined;
    const scope = readableOrgs(ctx.actor);
    let q = articleQuery(db);
    q = q.where((eb) => {
      const published = eb.and([eb('a.draft', '=', false), eb('a.publish_at', '<=', sql<Date>`now()`)]);
      if (!input.include_drafts) return published;
      if (scope === 'all') return eb.lit(true);
      return scope.member.length
        ? eb.or([published, eb('a.organization_id', 'in', scope.member)])
        : published;
    });
    if (org) q = q.where('a.organization_id', '=', org.id);
    if (input.tag) q = q.where(sql<boolean>`a.tags @> ${JSON.stringify([input.tag])}::jsonb`);
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('a.title', 'ilike', like), eb('a.lead', 'ilike', like)]));
    }
    const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rows = (await q
      .orderBy(sql`coalesce(a.publish_at, a.created)`, 'desc')
      .orderBy('a.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute()) as ArticleRow[];
    const counts = await articleCounts(
      db,
      rows.map((r) => r.id),
    );
    return {
      count: total.n,
      results: rows.map((r) => articleDict(r, counts.get(r.id), { body: false })),
    };
  },
});
