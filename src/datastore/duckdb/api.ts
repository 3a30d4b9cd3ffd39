/**
 * `@duckdb/node-api`, loaded with `require`: imported as an ES module, a CommonJS package first
 * has each of its files read and lexed for their export names, about 100 ms at every start of
 * every command. Application code imports DuckDB from here.
 */
import { createRequire } from 'node:module';

type Api = typeof import('@duckdb/node-api');
const api = createRequire(import.meta.url)('@duckdb/node-api') as Api;

export const {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} = api;
export type DuckDBAppender = import('@duckdb/node-api').DuckDBAppender;
export type DuckDBConnection = import('@duckdb/node-api').DuckDBConnection;
export type DuckDBDateValue = import('@duckdb/node-api').DuckDBDateValue;
export type DuckDBDecimalValue = import('@duckdb/node-api').DuckDBDecimalValue;
export type DuckDBInstance = import('@duckdb/node-api').DuckDBInstance;
export type DuckDBTimestampTZValue = import('@duckdb/node-api').DuckDBTimestampTZValue;
export type DuckDBTimestampValue = import('@duckdb/node-api').DuckDBTimestampValue;
export type DuckDBValue = import('@duckdb/node-api').DuckDBValue;
