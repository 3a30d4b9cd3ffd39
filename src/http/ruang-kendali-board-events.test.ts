/**
 * `board.changed` on the control room's event stream: public boards reach everyone, a private
 * board only its institution's members, sysadmins, and a viewer following it with its share
 * token; a wrong token gets nothing.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';

describe('board.changed on GET /api/ruang-kendali/events', () => {
  let t: TestServices;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  const call = (name: string, input: unknown) =>
    t.registry.call(name, systemCtx(t), input) as Promise<Record<string, string>>;

  beforeAll(async () => {
    t = await openTestServices('pglite');
    await call('organization_create', { name: 'ksp', title: 'Kantor Staf Presiden' });
    const tiles = [{ id: 'a', kind: 'alerts', x: 0, y: 0, w: 6, h: 2 }];
    await call('board_create', { name: 'umum', title: 'Papan Umum', organization: 'ksp', tiles });
    await call('board_create', {
      name: 'rahasia',
      title: 'Papan Rahasia',
      organization: 'ksp',
      private: true,
      tiles,
    });
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  async function open(query = '') {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/ruang-kendali/events${query}`, { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const stream = { text: '', close: () => controller.abort() };
    const until = async (needle: string) => {
      while (!stream.text.includes(needle)) stream.text += decoder.decode((await reader.read()).value);
    };
    await until('event: ready');
    return { stream, until };
  }

  it('sends changes of boards the viewer may read', async () => {
    const { url } = await call('board_share', { id: 'rahasia', enabled: true });
    const token = new URL(url as string).searchParams.get('share') as string;
    const anon = await open();
    const shared = await open(`?share=${encodeURIComponent(token)}`);
    const wrong = await open('?share=salah');
    await call('board_update', { id: 'rahasia', title: 'Papan Rahasia Baru' });
    await call('board_update', { id: 'umum', title: 'Papan Umum Baru' });
    await anon.until('"name":"umum"');
    await shared.until('"name":"umum"');
    await shared.until('"name":"rahasia"');
    await wrong.until('"name":"umum"');
    for (const s of [anon, shared, wrong]) s.stream.close();
    expect(anon.stream.text).not.toContain('"name":"rahasia"');
    expect(wrong.stream.text).not.toContain('"name":"rahasia"');
    expect(shared.stream.text).toContain('"name":"rahasia"');
    expect(shared.stream.text).toContain('event: board.changed');
  });
});
