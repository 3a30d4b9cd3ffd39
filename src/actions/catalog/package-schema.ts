/** The input of package_create/update/patch: CKAN's dataset fields plus the Satu Data fields. */
import { type Static, Type } from '@sinclair/typebox';
import { SdiFields } from '../../catalog/sdi.js';
import { Email, Extras, HttpUrl, IdOrName, Markdown, Slug, Title } from './schemas.js';

export const TagInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100, description: 'letters, digits, spaces, - _ .' }),
    display_name: Type.Optional(Type.String()),
    state: Type.Optional(Type.String()),
    vocabulary_id: Type.Optional(Type.Union([Type.Null(), Type.String()])),
  },
  { additionalProperties: false },
);

export const ResourceInput = Type.Object(
  {
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Markdown),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    url_type: Type.Optional(
      Type.Union([Type.Null(), Type.Literal(''), Type.Literal('upload'), Type.Literal('datastore')]),
    ),
    format: Type.Optional(Type.String({ maxLength: 100 })),
    mimetype: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
    size: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0 })])),
    hash: Type.Optional(Type.String({ maxLength: 200 })),
  },
  // CKAN resources take arbitrary extra string fields.
  {
    additionalProperties: Type.Union([
      Type.String({ maxLength: 10_000 }),
      Type.Number(),
      Type.Boolean(),
      Type.Null(),
    ]),
    maxProperties: 60,
  },
);
export type ResourceInputT = Static<typeof ResourceInput>;

/** Keys package_show returns that clients send back unchanged; accepted and ignored. */
const ReadOnlyEcho = {
  type: Type.Optional(Type.Unknown()),
  metadata_created: Type.Optional(Type.Unknown()),
  metadata_modified: Type.Optional(Type.Unknown()),
  organization: Type.Optional(Type.Unknown()),
  num_resources: Type.Optional(Type.Unknown()),
  num_tags: Type.Optional(Type.Unknown()),
  isopen: Type.Optional(Type.Unknown()),
  license_title: Type.Optional(Type.Unknown()),
  license_url: Type.Optional(Type.Unknown()),
  creator_user_id: Type.Optional(Type.Unknown()),
  relationships_as_object: Type.Optional(Type.Unknown()),
  relationships_as_subject: Type.Optional(Type.Unknown()),
  tracking_summary: Type.Optional(Type.Unknown()),
};

export const DatasetFields = {
  title: Type.Optional(Title),
  notes: Type.Optional(Markdown),
  private: Type.Optional(Type.Boolean()),
  state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('draft')])),
  license_id: Type.Optional(Type.String({ maxLength: 100 })),
  author: Type.Optional(Type.String({ maxLength: 300 })),
  author_email: Type.Optional(Email),
  maintainer: Type.Optional(Type.String({ maxLength: 300 })),
  maintainer_email: Type.Optional(Email),
  url: Type.Optional(HttpUrl),
  version: Type.Optional(Type.String({ maxLength: 100 })),
  tags: Type.Optional(Type.Array(TagInput, { maxItems: 200 })),
  tag_string: Type.Optional(Type.String({ maxLength: 5000 })),
  groups: Type.Optional(
    Type.Array(
      Type.Object(
        { id: Type.Optional(Type.String()), name: Type.Optional(Type.String()) },
        { additionalProperties: true },
      ),
      {
        maxItems: 100,
      },
    ),
  ),
  extras: Type.Optional(Extras),
  resources: Type.Optional(Type.Array(ResourceInput, { maxItems: 1000 })),
  ...SdiFields,
  ...ReadOnlyEcho,
};

export const PackageCreateInput = Type.Object(
  { name: Slug, owner_org: IdOrName, id: Type.Optional(Type.String()), ...DatasetFields },
  { additionalProperties: false },
);
export type PackageCreateInputT = Static<typeof PackageCreateInput>;

export const PackageUpdateInput = Type.Object(
  { id: IdOrName, name: Type.Optional(Slug), owner_org: Type.Optional(IdOrName), ...DatasetFields },
  { additionalProperties: false },
);
export type PackageUpdateInputT = Static<typeof PackageUpdateInput>;
