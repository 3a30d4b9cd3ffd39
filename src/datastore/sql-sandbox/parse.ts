/**
 * DuckDB's own parser, on an instance of its own that only ever runs `json_serialize_sql`
 * on the caller's text: no files (external access off), configuration locked, no tables.
 * Parsing never binds or runs the statement.
 */

import { internal } from '../../core/errors.js';
import { DuckDBInstance } from '../duckdb/api.js';
import { instanceSettings } from '../duckdb/engine.js';
import { quoteLiteral } from '../duckdb/sql.js';
import { DENIED_FUNCTIONS, type Json, sqlError } from './check.js';

/** Longer texts are refused before they reach the parser. */
export const MAX_SQL_LENGTH = 100_000;

type Serialized = { [key: string]: Json };

/** The first keyword of a statement text, after comments and parentheses, for messages. */
export function firstKeyword(sql: string): string {
  const m = /^(?:\s+|\(|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z_]+)/.exec(sql);
  return (m?.[1] ?? '').toUpperCase();
}

export class SqlParser {
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    /** Lower-cased names of scalar functions and macros refused in user SQL. */
    readonly deniedFunctions: ReadonlySet<string>,
  ) {}

  static async create(dirs: { spillDir: string; extensionDir: string }): Promise<SqlParser> {
    const instance = await DuckDBInstance.create(':memory:', {
      ...instanceSettings(dirs),
      enable_external_access: 'false',
      threads: '1',
      memory_limit: '64MB',
    });
    try {
      const macros = await catalogMacros(instance);
      return new SqlParser(instance, new Set([...DENIED_FUNCTIONS, ...macros]));
    } catch (e) {
      instance.closeSync();
      throw e;
    }
  }

  /**
   * The AST of `sql` as `json_serialize_sql` gives it. Refuses (Validation error on `sql`)
   * empty or oversized text, syntax errors and statements other than SELECT.
   */
  async parse(sql: string): Promise<Serialized> {
    if (this.closed) throw internal('the SQL sandbox is closed');
    if (sql.trim() === '') throw sqlError('the SQL is empty');
    if (sql.length > MAX_SQL_LENGTH) throw sqlError(`the SQL is longer than ${MAX_SQL_LENGTH} characters`);
    if (sql.includes('\0')) throw sqlError('the SQL contains a NUL character');
    const connection = await this.instance.connect();
    let serialized: Serialized;
    try {
      const reader = await connection.runAndReadAll(`SELECT json_serialize_sql(${quoteLiteral(sql)})`);
      serialized = JSON.parse(String(reader.getRows()[0]?.[0])) as Serialized;
    } finally {
      connection.closeSync();
    }
    if (serialized.error === true) throw parseError(sql, serialized);
    return serialized;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.instance.closeSync();
  }
}

/**
 * Built-in macros that expand to queries over the catalog (`pg_get_viewdef` → `duckdb_views()`
 * …) would reach past the table check, which sees only their names. Locks the configuration.
 */
async function catalogMacros(instance: DuckDBInstance): Promise<string[]> {
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT lower(function_name) FROM duckdb_functions()
       WHERE function_type = 'macro' AND regexp_matches(macro_definition, '\\b(select|from)\\b', 'i')`,
    );
    await connection.run('SET lock_configuration = true');
    return reader.getRows().map((row) => String(row[0]));
  } finally {
    connection.closeSync();
  }
}

function parseError(sql: string, serialized: Serialized): Error {
  if (serialized.error_type === 'parser') {
    return sqlError(`syntax error: ${String(serialized.error_message).replace(/^syntax error /, '')}`);
  }
  // "Only SELECT statements can be serialized to json!": some statement is not a SELECT.
  const keyword = firstKeyword(sql);
  return sqlError(
    keyword === 'SELECT' || keyword === 'WITH' || keyword === 'FROM' || keyword === ''
      ? 'only one SELECT statement is allowed'
      : `only one SELECT statement is allowed, not ${keyword}`,
  );
}
