/** A job's live progress as Server-Sent Events, over real HTTP: the job, its progress, its end. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';

let t: TestServices;
let app: FastifyInstance;
let base = '';
let token = '';

beforeAll(async () => {
  t = await openTestServices('pglite');
  t.services.jobs.register('hitung-lambat', {
    resumable: true,
    run: async (ctx) => {
      for (let i = 1; i <= 3; i++) {
        await new Promise((r) => setTimeout(r, 600));
        ctx.progress(i, 3, `langkah ${i}`);
      }
      return { ok: true };
    },
  });
  await t.services.jobs.start();
  app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
  await addUser(t, 'admin-uji', { sysadmin: true });
  token = (
    (await t.registry.call('api_token_create', systemCtx(t), { user: 'admin-uji', name: 'sse' })) as {
      token: string;
    }
  ).token;
  await addUser(t, 'biasa');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

async function read(
  res: Response,
): Promise<{ event: string; data: { state?: string; progress?: { done?: number } } }[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [e, d] = block.split('\n');
      return { event: (e as string).slice(7), data: JSON.parse((d as string).slice(6)) };
    });
}

describe('GET /api/jobs/{id}/events', () => {
  it('streams the job, its progress and its end', async () => {
    const { job } = await t.services.jobs.enqueue({ kind: 'hitung-lambat', target: 'a' });
    const res = await fetch(`${base}/api/jobs/${job.id}/events`, { headers: { authorization: token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await read(res);
    expect(events[0]?.event).toBe('job');
    expect(events.filter((e) => e.event === 'progress').map((e) => e.data.progress?.done)).toEqual(
      expect.arrayContaining([2, 3]),
    );
    expect(events.at(-1)).toMatchObject({ event: 'job', data: { state: 'succeeded' } });
  });

  it('answers an ended job at once, and refuses who may not see it', async () => {
    const { job } = await t.services.jobs.enqueue({ kind: 'hitung-lambat', target: 'b' });
    await t.services.jobs.wait(job.id);
    const ended = await read(
      await fetch(`${base}/api/jobs/${job.id}/events`, { headers: { authorization: token } }),
    );
    expect(ended).toHaveLength(1);
    expect(ended[0]?.data.state).toBe('succeeded');
    const anonymous = await fetch(`${base}/api/jobs/${job.id}/events`);
    expect(anonymous.status).toBe(403);
    const unknown = await fetch(`${base}/api/jobs/00000000-0000-0000-0000-000000000001/events`, {
      headers: { authorization: token },
    });
    expect(unknown.status).toBe(404);
  });
});
