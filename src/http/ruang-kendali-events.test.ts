import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { ruangKendaliBus } from '../ruang-kendali/bus.js';
import { buildApp } from './app.js';

describe('GET /api/ruang-kendali/events', () => {
  let t: TestServices;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let indicatorId: string;
  beforeAll(async () => {
    t = await openTestServices('pglite');
    const call = (name: string, input: unknown) =>
      t.registry.call(name, systemCtx(t), input) as Promise<{ id: string }>;
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('package_create', { name: 'data', title: 'Data', owner_org: 'bps' });
    await call('datastore_create', {
      resource: { package_id: 'data' },
      fields: [{ id: 'nilai', type: 'numeric' }],
      records: [{ nilai: 4 }],
    });
    indicatorId = (
      await call('indicator_create', {
        name: 'uji',
        owner_org: 'bps',
        package_id: 'data',
        measure: 'nilai',
        polarity: 'higher',
      })
    ).id;
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('streams indicator updates the caller may read, and no alerts of other institutions', async () => {
    const port = (app.server.address() as AddressInfo).port;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/ruang-kendali/events`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await until('event: ready');
    const bus = ruangKendaliBus(t.services);
    const org = (
      await t.services.catalog.db.selectFrom('organization').select('id').executeTakeFirstOrThrow()
    ).id;
    bus.emit('alert.changed', {
      id: 'a',
      organization_id: org,
      kind: 'threshold',
      state: 'open',
      tier: 'staff',
      action: 'opened',
    });
    bus.emit('indicator.updated', {
      id: indicatorId,
      name: 'uji',
      organization_id: org,
      value: 5,
      status: null,
      period: null,
      version: 2,
    });
    await until('event: indicator.updated');
    controller.abort();
    expect(text).toContain('"value":5');
    expect(text).not.toContain('alert.changed');
  });
});
