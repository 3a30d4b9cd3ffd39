import { Command } from 'commander';
import { type DataDirOption, parseDays, withActions } from '../actions.js';

interface CreateOptions extends DataDirOption {
  user: string;
  name: string;
  expiresIn?: number;
}

interface ListedToken {
  id: string;
  name: string;
  created_at: string;
  last_access: string | null;
  expires_at: string | null;
}

/** `kendali token create|list|revoke`: API tokens, through the api_token_* actions. */
export function tokenCommand(): Command {
  const token = new Command('token').description('manage API tokens (on the data directory)');
  token
    .command('create')
    .description('create an API token and print only the token on stdout (shown this once)')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--name <label>', 'label, e.g. the script that uses it', 'cli')
    .option('--expires-in <days>', 'days until the token expires (default: never)', parseDays)
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (opts: CreateOptions) => {
      const created = (await withActions(opts, (call) =>
        call('api_token_create', {
          user: opts.user,
          name: opts.name,
          ...(opts.expiresIn ? { expires_in: opts.expiresIn } : {}),
        }),
      )) as { token: string };
      process.stdout.write(`${created.token}\n`);
    });
  token
    .command('list')
    .description("list a user's tokens that are not revoked (never the tokens themselves)")
    .requiredOption('--user <name>', 'the user')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (opts: DataDirOption & { user: string }) => {
      const tokens = (await withActions(opts, (call) =>
        call('api_token_list', { user: opts.user }),
      )) as ListedToken[];
      for (const t of tokens) {
        const line = [t.id, t.name, `created ${t.created_at}`, `used ${t.last_access ?? 'never'}`];
        process.stdout.write(`${[...line, `expires ${t.expires_at ?? 'never'}`].join('  ')}\n`);
      }
    });
  token
    .command('revoke')
    .description('revoke an API token by its id (as `token list` shows it)')
    .argument('<id>', 'token id')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (id: string, opts: DataDirOption) => {
      await withActions(opts, (call) => call('api_token_revoke', { jti: id }));
      process.stderr.write(`kendali: token ${id} revoked\n`);
    });
  return token;
}
