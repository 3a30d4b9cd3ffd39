/**
 * catalog-search: package_search and package_show over HTTP on a generated national catalog
 * (default 100,000 datasets from 600 institutions), 20 concurrent clients, against the same
 * calls as hand-written PostgreSQL full-text SQL straight on the same database (PGlite in this
 * process for the embedded run; pg on the server for the PostgreSQL run). Also the time to make
 * the datasets searchable.
 *
 * Options (after `npm run bench -- catalog-search`): `--size=N` datasets (default 100000),
 * `--engine=pglite|postgres|both` (default both), `--seconds=N` measured per phase (default 8),
 * `--sql` to answer with the PostgreSQL path only (the fallback, as before the index).
 * PostgreSQL: `KENDALI_BENCH_DATABASE_URL` (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
 * a throw-away database `kendali_bench_<random>` is created and dropped.
 */
import { availableParallelism } from 'node:os';
import type { Engine } from './catalog-search/engine.js';
import { type LoadResult, percentile } from './catalog-search/load.js';
import { CLIENTS, type Figures, runEngine } from './catalog-search/phases.js';
import type { Benchmark, BenchRow } from './lib.js';

const option = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const ms = (r: LoadResult, p: number) => percentile(r.latencies, p);
const rate = (r: LoadResult) => r.latencies.length / r.seconds;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

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
    ...(f.uncached
      ? [row('package_search p95, result cache off', 'ms', ms(f.uncached, 95), ms(f.peerSearch, 95))]
      : []),
    row('package_show p50', 'ms', ms(f.show, 50), ms(f.peerShow, 50)),
    row('package_show p95', 'ms', ms(f.show, 95), ms(f.peerShow, 95)),
    row('package_show p95, 1 client', 'ms', ms(f.showAlone, 95), ms(f.peerShowAlone, 95)),
  ];
}

const benchmark: Benchmark = {
  name: 'catalog-search',
  doc: 'package_search/package_show over HTTP, 20 clients, 100k generated datasets vs hand-written PostgreSQL FTS SQL',
  async run() {
    const size = Number(option('size', process.env.KENDALI_BENCH_SIZE ?? '100000'));
    const seconds = Number(option('seconds', '8'));
    const which = option('engine', 'both');
    const sqlOnly = process.argv.includes('--sql');
    const engines = (which === 'both' ? ['pglite', 'postgres'] : [which]) as Engine[];
    const figures: Figures[] = [];
    for (const e of engines) figures.push(await runEngine(e, size, seconds, sqlOnly));
    return {
      peer: 'PostgreSQL FTS SQL, same database',
      rows: figures.flatMap(rows),
      notes: [
        `${availableParallelism()} CPU cores shared by server and clients; ${CLIENTS} concurrent clients, closed loop, 3 s warm-up then ≥ ${seconds} s and ≥ 100 calls (at most 60 s) per phase. Kendali over HTTP (buildApp on 127.0.0.1, clients in a worker thread using fetch); the peer called directly, without HTTP.`,
        ...figures.map(
          (f) =>
            `${f.label} = ${f.version}; load average ${f.loadAtStart.toFixed(2)} at its start, ${f.loadAtEnd.toFixed(2)} at its end (this run's own load is about 2). Searchable = ${f.ours.detail}. Result cache hits ${pct(f.cacheHits)}, dict cache hits ${pct(f.dictHits)}. HTTP floor (a bare Fastify app answering the same ${CLIENTS} clients with one fixed response): a typical package_search response p50 ${ms(f.floor, 50).toFixed(1)} ms, p95 ${ms(f.floor, 95).toFixed(1)} ms (${rate(f.floor).toFixed(0)} calls/s); a package_show response p50 ${ms(f.showFloor, 50).toFixed(1)} ms, p95 ${ms(f.showFloor, 95).toFixed(1)} ms (${rate(f.showFloor).toFixed(0)} calls/s).`,
        ),
        ...figures.flatMap((f) => f.failures.map((x) => `${f.label}: ${x}`)),
        `Answer path: ${sqlOnly ? 'PostgreSQL full-text search only (--sql), as before the in-process index' : 'the in-process index (PostgreSQL FTS is the fallback)'}.`,
        `Calls: ${figures[0]?.distinct ?? 0} distinct package_search calls (stemmed words, several words, typos, fq filters on organization, groups, tags, res_format, metadata_modified ranges, negated licence, region, priority and frequency, sorts, pages 1–4, CKAN’s five facets on half), drawn with Zipf popularity; anonymous. Kendali returns full package dicts; the peer returns id, name and title of the page, the count and the facets in one statement.`,
        'package_show: public datasets by name (Zipf popularity over 5,000); Kendali returns the CKAN dict with institution, groups, resources and quality; the peer one jsonb row with the same parts.',
        'Targets: package_search p95 ≤ 25 ms (CKAN with Solr: about 220–300 ms per call), package_show p95 ≤ 5 ms, 100k datasets searchable in ≤ 60 s.',
      ],
    };
  },
};

export default benchmark;
