/** One engine's run: generate, make searchable, then each measured phase for Kendali and the peer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createRegistry } from '../../src/actions/index.js';
import type { Services } from '../../src/actions/types.js';
import { searchIndexOf } from '../../src/catalog/search/search-index.js';
import { loadConfig } from '../../src/config/load.js';
import { openDuckDbDatastore } from '../../src/datastore/duckdb/index.js';
import { lazySqlSandbox } from '../../src/datastore/sql-sandbox/lazy.js';
import { buildApp } from '../../src/http/app.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { seedRegions } from '../../src/regions/seed.js';
import { type Engine, openEngine } from './engine.js';
import { httpFloor } from './floor.js';
import { generateCatalog } from './generate.js';
import { makeSearchable, peerIndex } from './indexing.js';
import { directLoad, httpLoad, type LoadOptions, type LoadResult, percentile } from './load.js';
import { PEER_SHOW_SQL, peerSql } from './peer-sql.js';
import { callSequence, queryMix, searchPath } from './queries.js';

export const CLIENTS = 20;

const failures: string[] = [];

/** A phase's result; failed calls (e.g. timeouts of the slow path) count with the time they took and are noted. */
function checked(r: LoadResult, what: string): LoadResult {
  if (r.errors > r.latencies.length / 2)
    throw new Error(`${what}: ${r.errors} failed calls, first: ${r.firstError}`);
  if (r.errors > 0)
    failures.push(`${what}: ${r.errors} of ${r.latencies.length} calls failed (${r.firstError})`);
  return r;
}

export async function runEngine(engine: Engine, size: number, seconds: number, sqlOnly: boolean) {
  const load1 = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'kendali-bench-search-'));
  const o = await openEngine(engine, dir, CLIENTS);
  const log = (s: string) => process.stderr.write(`[${o.label}] ${s}\n`);
  const datastore = await openDuckDbDatastore(join(dir, 'data'));
  const services: Services = {
    config: loadConfig({ KENDALI_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '8080' }),
    catalog: o.store,
    datastore,
    actions: createRegistry(),
    sql: lazySqlSandbox(dir),
    jobs: new JobRunner(o.store),
  };
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

    const registry = services.actions as ReturnType<typeof createRegistry>;
    const app = await buildApp({ registry, services, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const queries = queryMix(data);
    const calls = callSequence(queries);
    const showNames = callSequence(data.publicNames);
    const load: LoadOptions = {
      clients: CLIENTS,
      warmupMs: 3000,
      measureMs: seconds * 1000,
      minCalls: 100,
      maxMs: 60_000,
    };
    const alone: LoadOptions = { ...load, clients: 1, measureMs: Math.min(5000, seconds * 1000) };
    const phase = async (what: string, run: () => Promise<LoadResult>) => {
      const r = checked(await run(), what);
      log(
        `${what}: ${r.latencies.length} calls, p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms`,
      );
      return r;
    };
    try {
      const index = searchIndexOf(o.store).built;
      const search = await phase('package_search', () => httpLoad(base, calls.map(searchPath), load));
      const cacheHits = index
        ? index.results.hits / Math.max(1, index.results.hits + index.results.misses)
        : 0;
      let uncached: LoadResult | null = null;
      if (index) {
        index.results.enabled = false;
        uncached = await phase('package_search, result cache off', () =>
          httpLoad(base, calls.map(searchPath), load),
        );
        index.results.enabled = true;
      }
      const showPaths = showNames.map((n) => `/api/3/action/package_show?id=${n}`);
      const show = await phase('package_show', () => httpLoad(base, showPaths, load));
      const showAlone = await phase('package_show, 1 client', () => httpLoad(base, showPaths, alone));
      // The floor answers with a typical response: the median size of 50 of the calls.
      const samples = await Promise.all(
        calls.slice(0, 50).map(async (c) => (await fetch(`${base}${searchPath(c)}`)).text()),
      );
      samples.sort((a, b) => a.length - b.length);
      const sample: unknown = JSON.parse(samples[25] ?? '{}');
      const floor = await phase('HTTP floor, search', () => httpFloor(sample, load));
      const shown: unknown = await (await fetch(`${base}${showPaths[0]}`)).json();
      const showFloor = await phase('HTTP floor, show', () => httpFloor(shown, load));
      const peerSearch = await phase('peer search', () =>
        directLoad((i) => {
          const s = peerSql(calls[i % calls.length] ?? calls[0]!);
          return o.peer(s.text, s.values);
        }, load),
      );
      const peerShow = await phase('peer show', () =>
        directLoad((i) => o.peer(PEER_SHOW_SQL, [showNames[i % showNames.length]]), load),
      );
      const peerShowAlone = await phase('peer show, 1 client', () =>
        directLoad((i) => o.peer(PEER_SHOW_SQL, [showNames[i % showNames.length]]), alone),
      );
      const dicts = searchIndexOf(o.store).dicts;
      return {
        failures: failures.splice(0),
        label: o.label,
        loadAtStart: load1,
        loadAtEnd: loadavg()[0] ?? 0,
        version: o.version,
        size,
        distinct: queries.length,
        ours,
        peerIndexMs,
        search,
        uncached,
        cacheHits,
        dictHits: dicts.hits / Math.max(1, dicts.hits + dicts.misses),
        show,
        showAlone,
        floor,
        showFloor,
        peerSearch,
        peerShow,
        peerShowAlone,
      };
    } finally {
      await app.close();
    }
  } finally {
    await services.sql.close();
    await datastore.close();
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Figures = Awaited<ReturnType<typeof runEngine>>;
