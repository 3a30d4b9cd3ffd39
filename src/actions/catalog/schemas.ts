/** Field schemas shared by the catalog actions (CKAN's validators, as TypeBox). */
import { Type } from '@sinclair/typebox';

/** CKAN's name rule: 2–100 characters, lowercase alphanumerics, `-` and `_`. */
export const Slug = Type.String({
  minLength: 2,
  maxLength: 100,
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  description: 'URL name: 2–100 lowercase letters, digits, - or _',
});

export const IdOrName = Type.String({ minLength: 1, maxLength: 100, description: 'id or name' });
export const Title = Type.String({ maxLength: 500 });
export const Email = Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 320 })]);
export const HttpUrl = Type.Union([Type.Literal(''), Type.String({ format: 'http-url', maxLength: 2000 })]);
export const Markdown = Type.String({ maxLength: 100_000, description: 'Markdown; rendered sanitised' });

export const Extras = Type.Array(
  Type.Object(
    { key: Type.String({ minLength: 1, maxLength: 200 }), value: Type.String({ maxLength: 10_000 }) },
    { additionalProperties: true },
  ),
  { maxItems: 200 },
);

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
};

export { unsafeMarkup } from '../../catalog/markdown.js';
