import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlSandbox } from './index.js';
import { runIsolated } from './run.js';
import { type Fixture, failure, PUBLIC_NAME, sqlMessage, writeFixture } from './test-tables.js';

let fx: Fixture;
let sandbox: SqlSandbox;
const T = `"${PUBLIC_NAME}"`;

beforeAll(async () => {
  fx = await writeFixture();
  sandbox = await SqlSandbox.create({ dataDir: join(fx.dir, 'sandbox') });
});

afterAll(async () => {
  await sandbox.close();
  fx.remove();
});

const refused = async (sql: string) => {
  const e = await failure(sandbox.query(sql, fx.readable));
  expect(e.code).toBe('VALIDATION');
  return sqlMessage(e);
};

describe('SQL sandbox: refused before anything runs', () => {
  const cases: [string, () => string, string | RegExp][] = [
    [
      'reading a file',
      () => "SELECT * FROM read_csv('/etc/passwd')",
      'table functions are not allowed: read_csv',
    ],
    [
      'a private table by its file',
      () => `SELECT * FROM read_parquet('${fx.rahasia.parquetPath}')`,
      'table functions are not allowed: read_parquet',
    ],
    [
      'an allowed table by its file',
      () => `SELECT * FROM read_parquet('${fx.penduduk.parquetPath}')`,
      'table functions are not allowed: read_parquet',
    ],
    [
      'a file named as a table',
      () => `SELECT * FROM '${fx.rahasia.parquetPath}'`,
      /^unknown table ".*\/rahasia\/v1\.parquet"$/,
    ],
    ['listing files', () => "SELECT * FROM glob('/*')", 'table functions are not allowed: glob'],
    [
      'a table function in a subquery',
      () => `SELECT * FROM ${T} WHERE id IN (SELECT * FROM range(3))`,
      'table functions are not allowed: range',
    ],
    [
      'SQL run from a string',
      () => "SELECT * FROM query('SELECT 1')",
      'table functions are not allowed: query',
    ],
    ['a private table by name', () => 'SELECT * FROM rahasia', 'unknown table "rahasia"'],
    ['a private table in a join', () => `SELECT * FROM ${T} JOIN rahasia ON true`, 'unknown table "rahasia"'],
    ['a system view', () => 'SELECT * FROM duckdb_views', 'unknown table "duckdb_views"'],
    [
      'a qualified catalog view',
      () => 'SELECT * FROM information_schema.tables',
      'database and schema names are not allowed: information_schema.tables',
    ],
    [
      'a CTE that reads the catalog object it shadows',
      () => 'WITH sqlite_master AS (SELECT * FROM sqlite_master) SELECT * FROM sqlite_master',
      'unknown table "sqlite_master"',
    ],
    [
      'a CTE used before it is defined',
      () => 'WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a',
      'unknown table "b"',
    ],
    [
      'a CTE used outside its scope',
      () => 'SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c) x, c',
      'unknown table "c"',
    ],
    [
      'reading settings',
      () => "SELECT current_setting('temp_directory')",
      'the function current_setting is not allowed',
    ],
    [
      'a macro over the catalog',
      () => 'SELECT pg_get_viewdef(1)',
      'the function pg_get_viewdef is not allowed',
    ],
    ['sleeping', () => 'SELECT sleep_ms(10000)', 'the function sleep_ms is not allowed'],
    ['two statements', () => 'SELECT 1; SELECT 2', 'only one SELECT statement is allowed, found 2'],
    [
      'a second statement that writes',
      () => "SELECT 1; COPY provinsi TO '/tmp/x.csv'",
      'only one SELECT statement is allowed',
    ],
    ['COPY', () => "COPY provinsi TO '/tmp/x.csv'", 'only one SELECT statement is allowed, not COPY'],
    ['ATTACH', () => "ATTACH '/tmp/x.db'", 'only one SELECT statement is allowed, not ATTACH'],
    ['INSTALL', () => 'INSTALL httpfs', 'only one SELECT statement is allowed, not INSTALL'],
    ['LOAD', () => 'LOAD httpfs', 'only one SELECT statement is allowed, not LOAD'],
    ['SET', () => 'SET threads = 1', 'only one SELECT statement is allowed, not SET'],
    ['PRAGMA', () => 'PRAGMA version', 'only one SELECT statement is allowed, not PRAGMA'],
    ['CALL', () => 'CALL pragma_version()', 'only one SELECT statement is allowed, not CALL'],
    ['EXPORT', () => "EXPORT DATABASE '/tmp/x'", 'only one SELECT statement is allowed, not EXPORT'],
    [
      'CREATE TABLE AS',
      () => 'CREATE TABLE x AS SELECT 1',
      'only one SELECT statement is allowed, not CREATE',
    ],
    ['DELETE', () => 'DELETE FROM provinsi', 'only one SELECT statement is allowed, not DELETE'],
    ['EXPLAIN', () => 'EXPLAIN SELECT 1', 'only one SELECT statement is allowed, not EXPLAIN'],
    ['DESCRIBE', () => 'DESCRIBE provinsi', 'DESCRIBE, SHOW and SUMMARIZE are not allowed'],
    ['a syntax error', () => 'SELEC 1', 'syntax error: at or near "SELEC"'],
    [
      'text after the final semicolon',
      () => 'SELECT 1; -- done',
      'the statement cannot run as a subquery (text after its final ";"?)',
    ],
    ['an empty statement', () => '  ', 'the SQL is empty'],
  ];

  it.each(cases)('%s', async (_, sql, message) => {
    const got = await refused(sql());
    if (typeof message === 'string') expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it('refuses a very long text without parsing it', async () => {
    expect(await refused(`SELECT ${'1+'.repeat(60_000)}1`)).toMatch(/longer than 100000 characters/);
  });

  it('still serves queries after all that', async () => {
    const r = await sandbox.query(`SELECT count(*) AS n FROM ${T}`, fx.readable);
    expect(r.records).toEqual([{ n: 10_000 }]);
  });
});

describe('SQL sandbox: the per-query instance on its own (without the parser check)', () => {
  const limits = () => ({
    timeoutMs: 5_000,
    maxRows: 10,
    memoryLimit: '256MB',
    maxTempDirectorySize: '100MB',
    threads: 1,
    spillRoot: join(fx.dir, 'sandbox', 'spill'),
    extensionDir: join(fx.dir, 'sandbox', 'extensions'),
  });
  const raw = async (sql: string) =>
    sqlMessage(await failure(runIsolated(sql, [{ name: 't', path: fx.penduduk.parquetPath }], limits())));

  it('reads the allowed file through its view', async () => {
    const r = await runIsolated(
      'SELECT count(*) AS n FROM t',
      [{ name: 't', path: fx.penduduk.parquetPath }],
      limits(),
    );
    expect(r.records).toEqual([{ n: 10_000 }]);
  });

  it('cannot reach any other file, change settings or load extensions', async () => {
    expect(await raw(`SELECT * FROM read_parquet('${fx.rahasia.parquetPath}')`)).toMatch(
      /Permission Error.*disabled by configuration/,
    );
    expect(await raw("SELECT * FROM read_csv('/etc/passwd')")).toMatch(/Permission Error/);
    expect(await raw("SELECT * FROM glob('/*')")).toMatch(/Permission Error/);
    expect(await raw("COPY t TO '/tmp/kendali-sandbox-escape.csv'")).toMatch(/Permission Error/);
    expect(await raw('SET enable_external_access = true')).toMatch(
      /Cannot enable external access|configuration has been locked/,
    );
    expect(await raw("SET memory_limit = '64GB'")).toMatch(/configuration has been locked/);
    expect(await raw('LOAD httpfs')).toMatch(/Permission Error|disabled/);
    expect(await raw('INSTALL httpfs')).toMatch(/Permission Error|disabled/);
  });

  it('names tables, not file paths, in its errors', async () => {
    expect(await raw('SELECT nope FROM t')).not.toContain(fx.dir);
  });
});
