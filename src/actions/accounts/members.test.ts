import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrg, addUser, systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { loadActor } from '../../auth/actor.js';
import { KendaliError } from '../../core/errors.js';
import { makeContext } from '../../http/context.js';
import type { ActionContext } from '../types.js';

describe.each(['pglite', 'postgres'] as const)('institution members on %s', (engine) => {
  let t: TestServices;
  let orgId: string;
  const as = async (name: string): Promise<ActionContext> => {
    const row = await t.services.catalog.db
      .selectFrom('app_user')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, row.id), 'id', 'r');
  };
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof KendaliError ? e.code : String(e)),
    );

  beforeAll(async () => {
    t = await openTestServices(engine);
    orgId = await addOrg(t, 'bps');
    await addOrg(t, 'bappenas');
    for (const n of ['kepala', 'rina', 'joko', 'lina']) await addUser(t, n);
    await t.registry.call('member_create', systemCtx(t), { id: 'bps', object: 'kepala', capacity: 'admin' });
  });
  afterAll(async () => t.cleanup());

  it('an admin of the institution adds members and changes their role; the actor carries it', async () => {
    const kepala = await as('kepala');
    expect(kepala.actor?.memberships).toEqual({ [orgId]: 'admin' });
    const m = await t.registry.call('member_create', kepala, {
      id: 'bps',
      object: 'rina',
      capacity: 'produsen',
    });
    expect(m).toMatchObject({ table_name: 'user', group_id: orgId, capacity: 'produsen' });
    await t.registry.call('member_create', kepala, { id: orgId, object: 'joko', capacity: 'walidata' });
    await t.registry.call('member_create', kepala, { id: 'bps', object: 'joko', capacity: 'member' });
    expect((await as('rina')).actor?.memberships).toEqual({ [orgId]: 'produsen' });
    const list = (await t.registry.call('member_list', kepala, { id: 'bps' })) as [string, string, string][];
    expect(list.map(([, type, role]) => `${type}:${role}`)).toEqual([
      'user:member',
      'user:admin',
      'user:produsen',
    ]);
    const audit = await t.services.catalog.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member_create')
      .where('actor', '=', 'kepala')
      .execute();
    expect(audit.map((a) => a.changes.fields)).toEqual([
      { 'member:rina': { before: null, after: 'produsen' } },
      { 'member:joko': { before: null, after: 'walidata' } },
      { 'member:joko': { before: 'walidata', after: 'member' } },
    ]);
  });

  it('a produsen, a member of another institution and an anonymous caller are refused', async () => {
    const rina = await as('rina');
    expect(
      await codeOf(t.registry.call('member_create', rina, { id: 'bps', object: 'lina', capacity: 'member' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(t.registry.call('member_delete', rina, { id: 'bps', object: 'joko' }))).toBe(
      'FORBIDDEN',
    );
    const kepala = await as('kepala');
    expect(
      await codeOf(
        t.registry.call('member_create', kepala, { id: 'bappenas', object: 'lina', capacity: 'member' }),
      ),
    ).toBe('FORBIDDEN');
    const anon = makeContext(t.registry, t.services, null, 'id', 'r');
    expect(
      await codeOf(t.registry.call('member_create', anon, { id: 'bps', object: 'lina', capacity: 'member' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(t.registry.call('member_list', anon, { id: 'bps' }))).toBe('FORBIDDEN');
  });

  it('refuses unknown roles, institutions and users', async () => {
    const kepala = await as('kepala');
    expect(
      await codeOf(
        t.registry.call('member_create', kepala, { id: 'bps', object: 'lina', capacity: 'editor' }),
      ),
    ).toBe('VALIDATION');
    expect(
      await codeOf(
        t.registry.call('member_create', kepala, { id: 'bps', object: 'nobody', capacity: 'member' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        t.registry.call('member_create', kepala, { id: 'kemenkes', object: 'lina', capacity: 'member' }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('member_delete removes the role; the institution going away removes its memberships', async () => {
    const kepala = await as('kepala');
    await t.registry.call('member_delete', kepala, { id: 'bps', object: 'joko' });
    expect((await as('joko')).actor?.memberships).toEqual({});
    expect(await codeOf(t.registry.call('member_delete', kepala, { id: 'bps', object: 'joko' }))).toBe(
      'NOT_FOUND',
    );
    const other = await addOrg(t, 'tmp-org');
    await t.registry.call('member_create', systemCtx(t), { id: other, object: 'lina', capacity: 'admin' });
    await t.services.catalog.db.deleteFrom('organization').where('id', '=', other).execute();
    expect((await as('lina')).actor?.memberships).toEqual({});
  });
});
