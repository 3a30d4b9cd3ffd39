import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, sessionCookie, signIn, type TestUser } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';

const TITLE = { 'ckan.site_title': 'Portal Uji' };

describe.each(['pglite', 'postgres'] as const)('sign-in, sessions and CSRF on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  let admin: TestUser;
  beforeAll(async () => {
    t = await openTestServices(engine);
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    admin = await addUser(t, 'siti', { sysadmin: true });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });

  it('login sets an HttpOnly, SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const res = await post('/api/auth/login', { name: admin.name, password: admin.password });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.success).toBe(true);
    expect(body.result.user).toMatchObject({ name: 'siti', sysadmin: true, email: 'siti@example.go.id' });
    expect(body.result.user).not.toHaveProperty('password_hash');
    expect(body.result.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === 'kendali_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // the test site is http://
    const rows = await t.services.catalog.db.selectFrom('session').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(cookie?.value);
  });

  it('login by email works too', async () => {
    const res = await post('/api/auth/login', { email: 'SITI@example.go.id', password: admin.password });
    expect(res.statusCode).toBe(200);
  });

  it('a cookie POST needs the CSRF token; with it the call runs as the user', async () => {
    const b = await signIn(app, admin.name, admin.password);
    const without = await post('/api/3/action/config_option_update', TITLE, { cookie: b.cookie });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.__type).toBe('Authorization Error');
    expect(without.json().error.message).toMatch(/CSRF/);
    const wrong = await post('/api/3/action/config_option_update', TITLE, {
      cookie: b.cookie,
      'x-csrf-token': 'x'.repeat(43),
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await post('/api/3/action/config_option_update', TITLE, {
      cookie: b.cookie,
      'x-csrf-token': b.csrf,
    });
    expect(ok.statusCode).toBe(200);
    const audit = await t.services.catalog.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'config_option_update')
      .execute();
    expect(audit.map((a) => a.actor)).toEqual(['siti']);
    // GET needs no CSRF token.
    const read = await app.inject({
      method: 'GET',
      url: '/api/3/action/config_option_show',
      headers: { cookie: b.cookie },
    });
    expect(read.statusCode).toBe(200);
  });

  it('me answers the user, CSRF token and memberships; 401 when not signed in', async () => {
    const b = await signIn(app, admin.name, admin.password);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().result).toMatchObject({ user: { name: 'siti' }, csrf_token: b.csrf, memberships: [] });
    const anon = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().success).toBe(false);
  });

  it('logout ends the session; the old cookie is then anonymous and cleared', async () => {
    const b = await signIn(app, admin.name, admin.password);
    expect((await post('/api/auth/logout', {}, { cookie: b.cookie })).statusCode).toBe(403); // CSRF
    const out = await post('/api/auth/logout', {}, { cookie: b.cookie, 'x-csrf-token': b.csrf });
    expect(out.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.cookies.find((c) => c.name === 'kendali_session')?.value).toBe('');
  });

  it('a wrong password and an unknown user get the same 403 message', async () => {
    await addUser(t, 'budi');
    const wrong = await post('/api/auth/login', { name: 'budi', password: 'salah-sekali' });
    const unknown = await post('/api/auth/login', { name: 'nobody', password: 'salah-sekali' });
    expect(wrong.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toBe('Sign-in failed: wrong name, email or password');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('the 6th attempt within 15 minutes is refused with 429 and Retry-After, even with the right password', async () => {
    const u = await addUser(t, 'ani');
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/auth/login', { name: 'ani', password: `salah-${i}-xx` })).statusCode).toBe(
        403,
      );
    }
    const sixth = await post('/api/auth/login', { name: 'ani', password: u.password });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toMatch(/Too many failed sign-in attempts; try again in 15 minutes/);
    const wait = Number(sixth.headers['retry-after']);
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(900);
    // Another name from the same address is not blocked by ani's attempts.
    expect((await post('/api/auth/login', { name: admin.name, password: admin.password })).statusCode).toBe(
      200,
    );
  });

  it('successful sign-ins do not use up the limit', async () => {
    const u = await addUser(t, 'dewi');
    for (let i = 0; i < 7; i++) {
      const res = await post('/api/auth/login', { name: 'dewi', password: u.password });
      expect(sessionCookie(res)).toMatch(/^kendali_session=/);
    }
  });
});
