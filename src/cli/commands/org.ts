import { Command } from 'commander';
import { type DataDirOption, withActions } from '../actions.js';

interface AddOptions extends DataDirOption {
  title?: string;
  type?: string;
  level?: string;
  region?: string;
}

/** `kendali org add|list`: institutions, through the organization_* actions. */
export function orgCommand(): Command {
  const org = new Command('org').description('manage institutions (on the data directory)');
  org
    .command('add')
    .description('create an institution')
    .argument('<name>', 'URL name, e.g. bps or dinkes-jabar')
    .option('--title <title>', 'full name')
    .option('--type <type>', 'ministry, agency, province, regency, city or other', 'agency')
    .option('--level <level>', 'central, province or regency', 'central')
    .option('--region <code>', 'Kemendagri region code, e.g. 32 or 32.04')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (name: string, opts: AddOptions) => {
      const created = (await withActions(opts, (call) =>
        call('organization_create', {
          name,
          title: opts.title ?? name,
          org_type: opts.type,
          level: opts.level,
          ...(opts.region ? { region_code: opts.region } : {}),
        }),
      )) as { id: string; name: string };
      process.stdout.write(`${created.name} ${created.id}\n`);
    });
  org
    .command('list')
    .description('list institutions')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (opts: DataDirOption) => {
      const orgs = (await withActions(opts, (call) => call('organization_list', { all_fields: true }))) as {
        name: string;
        title: string;
        package_count: number;
      }[];
      for (const o of orgs) process.stdout.write(`${o.name}\t${o.title}\t${o.package_count}\n`);
    });
  return org;
}
