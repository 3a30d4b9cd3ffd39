/**
 * Engagement of readers: article_view (a read, counted once per visitor, article and day),
 * article_react (one reaction per visitor and article, changeable, with a page token and a
 * throttle) and article_share (share clicks per channel). Bots and prefetches are not counted.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { forbidden } from '../../core/errors.js';
import { articleCounts, REACTIONS, SHARE_CHANNELS } from '../../humas/news/articles.js';
import { clientOf, notCounted, publicArticleId, throttle } from '../../humas/news/guard.js';
import { viewCounterOf } from '../../humas/news/views.js';
import { articleVisitor, checkPageToken, dayVisitor, visitorKeys } from '../../humas/news/visitor.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { ArticleRef } from './schemas.js';

/** Reactions per visitor and minute, over all articles. */
export const REACT_LIMIT = 10;
/** Share clicks per visitor and minute. */
export const SHARE_LIMIT = 30;

export const articleView = defineAction({
  name: 'article_view',
  doc: 'Counts a read of a published article, made by its page once shown. One per visitor, article and day (a keyed hash of address and user agent with a salt of the day, forgotten after it; no cookie); bots and prefetches are not counted. Answers whether this call was counted.',
  readOnly: false,
  schema: Type.Object({ id: ArticleRef }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const id = await publicArticleId(catalog, input.id);
    const client = clientOf(ctx.client);
    const skip = notCounted(client);
    if (skip) return { counted: false, reason: skip };
    const keys = await visitorKeys(catalog);
    const counted = await viewCounterOf(catalog).add(id, keys.day, dayVisitor(keys, client));
    return { counted, ...(counted ? {} : { reason: 'already_counted' }) };
  },
});

export const articleReact = defineAction({
  name: 'article_react',
  doc: 'Sets the caller’s reaction to a published article (senang, terinspirasi, bangga, sedih, marah): one per visitor and article; a new one replaces the old. Needs `token`, the page token of article_show; at most 10 a minute per visitor. Answers the reaction counts.',
  readOnly: false,
  schema: Type.Object({
    id: ArticleRef,
    reaction: Type.Union(REACTIONS.map((r) => Type.Literal(r))),
    token: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const id = await publicArticleId(catalog, input.id);
    const client = clientOf(ctx.client);
    if (notCounted(client)) throw forbidden('Reactions are taken from readers’ browsers only');
    const keys = await visitorKeys(catalog);
    if (!input.token || !checkPageToken(keys, client, id, input.token))
      throw forbidden(
        'token: missing, expired or not issued for this page; load the article again (article_show)',
      );
    await throttle(catalog, `react:${dayVisitor(keys, client)}`, REACT_LIMIT, 60);
    await catalog.db
      .insertInto('article_reaction')
      .values({
        article_id: id,
        visitor: articleVisitor(keys, client, id),
        reaction: input.reaction,
        day: keys.day,
      })
      .onConflict((oc) =>
        oc.columns(['article_id', 'visitor']).doUpdateSet({ reaction: input.reaction, day: keys.day }),
      )
      .execute();
    const counts = (await articleCounts(catalog.db, [id])).get(id);
    return { reactions: counts?.reactions, my_reaction: input.reaction };
  },
});

export const articleShare = defineAction({
  name: 'article_share',
  doc: 'Counts a click on a share button of a published article (whatsapp, facebook, x, telegram, linkedin, email, copy); bots and prefetches are not counted; at most 30 a minute per visitor. Answers the article’s share clicks.',
  readOnly: false,
  schema: Type.Object({ id: ArticleRef, channel: Type.Union(SHARE_CHANNELS.map((c) => Type.Literal(c))) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const id = await publicArticleId(catalog, input.id);
    const client = clientOf(ctx.client);
    if (!notCounted(client)) {
      const keys = await visitorKeys(catalog);
      await throttle(catalog, `share:${dayVisitor(keys, client)}`, SHARE_LIMIT, 60);
      await catalog.db
        .insertInto('article_share')
        .values({ article_id: id, day: keys.day, channel: input.channel, n: 1 })
        .onConflict((oc) =>
          oc.columns(['article_id', 'day', 'channel']).doUpdateSet({ n: sql`article_share.n + 1` }),
        )
        .execute();
    }
    const counts = (await articleCounts(catalog.db, [id])).get(id);
    return { shares: counts?.shares ?? 0 };
  },
});
