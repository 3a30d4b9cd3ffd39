import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemCtx, type TestUser } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { sha256Hex } from '../auth/secrets.js';
import { buildApp } from './app.js';
import { makeContext } from './context.js';

describe.each(['pglite', 'postgres'] as const)('API tokens over HTTP on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  let budi: TestUser;
  beforeAll(async () => {
    t = await openTestServices(engine);
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    budi = await addUser(t, 'budi');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const create = async (name: string, extra: Record<string, unknown> = {}) =>
    (await t.registry.call('api_token_create', systemCtx(t), { user: 'budi', name, ...extra })) as {
      token: string;
      id: string;
    };
  const me = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/3/action/user_show?id=budi', headers });

  it('shows the token once and stores only its hash', async () => {
    const { token, id } = await create('etl');
    expect(token).toMatch(/^kdl_[A-Za-z0-9_-]{43}$/);
    const row = await t.services.catalog.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.token_hash).toBe(sha256Hex(token));
    const listed = await t.registry.call('api_token_list', systemCtx(t), { user: 'budi' });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed).toEqual([
      expect.objectContaining({ id, name: 'etl', last_access: null, expires_at: null }),
    ]);
  });

  it('works as Authorization: <token>, Bearer <token> and X-CKAN-API-Key, without CSRF', async () => {
    const { token } = await create('headers');
    const variants: Record<string, string>[] = [
      { authorization: token },
      { authorization: `Bearer ${token}` },
      { 'x-ckan-api-key': token },
    ];
    for (const headers of variants) {
      const res = await me(headers);
      expect(res.statusCode).toBe(200);
      expect(res.json().result).toMatchObject({ name: 'budi', email: 'budi@example.go.id' });
    }
    const post = await app.inject({
      method: 'POST',
      url: '/api/3/action/api_token_create',
      headers: { authorization: token },
      payload: { user: 'budi', name: 'from-token' },
    });
    expect(post.statusCode).toBe(200);
    expect(post.json().result.token).toMatch(/^kdl_/);
    const used = await t.services.catalog.db
      .selectFrom('api_token')
      .select('last_used')
      .where('name', '=', 'headers')
      .executeTakeFirstOrThrow();
    expect(used.last_used).toBeInstanceOf(Date);
  });

  it('answers 403 to an unknown, revoked or expired token instead of going on anonymous', async () => {
    expect((await me({ authorization: 'kdl_nope' })).statusCode).toBe(403);
    expect((await me({ authorization: `kdl_${'A'.repeat(43)}` })).json().error.__type).toBe(
      'Authorization Error',
    );
    const revoked = await create('revoked');
    expect((await me({ authorization: revoked.token })).statusCode).toBe(200);
    const ctx = makeContext(
      t.registry,
      t.services,
      { id: budi.id, name: 'budi', sysadmin: false, memberships: {} },
      'id',
      'r',
    );
    await t.registry.call('api_token_revoke', ctx, { token: revoked.token });
    expect((await me({ authorization: revoked.token })).statusCode).toBe(403);
    const expired = await create('expired', { expires_in: 1 });
    expect((await me({ authorization: expired.token })).statusCode).toBe(200);
    await t.services.catalog.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.id)
      .execute();
    expect((await me({ authorization: expired.token })).statusCode).toBe(403);
  });

  it('a token of a deleted user stops working', async () => {
    await addUser(t, 'eko');
    const { token } = (await t.registry.call('api_token_create', systemCtx(t), {
      user: 'eko',
      name: 'x',
    })) as { token: string };
    const show = () =>
      app.inject({ method: 'GET', url: '/api/3/action/user_show?id=eko', headers: { authorization: token } });
    expect((await show()).statusCode).toBe(200);
    await t.registry.call('user_update', systemCtx(t), { id: 'eko', state: 'deleted' });
    expect((await show()).statusCode).toBe(403);
  });

  it('HTTP Basic credentials (a proxy’s) are ignored: the request is anonymous', async () => {
    const res = await me({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('You must be signed in to do this');
  });
});
