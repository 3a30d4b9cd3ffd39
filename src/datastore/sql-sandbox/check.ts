/**
 * The parser-based half of the sandbox: walks the AST that DuckDB's own parser returns
 * (`json_serialize_sql`) and refuses everything but one SELECT over the allowed tables.
 *
 * Fails closed: table references and query nodes are recognised by their shape and only the
 * kinds listed here pass; a kind DuckDB adds later is refused until it is listed.
 */
import { type KendaliError, validation } from '../../core/errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A refusal of the caller's SQL: CKAN's Validation Error on the `sql` field. */
export const sqlError = (message: string): KendaliError => validation({ sql: [message] });

/** Query nodes that may appear (SELECT, UNION/INTERSECT/EXCEPT, recursive CTEs). */
const QUERY_NODES = new Set(['SELECT_NODE', 'SET_OPERATION_NODE', 'RECURSIVE_CTE_NODE', 'CTE_NODE']);
/** Table references that may appear besides BASE_TABLE (checked by name). */
const TABLE_REFS = new Set(['JOIN', 'SUBQUERY', 'EXPRESSION_LIST', 'EMPTY', 'PIVOT']);

/**
 * Scalar functions and macros refused by name, whatever schema they are called in:
 * settings (they show server paths and limits), deliberate sleeps, writes to the server log,
 * sequences. The built-in macros that expand to queries over the catalog (`pg_get_viewdef`
 * …) are added at start-up from `duckdb_functions()`, see parse.ts.
 */
export const DENIED_FUNCTIONS: readonly string[] = [
  'current_setting',
  'sleep_ms',
  'pg_sleep',
  'write_log',
  'nextval',
  'currval',
];

export interface CheckContext {
  /** Lower-cased names of the tables the caller may read (DuckDB matches names case-insensitively). */
  readonly tables: ReadonlySet<string>;
  /** Lower-cased names of functions refused anywhere. */
  readonly deniedFunctions: ReadonlySet<string>;
}

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const shown = (name: string): string => JSON.stringify(name);

/**
 * Checks the result of `json_serialize_sql` for one statement's text. Throws a Validation
 * error naming what was refused and why.
 */
export function checkSerialized(serialized: JsonObject, ctx: CheckContext): void {
  const statements = serialized.statements;
  if (!Array.isArray(statements) || statements.length !== 1) {
    const n = Array.isArray(statements) ? statements.length : 0;
    throw sqlError(`only one SELECT statement is allowed, found ${n}`);
  }
  walk(statements[0] ?? null, new Set(), ctx);
}

function walk(value: Json, scope: ReadonlySet<string>, ctx: CheckContext): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, scope, ctx);
    return;
  }
  if (!isObject(value)) return;
  checkFunction(value, ctx);
  const kind = text(value.type);
  const isExpression = 'class' in value;
  if (!isExpression && 'modifiers' in value && 'cte_map' in value) {
    if (!QUERY_NODES.has(kind)) throw sqlError(`${kind || 'this kind of'} query is not allowed`);
    walkQueryNode(value, scope, ctx);
    return;
  }
  // Table references are the other nodes that carry a query location (expressions have a class).
  if (!isExpression && 'query_location' in value) checkTableRef(value, kind, scope, ctx);
  for (const child of Object.values(value)) walk(child, scope, ctx);
}

/** A query node: its CTEs are visible, in order, to the CTEs after them and to its body. */
function walkQueryNode(node: JsonObject, outer: ReadonlySet<string>, ctx: CheckContext): void {
  const scope = new Set(outer);
  const entries = isObject(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map : [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    walk(entry.value ?? null, scope, ctx); // a CTE does not see itself unless recursive (below)
    scope.add(text(entry.key).toLowerCase());
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'cte_map') continue;
    // WITH RECURSIVE r AS (anchor UNION recursive part): only the recursive part sees r.
    const sees =
      node.type === 'RECURSIVE_CTE_NODE' && key === 'right'
        ? new Set([...scope, text(node.cte_name).toLowerCase()])
        : scope;
    walk(child, sees, ctx);
  }
}

function checkTableRef(ref: JsonObject, kind: string, scope: ReadonlySet<string>, ctx: CheckContext): void {
  if (TABLE_REFS.has(kind)) return;
  if (kind === 'TABLE_FUNCTION') {
    const fn = isObject(ref.function) ? text(ref.function.function_name) : '';
    throw sqlError(`table functions are not allowed: ${fn || 'unknown'}`);
  }
  if (kind === 'SHOW_REF') throw sqlError('DESCRIBE, SHOW and SUMMARIZE are not allowed');
  if (kind !== 'BASE_TABLE') throw sqlError(`this kind of table reference is not allowed: ${kind}`);

  const name = text(ref.table_name);
  const schema = text(ref.schema_name);
  const catalog = text(ref.catalog_name);
  if (catalog !== '' || (schema !== '' && schema.toLowerCase() !== 'main')) {
    const qualified = [catalog, schema, name].filter((p) => p !== '').join('.');
    throw sqlError(`database and schema names are not allowed: ${qualified}`);
  }
  const key = name.toLowerCase();
  if (schema === '' && scope.has(key)) return; // a CTE in scope
  if (!ctx.tables.has(key)) throw sqlError(`unknown table ${shown(name)}`);
}

function checkFunction(node: JsonObject, ctx: CheckContext): void {
  const fn = text(node.function_name).toLowerCase();
  if (fn !== '' && ctx.deniedFunctions.has(fn)) throw sqlError(`the function ${fn} is not allowed`);
}
