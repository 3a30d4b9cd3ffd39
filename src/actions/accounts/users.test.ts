import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { loadActor } from '../../auth/actor.js';
import { KendaliError } from '../../core/errors.js';
import { makeContext } from '../../http/context.js';
import type { ActionContext } from '../types.js';

describe.each(['pglite', 'postgres'] as const)('user actions on %s', (engine) => {
  let t: TestServices;
  const as = async (name: string): Promise<ActionContext> => {
    const row = await t.services.catalog.db
      .selectFrom('app_user')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, row.id), 'id', 'r');
  };
  const call = (ctx: ActionContext, name: string, input: unknown) => t.registry.call(name, ctx, input);
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof KendaliError ? `${e.code} ${JSON.stringify(e.fields ?? {})}` : String(e)),
    );

  beforeAll(async () => {
    t = await openTestServices(engine);
    await addUser(t, 'root', { sysadmin: true });
    await addUser(t, 'ayu');
    await addUser(t, 'bayu');
  });
  afterAll(async () => t.cleanup());

  it('user_show hides email and last login from others; never shows the hash', async () => {
    const own = (await call(await as('ayu'), 'user_show', { id: 'ayu' })) as Record<string, unknown>;
    expect(own).toMatchObject({
      name: 'ayu',
      email: 'ayu@example.go.id',
      sysadmin: false,
      state: 'active',
      number_created_packages: 0,
    });
    const other = (await call(await as('bayu'), 'user_show', { id: 'ayu' })) as Record<string, unknown>;
    expect(other).not.toHaveProperty('email');
    expect(other).not.toHaveProperty('last_login');
    expect(JSON.stringify([own, other])).not.toContain('argon2');
    const bySysadmin = (await call(await as('root'), 'user_show', { id: own.id })) as Record<string, unknown>;
    expect(bySysadmin.email).toBe('ayu@example.go.id');
    expect(
      await codeOf(call(makeContext(t.registry, t.services, null, 'id', 'r'), 'user_show', { id: 'ayu' })),
    ).toMatch(/^FORBIDDEN/);
  });

  it('user_list lists active users for signed-in callers', async () => {
    const list = (await call(await as('bayu'), 'user_list', { q: 'ayu' })) as {
      name: string;
      email?: string;
    }[];
    expect(list.map((u) => u.name)).toEqual(['ayu', 'bayu']);
    expect(list.find((u) => u.name === 'ayu')).not.toHaveProperty('email');
  });

  it('user_list lists deactivated users to sysadmins only, and a deactivated user signs in no more', async () => {
    const root = await as('root');
    await addUser(t, 'cici');
    const cici = await as('cici');
    await call(root, 'user_update', { id: 'cici', state: 'deleted' });
    const names = async (state?: string) =>
      ((await call(root, 'user_list', state ? { state } : {})) as { name: string; state: string }[]).map(
        (u) => `${u.name}:${u.state}`,
      );
    expect(await names()).not.toContain('cici:deleted');
    expect(await names('deleted')).toEqual(['cici:deleted']);
    expect(await names('any')).toEqual(expect.arrayContaining(['cici:deleted', 'ayu:active']));
    expect(await codeOf(call(await as('bayu'), 'user_list', { state: 'any' }))).toMatch(/^FORBIDDEN/);
    // Its actor is gone: the deactivated account is no one.
    expect(await loadActor(t.services.catalog.db, (cici.actor as { id: string }).id)).toBeNull();
    await call(root, 'user_update', { id: 'cici', state: 'active' });
    expect(await names()).toContain('cici:active');
  });

  it('user_create: sysadmins only; names and emails are unique', async () => {
    expect(
      await codeOf(call(await as('ayu'), 'user_create', { name: 'x1', password: 'panjang-sekali' })),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await codeOf(call(systemCtx(t), 'user_create', { name: 'ayu', password: 'panjang-sekali' })),
    ).toMatch(/^VALIDATION .*name/);
    expect(
      await codeOf(
        call(systemCtx(t), 'user_create', {
          name: 'ayu2',
          email: 'AYU@example.go.id',
          password: 'panjang-sekali',
        }),
      ),
    ).toMatch(/^VALIDATION .*email/);
    expect(
      await codeOf(call(systemCtx(t), 'user_create', { name: 'Bad Name', password: 'panjang-sekali' })),
    ).toMatch(/^VALIDATION/);
    expect(await codeOf(call(systemCtx(t), 'user_create', { name: 'pendek', password: 'short' }))).toMatch(
      /^VALIDATION .*password/,
    );
  });

  it('user_update: your own password needs the old one; only sysadmins change sysadmin and state', async () => {
    const ayu = await as('ayu');
    expect(await codeOf(call(ayu, 'user_update', { id: 'ayu', password: 'sandi-baru-ayu' }))).toMatch(
      /^VALIDATION .*old_password/,
    );
    expect(
      await codeOf(
        call(ayu, 'user_update', { id: 'ayu', password: 'sandi-baru-ayu', old_password: 'salah' }),
      ),
    ).toMatch(/old_password/);
    await call(ayu, 'user_update', {
      id: 'ayu',
      password: 'sandi-baru-ayu',
      old_password: 'sandi-ayu-rahasia',
      fullname: 'Ayu Lestari',
    });
    expect(await codeOf(call(ayu, 'user_update', { id: 'bayu', fullname: 'x' }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(call(ayu, 'user_update', { id: 'ayu', sysadmin: true }))).toMatch(/^FORBIDDEN/);
    // A sysadmin resets someone else's password without the old one.
    await call(await as('root'), 'user_update', { id: 'bayu', password: 'reset-oleh-admin' });
  });

  it('never leaves Kendali without an active sysadmin', async () => {
    const root = await as('root');
    expect(await codeOf(call(root, 'user_update', { id: 'root', sysadmin: false }))).toMatch(
      /at least one active sysadmin/,
    );
    await addUser(t, 'root2', { sysadmin: true });
    await call(root, 'user_update', { id: 'root', sysadmin: false });
  });

  it('writes every change to the audit log without passwords, hashes or tokens', async () => {
    const { token } = (await call(systemCtx(t), 'api_token_create', { user: 'ayu', name: 'audit' })) as {
      token: string;
    };
    const rows = await t.services.catalog.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const text = JSON.stringify(rows);
    for (const secret of [
      'sandi-ayu-rahasia',
      'sandi-baru-ayu',
      'reset-oleh-admin',
      '$argon2id$',
      token,
      token.slice(4),
    ]) {
      expect(text).not.toContain(secret);
    }
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['user_create', 'user_update', 'api_token_create']) expect(actions).toContain(a);
    const pw = rows.find((r) => r.action === 'user_update' && r.actor === 'ayu');
    expect(pw?.changes.fields).toEqual({
      fullname: { before: '', after: 'Ayu Lestari' },
      password: { before: '(hidden)', after: '(changed)' },
    });
  });
});
