import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../actions/types.js';
import { jsonb } from './json.js';
import type { CatalogSchema } from './schema.js';
import { datasetsChanged } from './search/sync.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

/** Field → {before, after} for the fields whose JSON differs. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

export interface AuditEntry {
  readonly action: string;
  readonly entityType: 'dataset' | 'organization' | 'group' | 'resource' | 'site' | 'user' | 'harvest_source';
  readonly entityId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  /** Extra context kept with the entry (e.g. the dataset a resource belongs to). */
  readonly context?: Record<string, unknown>;
}

/** Records who changed what; call inside the action's transaction. Nothing is written when nothing changed. */
export async function audit(db: Db, actor: Actor | null, e: AuditEntry): Promise<void> {
  // Every audited dataset write also reaches the search index (after its transaction commits).
  if (e.entityType === 'dataset') datasetsChanged(db, [e.entityId]);
  const fields = diffFields(e.before, e.after);
  if (Object.keys(fields).length === 0 && e.before !== null && e.after !== null) return;
  await db
    .insertInto('audit_log')
    .values({
      actor: actor?.name ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      changes: jsonb({ fields, ...(e.context ? { context: e.context } : {}), actor_id: actor?.id ?? null }),
    })
    .execute();
}
