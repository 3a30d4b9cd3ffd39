/** humas_engagement: the control room's feed of reads, reactions and shares per day. */
import { Type } from '@sinclair/typebox';
import { findOrganization } from '../../catalog/organizations.js';
import { validation } from '../../core/errors.js';
import { engagementByArticle, engagementByOrganization } from '../../humas/news/engagement.js';
import { jakartaDay } from '../../humas/news/visitor.js';
import { IdOrName } from '../catalog/schemas.js';
import { signedInPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { Day } from './schemas.js';

export const humasEngagement = defineAction({
  name: 'humas_engagement',
  doc: 'Reads, reactions and share clicks of published articles per day (Asia/Jakarta), per article (`by: article`, default) or per institution (`by: organization`), from `from` to `to` (default: the last 30 days). The same rows are published daily as the datastore table of dataset `humas-keterlibatan`. Signed-in users.',
  readOnly: true,
  schema: Type.Object({
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    owner_org: Type.Optional(IdOrName),
    by: Type.Union([Type.Literal('article'), Type.Literal('organization')], { default: 'article' }),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const to = input.to ?? jakartaDay();
    const from = input.from ?? jakartaDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000));
    if (from > to) throw validation({ from: [`Must not be after to (${to})`] });
    const org = input.owner_org
      ? await findOrganization(ctx.services.catalog.db, input.owner_org)
      : undefined;
    const rows = await engagementByArticle(ctx.services.catalog, {
      from,
      to,
      ...(org ? { orgId: org.id } : {}),
    });
    return {
      from,
      to,
      by: input.by,
      rows: input.by === 'organization' ? engagementByOrganization(rows) : rows,
    };
  },
});
