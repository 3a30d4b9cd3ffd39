import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import {
  badRequest,
  type FieldErrors,
  forbidden,
  internal,
  methodNotAllowed,
  validation,
} from '../core/errors.js';
import './formats.js';
import { isDecision } from './policy.js';
import type { ActionContext, ActionDef, RegisteredAction } from './types.js';

const NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

interface Entry {
  readonly action: RegisteredAction;
  /** The compiled schema, made on the action's first call (a process calls few of its actions). */
  check?: TypeCheck<TSchema>;
}

export interface CallOptions {
  /** HTTP method the call came in on; GET is refused for actions with side effects. */
  readonly method?: 'GET' | 'POST';
}

/** JSON pointer `/resources/0/url` → CKAN-style field path `resources.0.url` (root = `__root`). */
const fieldPath = (pointer: string): string => pointer.replace(/^\//, '').replaceAll('/', '.') || '__root';

/**
 * name → {schema, policy, handler}. Every API (CKAN routes, REST, CLI) runs actions through
 * `call`, which validates the input, runs the policy, refuses to go on without a Decision,
 * and only then runs the handler.
 */
export class ActionRegistry {
  readonly #entries = new Map<string, Entry>();

  register<S extends TSchema, R>(def: ActionDef<S, R>): this {
    if (!NAME.test(def.name)) throw new Error(`action name ${def.name} is not <entity>_<verb>`);
    if (this.#entries.has(def.name)) throw new Error(`action ${def.name} is registered twice`);
    if (!def.schema || typeof def.policy !== 'function' || typeof def.handler !== 'function') {
      throw new Error(`action ${def.name} needs a schema, a policy and a handler`);
    }
    if (!def.doc?.trim()) throw new Error(`action ${def.name} needs a doc line`);
    // Input types are erased here; `call` validates against the schema before policy and handler see it.
    const action = def as unknown as RegisteredAction;
    this.#entries.set(def.name, { action });
    return this;
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  get(name: string): RegisteredAction | undefined {
    return this.#entries.get(name)?.action;
  }

  list(): RegisteredAction[] {
    return [...this.#entries.values()].map((e) => e.action).sort((a, b) => a.name.localeCompare(b.name));
  }

  async call(
    name: string,
    ctx: ActionContext,
    rawInput: unknown,
    options: CallOptions = {},
  ): Promise<unknown> {
    const entry = this.#entries.get(name);
    if (!entry) throw badRequest(`Action name not known: ${name}`);
    const { action } = entry;
    entry.check ??= TypeCompiler.Compile(action.schema);
    const check = entry.check;
    if (options.method === 'GET' && !action.readOnly) {
      throw methodNotAllowed(`Action ${name} changes data and only accepts POST`);
    }
    const input = this.#validate(action, check, rawInput ?? {}, options.method === 'GET');
    const decision = await action.policy(ctx, input);
    if (!isDecision(decision)) {
      throw internal(`policy of action ${name} did not return a decision; refusing to run it`);
    }
    if (!decision.allowed) throw forbidden(decision.reason ?? `Not authorized to call ${name}`);
    return action.handler(ctx, input);
  }

  #validate(action: RegisteredAction, check: TypeCheck<TSchema>, raw: unknown, fromQuery: boolean): unknown {
    // Query strings carry text only: convert "10" → 10, "true" → true where the schema says so.
    let value = fromQuery ? Value.Convert(action.schema, raw) : raw;
    value = Value.Default(action.schema, Value.Clone(value));
    if (check.Check(value)) return value;
    const fields: FieldErrors = {};
    for (const err of check.Errors(value)) {
      const path = fieldPath(err.path);
      fields[path] = [...(fields[path] ?? []), err.message];
    }
    throw validation(fields, `Invalid input for ${action.name}`);
  }
}
