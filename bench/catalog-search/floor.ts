/**
 * The HTTP floor of this machine for the same load: a bare Fastify app answering every call
 * with one fixed package_search response (the same bytes Kendali sends), under the same clients.
 */
import Fastify from 'fastify';
import { httpLoad, type LoadOptions, type LoadResult } from './load.js';

export async function httpFloor(response: unknown, o: LoadOptions): Promise<LoadResult> {
  const app = Fastify();
  app.get('/floor', async () => response);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await httpLoad(base, ['/floor'], o);
  } finally {
    await app.close();
  }
}
