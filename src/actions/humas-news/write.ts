/** article_create and article_update: checked fields, one transaction with its audit entry. */
import type { Static } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { audit } from '../../catalog/audit.js';
import { jsonb } from '../../catalog/json.js';
import { unsafeMarkup } from '../../catalog/markdown.js';
import { findOrganization } from '../../catalog/organizations.js';
import { addFieldError, type FieldErrors, validation } from '../../core/errors.js';
import {
  type ArticleRow,
  articleDict,
  canWriteArticles,
  findArticle,
  freeSlug,
  slugify,
  stateOf,
} from '../../humas/news/articles.js';
import { forgetArticles } from '../../humas/news/guard.js';
import { allow, deny } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { CreateInput, UpdateInput } from './schemas.js';

type Fields = Static<typeof UpdateInput>;

const hashtag = (h: string): string => (h.startsWith('#') ? h : `#${h}`);

/** Checks the fields together; returns the column values they set. */
function columnsOf(input: Partial<Fields>, current?: ArticleRow) {
  const errors: FieldErrors = {};
  for (const f of ['title', 'lead', 'body'] as const)
    if (unsafeMarkup(input[f])) addFieldError(errors, f, 'Script markup is not allowed');
  if (input.cover_url && !/^(https?:\/\/|\/)[^\s"'<>]*$/i.test(input.cover_url))
    addFieldError(errors, 'cover_url', 'Must be an http(s) URL or a path starting with /');
  let draft: boolean | undefined;
  let publishAt: Date | null | undefined = input.publish_at ? new Date(input.publish_at) : undefined;
  if (publishAt && Number.isNaN(publishAt.getTime())) addFieldError(errors, 'publish_at', 'Not a valid time');
  if (input.state === 'draft') draft = true;
  if (input.state === 'published') {
    draft = false;
    publishAt ??= current?.publish_at && stateOf(current) === 'published' ? current.publish_at : new Date();
  }
  if (input.state === 'scheduled') {
    draft = false;
    if (!publishAt) addFieldError(errors, 'publish_at', 'A scheduled article needs its publish time');
    else if (publishAt <= new Date())
      addFieldError(errors, 'publish_at', 'A scheduled time must be in the future');
  }
  if (Object.keys(errors).length) throw validation(errors);
  return {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.lead !== undefined ? { lead: input.lead } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.cover_url !== undefined ? { cover_url: input.cover_url || null } : {}),
    ...(input.cover_alt !== undefined ? { cover_alt: input.cover_alt } : {}),
    ...(input.tags !== undefined ? { tags: jsonb([...new Set(input.tags.map((t) => t.trim()))]) } : {}),
    ...(input.hashtags !== undefined ? { hashtags: jsonb([...new Set(input.hashtags.map(hashtag))]) } : {}),
    ...(input.author !== undefined ? { author: input.author } : {}),
    ...(draft !== undefined ? { draft } : {}),
    ...(publishAt !== undefined ? { publish_at: publishAt } : {}),
  };
}

const snapshot = (a: ArticleRow) => {
  const { body: _b, body_html: _h, ...rest } = articleDict(a);
  return rest as Record<string, unknown>;
};

async function slugTaken(ctx: ActionContext, slug: string, except?: string): Promise<boolean> {
  const row = await ctx.services.catalog.db
    .selectFrom('article')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined && row.id !== except;
}

export const articleCreate = defineAction({
  name: 'article_create',
  doc: 'Writes a news article of an institution: title, lead, Markdown body (rendered sanitised), cover image, tags, campaign hashtags, author, and state draft, scheduled (public at publish_at) or published. Editors of the institution (admin, walidata, produsen).',
  readOnly: false,
  schema: CreateInput,
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    return canWriteArticles(ctx.actor, org.id)
      ? allow()
      : deny('Only editors of the institution may write its articles');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const values = columnsOf(input);
    if (input.slug && (await slugTaken(ctx, input.slug)))
      throw validation({ slug: [`Already used by another article: ${input.slug}`] });
    const slug = input.slug ?? (await freeSlug(db, slugify(input.title)));
    const id = await db.transaction().execute(async (trx) => {
      const made = await trx
        .insertInto('article')
        .values({
          ...values,
          title: input.title.trim(),
          slug,
          organization_id: org.id,
          created_by: userIdOf(ctx.actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await findArticle(trx, made.id, ctx.actor);
      await audit(trx, ctx.actor, {
        action: 'article_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`article:${made.id}`]: snapshot(row) },
      });
      return made.id;
    });
    forgetArticles(ctx.services.catalog);
    return articleDict(await findArticle(db, id, ctx.actor));
  },
});

export const articleUpdate = defineAction({
  name: 'article_update',
  doc: 'Changes the given fields of an article (others are kept); `state` moves it between draft, scheduled and published. Editors of its institution.',
  readOnly: false,
  schema: UpdateInput,
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const a = await findArticle(ctx.services.catalog.db, input.id, ctx.actor);
    return canWriteArticles(ctx.actor, a.organization_id)
      ? allow()
      : deny('Only editors of the institution may change its articles');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const before = await findArticle(db, input.id, ctx.actor);
    const values = columnsOf(input, before);
    if (input.slug && input.slug !== before.slug && (await slugTaken(ctx, input.slug, before.id)))
      throw validation({ slug: [`Already used by another article: ${input.slug}`] });
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('article')
        .set({ ...values, ...(input.slug ? { slug: input.slug } : {}), modified: new Date() })
        .where('id', '=', before.id)
        .execute();
      const after = await findArticle(trx, before.id, ctx.actor);
      await audit(trx, ctx.actor, {
        action: 'article_update',
        entityType: 'organization',
        entityId: before.organization_id,
        before: { [`article:${before.id}`]: snapshot(before) },
        after: { [`article:${before.id}`]: snapshot(after) },
      });
    });
    forgetArticles(ctx.services.catalog);
    return articleDict(await findArticle(db, before.id, ctx.actor));
  },
});
