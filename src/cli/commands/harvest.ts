/**
 * `kendali harvest add|run|list|log`: harvest sources and their runs, on the data directory or
 * against a running server (`--url`/`--token`). `run` waits for the job, showing its progress,
 * and prints the counts; it exits 1 when the run failed and 2 when datasets failed in it.
 */
import { Command } from 'commander';
import { type CallAction, type DataDirOption, withActions } from '../actions.js';
import { CliError } from '../fail.js';
import { createProgress } from '../progress.js';
import { remoteCall, remoteFrom } from '../remote.js';

interface Options extends DataDirOption {
  url?: string;
  token?: string;
}

interface JobView {
  id: string;
  state: string;
  error: string | null;
  progress: { done?: number; total?: number; note?: string };
  result: { run_id?: string; counts?: Record<string, number>; errors?: number } | null;
}

interface RunView {
  state: string;
  started: string;
  finished: string | null;
  counts: Record<string, number>;
  errors: { dataset: string; message: string }[];
  message: string | null;
}

const withRemote = (cmd: Command) =>
  cmd
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)');

/** Runs `fn` with a way to call actions: on the server when one is named, else on the data directory. */
async function calling<T>(opts: Options, fn: (call: CallAction) => Promise<T>): Promise<T> {
  const remote = remoteFrom(opts);
  if (remote) return fn((name, input) => remoteCall(remote, name, input));
  return withActions(opts, (call) => fn(call));
}

const COUNTS = ['created', 'updated', 'unchanged', 'deleted', 'failed'] as const;
const countsLine = (c: Record<string, number> = {}) => COUNTS.map((k) => `${k} ${c[k] ?? 0}`).join(', ');

export function harvestCommand(): Command {
  const harvest = new Command('harvest').description(
    'harvest other portals (CKAN, Kendali) into an institution',
  );

  withRemote(
    harvest
      .command('add <name>')
      .description('register a portal to harvest')
      .requiredOption('--source <url>', 'base URL of the remote portal')
      .requiredOption('--org <org>', 'local institution the datasets go into')
      .option('--type <type>', 'ckan (CKAN or Kendali Action API) or dcat (a DCAT catalog URL)', 'ckan')
      .option('--title <title>', 'title of the source')
      .option('--schedule <cron>', 'cron: minute hour day month weekday (Asia/Jakarta)'),
  ).action(
    async (
      name: string,
      opts: Options & { source: string; org: string; type: string; title?: string; schedule?: string },
    ) => {
      const made = (await calling(opts, (call) =>
        call('harvest_source_create', {
          name,
          type: opts.type,
          url: opts.source,
          owner_org: opts.org,
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.schedule ? { schedule: opts.schedule } : {}),
        }),
      )) as { name: string; url: string; organization: string };
      process.stdout.write(`Sumber panen ${made.name}: ${made.url} → ${made.organization}\n`);
    },
  );

  withRemote(harvest.command('list').description('the harvest sources')).action(async (opts: Options) => {
    const sources = (await calling(opts, (call) => call('harvest_source_list', {}))) as {
      name: string;
      url: string;
      organization: string;
      schedule: string | null;
    }[];
    if (sources.length === 0) process.stdout.write('Belum ada sumber panen.\n');
    for (const s of sources)
      process.stdout.write(`${s.name}\t${s.url}\t${s.organization}\t${s.schedule ?? '-'}\n`);
  });

  withRemote(
    harvest
      .command('log <name>')
      .description('the runs of a source, newest first')
      .option('--limit <n>', 'runs to show', '10'),
  ).action(async (name: string, opts: Options & { limit: string }) => {
    const runs = (await calling(opts, (call) =>
      call('harvest_log', { id: name, limit: Number(opts.limit) }),
    )) as RunView[];
    if (runs.length === 0) process.stdout.write('Belum pernah dipanen.\n');
    for (const r of runs) {
      process.stdout.write(
        `${r.started}\t${r.state}\t${countsLine(r.counts)}${r.message ? `\t${r.message}` : ''}\n`,
      );
      for (const e of r.errors.slice(0, 20)) process.stdout.write(`  ${e.dataset}: ${e.message}\n`);
      if (r.errors.length > 20) process.stdout.write(`  … dan ${r.errors.length - 20} galat lain\n`);
    }
  });

  withRemote(
    harvest.command('run <name>').description('harvest now; waits, showing progress, and prints the counts'),
  ).action(async (name: string, opts: Options) => {
    const progress = createProgress('panen', { unit: 'dataset' });
    let job: JobView | undefined;
    let run: RunView | undefined;
    try {
      await calling(opts, async (call) => {
        job = (await call('harvest_run', { id: name })) as JobView;
        if ((job as JobView & { existing?: boolean }).existing)
          progress.note('panen sumber ini sudah berjalan: menunggu');
        while (job.state === 'queued' || job.state === 'running') {
          await new Promise((r) => setTimeout(r, 300));
          job = (await call('job_show', { id: job.id })) as JobView;
          const p = job.progress;
          if (p.done !== undefined && p.total !== undefined) progress.update(p.done, p.total, p.note ?? '');
          else if (p.note) progress.note(p.note);
        }
        [run] = (await call('harvest_log', { id: name, limit: 1 })) as RunView[];
      });
    } finally {
      progress.stop();
    }
    const ended: JobView | undefined = job;
    if (ended?.state !== 'succeeded')
      throw new CliError(`panen gagal: ${ended?.error ?? run?.message ?? ended?.state ?? '?'}`, 1);
    process.stdout.write(`Selesai: ${countsLine(run?.counts ?? ended.result?.counts)}\n`);
    for (const e of run?.errors ?? []) process.stdout.write(`  ${e.dataset}: ${e.message}\n`);
    if ((run?.counts.failed ?? 0) > 0) throw new CliError('sebagian dataset gagal dipanen', 2);
  });
  return harvest;
}
