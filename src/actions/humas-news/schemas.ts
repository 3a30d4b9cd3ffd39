import { Type } from '@sinclair/typebox';
import { IdOrName } from '../catalog/schemas.js';

export const ArticleRef = Type.String({ minLength: 1, maxLength: 100, description: 'article id or slug' });

const Hashtag = Type.String({
  pattern: '^#?[A-Za-z0-9_]{1,60}$',
  description: 'campaign hashtag, e.g. #SatuData',
});

/** Fields of an article, all optional (article_create requires owner_org and title). */
export const ArticleFields = {
  slug: Type.Optional(Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$' })),
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  lead: Type.Optional(Type.String({ maxLength: 600 })),
  body: Type.Optional(Type.String({ maxLength: 100_000, description: 'Markdown; raw HTML is escaped' })),
  cover_url: Type.Optional(Type.Union([Type.Literal(''), Type.String({ maxLength: 2000 })])),
  cover_alt: Type.Optional(Type.String({ maxLength: 300 })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  hashtags: Type.Optional(Type.Array(Hashtag, { maxItems: 10 })),
  author: Type.Optional(Type.String({ maxLength: 200 })),
  state: Type.Optional(
    Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('published')], {
      description: 'draft (default), scheduled (needs publish_at), published (publish_at defaults to now)',
    }),
  ),
  publish_at: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
      description: 'ISO 8601 time with its zone, e.g. 2026-12-01T08:00:00+07:00',
    }),
  ),
};

export const CreateInput = Type.Object(
  { ...ArticleFields, owner_org: IdOrName, title: Type.String({ minLength: 3, maxLength: 200 }) },
  { additionalProperties: false },
);

export const UpdateInput = Type.Object({ ...ArticleFields, id: ArticleRef }, { additionalProperties: false });

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
