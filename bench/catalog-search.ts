/**
 * catalog-search: package_search and package_show over HTTP on a generated national catalog
 * (default 100,000 datasets from 600 institutions), 20 concurrent clients, against the same
 * query mix as hand-written PostgreSQL full-text SQL straight on the same database (PGlite in
 * this process for the embedded run; pg on the server for the PostgreSQL run). Also the time
 * to make the datasets searchable.
 *
 * Options (after `npm run bench -- catalog-search`): `--size=N` datasets (default 100000),
 * `--engine=pglite|postgres|both` (default both), `--seconds=N` measured per phase (default 12),
 * `--sql` to answer package_search with the PostgreSQL path only (the fallback).
 * PostgreSQL: `KENDALI_BENCH_DATABASE_URL` (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
 * a throw-away database `kendali_bench_<random>` is created and dropped.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createRegistry } from '../src/actions/index.js';
import type { Services } from '../src/actions/types.js';
import { type CatalogStore, migrateCatalog, openCatalogRaw } from '../src/catalog/store.js';
import { loadConfig } from '../src/config/load.js';
import { openDuckDbDatastore } from '../src/datastore/duckdb/index.js';
import { lazySqlSandbox } from '../src/datastore/sql-sandbox/lazy.js';
import { buildApp } from '../src/http/app.js';
import { seedRegions } from '../src/regions/seed.js';
import { generateCatalog } from './catalog-search/generate.js';
import { makeSearchable, peerIndex } from './catalog-search/indexing.js';
import { directLoad, httpLoad, type LoadResult, percentile } from './catalog-search/load.js';
import { PEER_SHOW_SQL, peerSql, queryMix, searchPath } from './catalog-search/queries.js';
import type { Benchmark, BenchRow } from './lib.js';

const DEFAULT_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const CLIENTS = 20;

const option = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

type Query = (text: string, values: unknown[]) => Promise<unknown>;

interface Opened {
  store: CatalogStore;
  peer: Query;
  version: string;
  close(): Promise<void>;
}

async function open(engine: 'pglite' | 'postgres', dir: string): Promise<Opened> {
  if (engine === 'pglite') {
    const store = await openCatalogRaw({ kind: 'pglite', dataDir: dir });
    await migrateCatalog(store);
    const lite = store.pglite;
    if (!lite) throw new Error('no PGlite handle');
    const v = await lite.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return {
      store,
      peer: (text, values) => lite.query(text, values),
      version: `PGlite (PostgreSQL ${v.rows[0]?.v})`,
      close: () => store.close(),
    };
  }
  const url = process.env.KENDALI_BENCH_DATABASE_URL ?? DEFAULT_URL;
  const name = `kendali_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openCatalogRaw({ kind: 'postgres', url: dbUrl.toString() });
  await migrateCatalog(store);
  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: CLIENTS });
  pool.on('error', () => {});
  const v = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return {
    store,
    peer: (text, values) => pool.query(text, values),
    version: `PostgreSQL ${v.rows[0]?.v.split(' ')[0]}`,
    close: async () => {
      await pool.end();
      await store.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const ms = (r: LoadResult, p: number) => percentile(r.latencies, p);
const rate = (r: LoadResult) => r.latencies.length / r.seconds;
function checked(r: LoadResult, what: string): LoadResult {
  if (r.errors > 0) throw new Error(`${what}: ${r.errors} failed calls, first: ${r.firstError}`);
  return r;
}

async function runEngine(engine: 'pglite' | 'postgres', size: number, seconds: number, sqlOnly: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-bench-search-'));
  const o = await open(engine, dir);
  const label = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const log = (s: string) => process.stderr.write(`[${label}] ${s}\n`);
  const datastore = await openDuckDbDatastore(join(dir, 'data'));
  try {
    await seedRegions(o.store.db);
    const t0 = performance.now();
    const data = await generateCatalog(o.store.db, size);
    log(`generated ${size} datasets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const peerIndexMs = await peerIndex(o.peer);
    await sql`TRUNCATE search_word`.execute(o.store.db);
    const ours = await makeSearchable(o.store, sqlOnly);
    log(
      `searchable in ${(ours.totalMs / 1000).toFixed(1)} s (${ours.detail}); peer ${(peerIndexMs / 1000).toFixed(1)} s`,
    );

    const config = loadConfig({ KENDALI_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '8080' });
    const registry = createRegistry();
    const services: Services = {
      config,
      catalog: o.store,
      datastore,
      actions: registry,
      sql: lazySqlSandbox(dir),
    };
    const app = await buildApp({ registry, services, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const queries = queryMix(data);
    const load = {
      clients: CLIENTS,
      warmupMs: 3000,
      measureMs: seconds * 1000,
      minCalls: 200,
      maxMs: 180_000,
    };
    try {
      const search = checked(await httpLoad(base, queries.map(searchPath), load), 'package_search');
      log(`package_search: ${search.latencies.length} calls, p95 ${ms(search, 95).toFixed(1)} ms`);
      const showPaths = data.publicNames.map((n) => `/api/3/action/package_show?id=${n}`);
      const show = checked(await httpLoad(base, showPaths, load), 'package_show');
      log(`package_show: p95 ${ms(show, 95).toFixed(1)} ms`);
      const peerSearch = checked(
        await directLoad((i) => {
          const s = peerSql(queries[i % queries.length] ?? queries[0]!);
          return o.peer(s.text, s.values);
        }, load),
        'peer search',
      );
      log(`peer search: p95 ${ms(peerSearch, 95).toFixed(1)} ms`);
      const peerShow = checked(
        await directLoad((i) => o.peer(PEER_SHOW_SQL, [data.publicNames[i % data.publicNames.length]]), load),
        'peer show',
      );
      return { label, version: o.version, size, ours, peerIndexMs, search, show, peerSearch, peerShow };
    } finally {
      await app.close();
    }
  } finally {
    await datastore.close();
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Figures = Awaited<ReturnType<typeof runEngine>>;

function rows(f: Figures): BenchRow[] {
  const row = (
    metric: string,
    unit: string,
    ours: number,
    peer: number,
    better: 'lower' | 'higher' = 'lower',
  ): BenchRow => ({
    metric: `${f.label}: ${metric}`,
    unit,
    ours,
    peer,
    better,
    words: ['faster', 'slower'],
  });
  return [
    row(
      `make ${f.size.toLocaleString('en-US')} datasets searchable`,
      's',
      f.ours.totalMs / 1000,
      f.peerIndexMs / 1000,
    ),
    row('package_search p50', 'ms', ms(f.search, 50), ms(f.peerSearch, 50)),
    row('package_search p95', 'ms', ms(f.search, 95), ms(f.peerSearch, 95)),
    row('package_search p99', 'ms', ms(f.search, 99), ms(f.peerSearch, 99)),
    row('package_search throughput', 'calls/s', rate(f.search), rate(f.peerSearch), 'higher'),
    row('package_show p50', 'ms', ms(f.show, 50), ms(f.peerShow, 50)),
    row('package_show p95', 'ms', ms(f.show, 95), ms(f.peerShow, 95)),
  ];
}

const benchmark: Benchmark = {
  name: 'catalog-search',
  doc: 'package_search/package_show over HTTP, 20 clients, 100k generated datasets vs hand-written PostgreSQL FTS SQL',
  async run() {
    const size = Number(option('size', process.env.KENDALI_BENCH_SIZE ?? '100000'));
    const seconds = Number(option('seconds', '12'));
    const which = option('engine', 'both');
    const sqlOnly = process.argv.includes('--sql');
    const engines = (which === 'both' ? ['pglite', 'postgres'] : [which]) as ('pglite' | 'postgres')[];
    const figures: Figures[] = [];
    for (const e of engines) figures.push(await runEngine(e, size, seconds, sqlOnly));
    return {
      peer: 'PostgreSQL FTS SQL, same database',
      rows: figures.flatMap(rows),
      notes: [
        `${availableParallelism()} CPU cores; ${CLIENTS} concurrent clients, closed loop, 3 s warm-up then ${seconds} s measured per phase; Kendali over HTTP (buildApp on 127.0.0.1, clients in a worker thread using fetch), the peer called directly (no HTTP).`,
        ...figures.map(
          (f) =>
            `${f.label} = ${f.version}. Kendali searchable = ${f.ours.detail}. Calls measured: search ${f.search.latencies.length}, show ${f.show.latencies.length}; peer search ${f.peerSearch.latencies.length}, show ${f.peerShow.latencies.length}.`,
        ),
        `Answer path: ${sqlOnly ? 'PostgreSQL full-text search only (--sql)' : 'the in-process search index when built, PostgreSQL FTS otherwise'}.`,
        'Query mix: 400 generated package_search calls: stemmed words, several words, typos, fq filters (organization, groups, tags, res_format, metadata_modified ranges, negated licence, region, priority, frequency), sorts, pages 1–4, CKAN’s five facets on half of them; anonymous. Kendali returns full package dicts; the peer returns id, name and title of the page, the count and the facets in one statement.',
        'package_show: public datasets by name; Kendali returns the CKAN dict with institution, groups, resources and quality; the peer one jsonb row with the same parts.',
        'Targets: package_search p95 ≤ 25 ms (CKAN with Solr: about 220–300 ms per call), package_show p95 ≤ 5 ms, 100k datasets searchable in ≤ 60 s.',
      ],
    };
  },
};

export default benchmark;
