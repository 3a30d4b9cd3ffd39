import type { Static, TSchema } from '@sinclair/typebox';
import type { CatalogStore } from '../catalog/store.js';
import type { Config } from '../config/load.js';
import type { DatastoreBackend } from '../datastore/backend.js';
import type { SqlSandbox } from '../datastore/sql-sandbox/index.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Decision } from './policy.js';

export type Locale = 'id' | 'en';

/** A user's role in one institution (CKAN's capacity, plus the Satu Data roles). */
export type OrgRole = 'admin' | 'walidata' | 'produsen' | 'member';

/** Who is calling. `null` actor = anonymous visitor. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly sysadmin: boolean;
  /** Organization id → this user's role there, loaded once per request. */
  readonly memberships: Readonly<Record<string, OrgRole>>;
}

/** Long-lived services an action may use; created once at start. */
export interface Services {
  readonly config: Config;
  readonly catalog: CatalogStore;
  readonly datastore: DatastoreBackend;
  /** The registered actions, for help and API documents. */
  readonly actions: ActionCatalog;
  /** The sandbox for user SQL (datastore_search_sql), started on first use. */
  readonly sql: LazySqlSandbox;
  /** Durable jobs (harvests, imports): queued in the catalog, run in this process. */
  readonly jobs: JobRunner;
}

export interface LazySqlSandbox {
  get(): Promise<SqlSandbox>;
  close(): Promise<void>;
}

export interface ActionCatalog {
  get(name: string): RegisteredAction | undefined;
  list(): RegisteredAction[];
}

/** Immutable per-call context: who, which locale, which request, and the services. */
export interface ActionContext {
  readonly actor: Actor | null;
  readonly locale: Locale;
  readonly requestId: string;
  readonly services: Services;
  /** Calls another action through the registry, so its schema and policy apply too. */
  call(name: string, input: unknown): Promise<unknown>;
  /** Where a long action reports how far it is (the CLI's progress bar, a job's events). */
  readonly progress?: ProgressSink;
  /** Aborted when a long action should stop (its job was cancelled); checked between steps. */
  readonly signal?: AbortSignal;
  /** The HTTP client of the call (absent for CLI, jobs and nested calls made without one). */
  readonly client?: ClientInfo;
}

/** What an action may know of the HTTP client: enough to count a visitor, never stored as is. */
export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string;
  /** The request says it is a prefetch or prerender (Purpose / Sec-Purpose headers). */
  readonly prefetch: boolean;
}

/** `done` of `total` units (bytes, rows, datasets) in a named phase, with rows handled so far. */
export type ProgressSink = (phase: string, done: number, total: number, rows?: number) => void;

export interface ActionDef<S extends TSchema, R> {
  /** `<entity>_<verb>`, as CKAN names its actions. */
  readonly name: string;
  /** One line (or more) of documentation; the first line is the summary. Served by help_show. */
  readonly doc: string;
  /** Read-only actions have no side effects and are the only ones that answer GET. */
  readonly readOnly: boolean;
  readonly schema: S;
  readonly policy: (ctx: ActionContext, input: Static<S>) => Decision | Promise<Decision>;
  readonly handler: (ctx: ActionContext, input: Static<S>) => Promise<R>;
}

/** An action as the registry stores it, its input type erased (the registry validates first). */
export interface RegisteredAction {
  readonly name: string;
  readonly doc: string;
  readonly readOnly: boolean;
  readonly schema: TSchema;
  readonly policy: (ctx: ActionContext, input: unknown) => unknown;
  readonly handler: (ctx: ActionContext, input: unknown) => Promise<unknown>;
}

export const defineAction = <S extends TSchema, R>(def: ActionDef<S, R>): ActionDef<S, R> => def;
