/**
 * Policies decide whether an actor may run an action. A policy must return a Decision made
 * by `allow()` or `deny()`; the registry refuses to run a handler on anything else, so a
 * policy that forgets to decide (returns undefined, a boolean, …) fails the call.
 */
import type { ActionContext } from './types.js';

const DECISION = Symbol('kendali.decision');

export interface Decision {
  readonly [DECISION]: true;
  readonly allowed: boolean;
  readonly reason: string | undefined;
}

export const allow = (): Decision => ({ [DECISION]: true, allowed: true, reason: undefined });

export const deny = (reason: string): Decision => ({ [DECISION]: true, allowed: false, reason });

export const isDecision = (v: unknown): v is Decision =>
  typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[DECISION] === true;

/** Anyone, signed in or not. */
export const publicPolicy = (): Decision => allow();

/** Any signed-in user. */
export const signedInPolicy = (ctx: ActionContext): Decision =>
  ctx.actor ? allow() : deny('You must be signed in to do this');

/** Sysadmins only. */
export const sysadminPolicy = (ctx: ActionContext): Decision =>
  ctx.actor?.sysadmin ? allow() : deny('Only a sysadmin may do this');
