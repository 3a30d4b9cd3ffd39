/** Accounts for tests: users and institutions made through the actions, as a sysadmin. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ActionContext } from '../../src/actions/types.js';
import { loadActor, systemActor } from '../../src/auth/actor.js';
import { makeContext } from '../../src/http/context.js';
import type { TestServices } from './services.js';

export const systemCtx = (t: TestServices): ActionContext =>
  makeContext(t.registry, t.services, systemActor('system:cli'), 'id', 'test');

export interface TestUser {
  readonly id: string;
  readonly name: string;
  readonly password: string;
}

export async function addUser(
  t: TestServices,
  name: string,
  opts: { sysadmin?: boolean; email?: string } = {},
): Promise<TestUser> {
  const password = `sandi-${name}-rahasia`;
  const u = (await t.registry.call('user_create', systemCtx(t), {
    name,
    password,
    email: opts.email ?? `${name}@example.go.id`,
    sysadmin: opts.sysadmin ?? false,
  })) as { id: string };
  return { id: u.id, name, password };
}

/**
 * Users `<prefix>-<key>` made members of institutions with a role; returns a signed-in action
 * context per key (locale id).
 */
export async function addMembers(
  t: TestServices,
  prefix: string,
  rows: readonly (readonly [key: string, org: string, role: string])[],
): Promise<Record<string, ActionContext>> {
  const contexts: Record<string, ActionContext> = {};
  for (const [key, org, role] of rows) {
    const u = await addUser(t, `${prefix}-${key}`);
    await t.registry.call('member_create', systemCtx(t), {
      id: org,
      object: u.name,
      object_type: 'user',
      capacity: role,
    });
    contexts[key] = makeContext(
      t.registry,
      t.services,
      await loadActor(t.services.catalog.db, u.id),
      'id',
      key,
    );
  }
  return contexts;
}

/** An institution row (the organization actions belong to the catalog; this only needs a row). */
export async function addOrg(t: TestServices, name: string): Promise<string> {
  const row = await t.services.catalog.db
    .insertInto('organization')
    .values({ name, title: name.toUpperCase(), org_type: 'agency', level: 'central' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Browser {
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in through the HTTP API; returns the cookie header value and the CSRF token. */
export async function signIn(app: FastifyInstance, name: string, password: string): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } });
  if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().result.csrf_token };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'kendali_session');
  if (!c) throw new Error('no session cookie');
  return `kendali_session=${c.value}`;
}
