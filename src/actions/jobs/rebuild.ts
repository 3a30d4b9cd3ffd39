/** `search_index_rebuild`: queues the `reindex` job and answers it at once. Sysadmins only. */
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { jobDict } from './index.js';

export const searchIndexRebuild = defineAction({
  name: 'search_index_rebuild',
  doc: 'Rebuilds the catalog search (every dataset’s full-text vector, then the in-memory index) as a `reindex` job and answers the job at once; one already queued or running is answered instead of a second. Sysadmins only.',
  readOnly: false,
  schema: Type.Object({}, { additionalProperties: false }),
  policy: sysadminPolicy,
  handler: async (ctx) => {
    const { job, existing } = await ctx.services.jobs.enqueue({
      kind: 'reindex',
      target: 'catalog',
      createdBy: userIdOf(ctx.actor),
    });
    return { ...jobDict(job), existing };
  },
});
