import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import { KendaliError } from '../core/errors.js';
import { createRegistry } from './index.js';
import { allow, deny } from './policy.js';
import { ActionRegistry } from './registry.js';
import { type ActionContext, defineAction } from './types.js';

const ctx = (actor: ActionContext['actor'] = null): ActionContext => ({
  actor,
  locale: 'id',
  requestId: 't',
  // The registry itself never touches services; actions under test here do not either.
  services: {} as ActionContext['services'],
  call: async () => undefined,
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof KendaliError ? e.code : `other: ${String(e)}`;
  }
};

describe('every registered action', () => {
  const actions = createRegistry().list();
  it('exists', () => expect(actions.length).toBeGreaterThanOrEqual(2));
  it.each(actions.map((a) => [a.name, a] as const))(
    '%s has a schema, a policy, a handler and a doc line',
    (_n, a) => {
      expect(a.schema).toBeTypeOf('object');
      expect(a.schema.type).toBe('object');
      expect(a.policy).toBeTypeOf('function');
      expect(a.handler).toBeTypeOf('function');
      expect(a.doc.trim().length).toBeGreaterThan(10);
      expect(a.name).toMatch(/^[a-z]+(_[a-z]+)+$/);
    },
  );
});

describe('ActionRegistry', () => {
  let ran = 0;
  const echo = defineAction({
    name: 'thing_create',
    doc: 'Creates a thing (test).',
    readOnly: false,
    schema: Type.Object({
      title: Type.String({ minLength: 1 }),
      items: Type.Array(Type.Object({ n: Type.Integer() })),
    }),
    policy: (c) => (c.actor ? allow() : deny('sign in first')),
    handler: async (_c, input) => {
      ran++;
      return { got: input.title };
    },
  });
  const reader = defineAction({
    name: 'thing_show',
    doc: 'Shows a thing (test).',
    readOnly: true,
    schema: Type.Object({ limit: Type.Integer({ default: 10 }), flag: Type.Optional(Type.Boolean()) }),
    policy: () => allow(),
    handler: async (_c, input) => input,
  });
  const forgetful = defineAction({
    name: 'thing_delete',
    doc: 'A policy that forgets to decide (test).',
    readOnly: false,
    schema: Type.Object({}),
    // Deliberately wrong: returns a boolean instead of a Decision.
    policy: (() => true) as unknown as () => ReturnType<typeof allow>,
    handler: async () => {
      ran++;
      return 'should not run';
    },
  });
  const reg = new ActionRegistry().register(echo).register(reader).register(forgetful);
  const alice = { id: '1', name: 'alice', sysadmin: false, memberships: {} };

  it('runs the handler after schema and policy', async () => {
    expect(await reg.call('thing_create', ctx(alice), { title: 'x', items: [] })).toEqual({ got: 'x' });
  });

  it('refuses when the policy denies, without running the handler', async () => {
    const before = ran;
    expect(await codeOf(reg.call('thing_create', ctx(), { title: 'x', items: [] }))).toBe('FORBIDDEN');
    expect(ran).toBe(before);
  });

  it('fails a call whose policy did not return a decision, without running the handler', async () => {
    const before = ran;
    expect(await codeOf(reg.call('thing_delete', ctx(alice), {}))).toBe('INTERNAL');
    expect(ran).toBe(before);
  });

  it('reports invalid input with field paths', async () => {
    try {
      await reg.call('thing_create', ctx(alice), { title: '', items: [{ n: 1.5 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KendaliError);
      const fields = (e as KendaliError).fields ?? {};
      expect(Object.keys(fields).sort()).toEqual(['items.0.n', 'title']);
    }
  });

  it('answers GET only for read-only actions, converting query strings', async () => {
    expect(
      await codeOf(reg.call('thing_create', ctx(alice), { title: 'x', items: [] }, { method: 'GET' })),
    ).toBe('METHOD_NOT_ALLOWED');
    expect(await reg.call('thing_show', ctx(), { limit: '5', flag: 'true' }, { method: 'GET' })).toEqual({
      limit: 5,
      flag: true,
    });
    expect(await reg.call('thing_show', ctx(), {}, { method: 'GET' })).toEqual({ limit: 10 });
  });

  it('rejects unknown actions, bad names, duplicates and missing docs', async () => {
    expect(await codeOf(reg.call('nope_show', ctx(), {}))).toBe('BAD_REQUEST');
    expect(() => new ActionRegistry().register({ ...reader, name: 'Bad' })).toThrow(/entity>_<verb/);
    expect(() => new ActionRegistry().register(reader).register(reader)).toThrow(/twice/);
    expect(() => new ActionRegistry().register({ ...reader, doc: ' ' })).toThrow(/doc/);
  });

  it('compiles every registered action’s schema (a call compiles its own on first use)', () => {
    const actions = createRegistry().list();
    expect(actions.length).toBeGreaterThan(100);
    for (const action of actions)
      expect(() => TypeCompiler.Compile(action.schema), action.name).not.toThrow();
  });
});
