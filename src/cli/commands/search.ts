/**
 * `kendali search rebuild`: rebuilds the catalog search (the `reindex` job) on the data
 * directory or on a running server (`--url`/`--token`), with a progress bar of datasets; Ctrl-C
 * cancels the job. Exit 0 when rebuilt, 1 when the job failed or was cancelled.
 */
import { Command } from 'commander';
import { type CallAction, type DataDirOption, withActions } from '../actions.js';
import { CliError, translateLine } from '../fail.js';
import { cancelOnInterrupt, followJob, type JobView } from '../job-follow.js';
import { createProgress } from '../progress.js';
import { type Remote, remoteCall, remoteFrom } from '../remote.js';

interface Options extends DataDirOption {
  url?: string;
  token?: string;
}

async function calling<T>(opts: Options, fn: (call: CallAction, remote?: Remote) => Promise<T>): Promise<T> {
  const remote = remoteFrom(opts);
  if (remote) return fn((name, input) => remoteCall(remote, name, input), remote);
  return withActions(opts, (call) => fn(call));
}

export function searchCommand(): Command {
  const search = new Command('search').description('the catalog search index');
  search
    .command('rebuild')
    .description('rebuild every dataset’s search entry and the in-memory index, showing progress')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)')
    .action(async (opts: Options) => {
      const progress = createProgress('indeks', { unit: 'dataset' });
      let ended: JobView;
      try {
        ended = await calling(opts, async (call, remote) => {
          const job = (await call('search_index_rebuild', {})) as JobView;
          if (job.existing) progress.note('pembangunan ulang indeks sudah berjalan: menunggu');
          return cancelOnInterrupt(
            call,
            job.id,
            (text) => progress.note(text),
            () =>
              followJob(job, {
                call,
                remote,
                onProgress: (p) => {
                  if (p.done !== undefined && p.total !== undefined)
                    progress.update(p.done, p.total, p.note ?? '');
                },
              }),
          );
        });
      } finally {
        progress.stop();
      }
      if (ended.state !== 'succeeded')
        throw new CliError(
          `indeks tidak dibangun ulang: ${ended.error ? translateLine(ended.error) : ended.state}`,
          1,
        );
      const result = ended.result as { datasets: number; ms: number };
      process.stdout.write(`Indeks pencarian dibangun ulang: ${result.datasets} dataset, ${result.ms} ms\n`);
    });
  return search;
}
