/**
 * `GET /api/jobs/{id}/events`: a job's progress as Server-Sent Events, for the web UI's live
 * progress. The first event is the job as it stands (so a late subscriber is not blind), then
 * every progress and state change; the stream ends when the job ends. Who may read it is
 * `job_show`'s policy.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { jobDict } from '../actions/jobs/index.js';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import type { JobEvent } from '../jobs/runner.js';
import { requestContext } from './context.js';
import { openEventStream } from './sse.js';

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

const events: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  app.get<{ Params: { id: string } }>('/api/jobs/:id/events', async (req, reply) => {
    const ctx = requestContext(registry, services, req);
    // Authorises and finds the job (errors answer as JSON, before the stream starts).
    const first = (await registry.call('job_show', ctx, { id: req.params.id })) as ReturnType<typeof jobDict>;
    const stream = openEventStream(reply);
    const send = stream.send;
    send('job', first);
    if (ENDED.has(first.state)) {
      stream.end();
      return;
    }
    const close = () => {
      services.jobs.events.off('job', listener);
      stream.end();
    };
    const listener = (e: JobEvent) => {
      if (e.id !== first.id) return;
      if (e.state === 'running' && !ENDED.has(e.state))
        send('progress', { id: e.id, state: e.state, progress: e.progress });
      if (ENDED.has(e.state))
        void services.jobs.store.get(e.id).then(
          (job) => {
            send('job', jobDict(job));
            close();
          },
          () => close(),
        );
    };
    services.jobs.events.on('job', listener);
    req.raw.on('close', close);
  });
};

export const jobEventRoutes = fp(events, { name: 'kendali-job-events' });
