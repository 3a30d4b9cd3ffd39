import { basename, extname } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { addUpload } from '../../ingest/uploads.js';
import { type DataDirOption, withActions } from '../actions.js';
import { remoteCall, remoteFrom, remoteUpload } from '../remote.js';

interface AddOptions extends DataDirOption {
  level: string;
  codeProperty: string;
  name?: string;
  title?: string;
  url?: string;
  token?: string;
}

interface Created {
  name: string;
  feature_count: number;
  matched: number;
  unmatched: { index: number; value: unknown }[];
  unmatched_count: number;
}

const level = (v: string): string => {
  if (v !== 'province' && v !== 'regency') throw new InvalidArgumentError('province or regency');
  return v;
};

/** `kendali map add|list`: GeoJSON region maps for the control room's map tiles. */
export function mapCommand(): Command {
  const map = new Command('map').description('region maps (GeoJSON) for Ruang Kendali map tiles');
  map
    .command('add')
    .description('register a GeoJSON map of provinces or regencies')
    .argument('<file>', 'GeoJSON FeatureCollection')
    .requiredOption('--level <level>', 'province or regency', level)
    .requiredOption(
      '--code-property <property>',
      'feature property with the Kemendagri code (32, 3204, 32.04)',
    )
    .option('--name <name>', 'map name (default: the file name)')
    .option('--title <title>', 'title')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)')
    .action(async (file: string, opts: AddOptions) => {
      const name =
        opts.name ??
        basename(file, extname(file))
          .toLowerCase()
          .replace(/[^a-z0-9_-]+/g, '-')
          .replace(/^-+|-+$/g, '');
      const input = (uploadId: string) => ({
        name,
        ...(opts.title ? { title: opts.title } : {}),
        level: opts.level,
        code_property: opts.codeProperty,
        upload_id: uploadId,
      });
      const remote = remoteFrom(opts);
      const created = (
        remote
          ? await remoteCall(remote, 'map_create', input(await remoteUpload(remote, file, () => {})))
          : await withActions(opts, async (call, dataDir) =>
              call('map_create', input((await addUpload(dataDir, file, null)).id)),
            )
      ) as Created;
      process.stdout.write(
        `${created.name}: ${created.matched} of ${created.feature_count} features matched\n`,
      );
      for (const u of created.unmatched)
        process.stderr.write(`feature ${u.index}: ${JSON.stringify(u.value)} is no known region\n`);
      if (created.unmatched_count > created.unmatched.length)
        process.stderr.write(`… ${created.unmatched_count - created.unmatched.length} more\n`);
    });
  map
    .command('list')
    .description('list region maps')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)')
    .action(async (opts: DataDirOption & { url?: string; token?: string }) => {
      const remote = remoteFrom(opts);
      const maps = (
        remote
          ? await remoteCall(remote, 'map_list', {})
          : await withActions(opts, (call) => call('map_list', {}))
      ) as { name: string; level: string; feature_count: number; title: string }[];
      for (const m of maps) process.stdout.write(`${m.name}\t${m.level}\t${m.feature_count}\t${m.title}\n`);
    });
  return map;
}
