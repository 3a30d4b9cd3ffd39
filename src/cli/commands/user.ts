import { Command } from 'commander';
import { generatePassword } from '../../auth/passwords.js';
import { type DataDirOption, withActions } from '../actions.js';

interface AddOptions extends DataDirOption {
  email: string;
  fullname?: string;
  sysadmin?: boolean;
  password?: string;
}

interface ListedUser {
  name: string;
  fullname: string;
  email?: string;
  sysadmin: boolean;
}

const PAGE = 1000;

/** `kendali user add|list`: accounts on the data directory, through the user_* actions. */
export function userCommand(): Command {
  const user = new Command('user').description('manage user accounts (on the data directory)');
  user
    .command('add')
    .description('create a user; without --password one is generated and printed once on stdout')
    .argument('<name>', 'login name (lowercase letters, digits, - and _)')
    .requiredOption('--email <email>', 'email address')
    .option('--fullname <name>', 'full name')
    .option('--sysadmin', 'give the user every right')
    .option('--password <password>', 'password (8+ characters); visible to other local users while it runs')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (name: string, opts: AddOptions) => {
      const password = opts.password ?? generatePassword();
      const created = (await withActions(opts, (call) =>
        call('user_create', {
          name,
          email: opts.email,
          password,
          ...(opts.fullname ? { fullname: opts.fullname } : {}),
          sysadmin: opts.sysadmin === true,
        }),
      )) as { id: string; name: string };
      process.stderr.write(`kendali: created user ${created.name} (${created.id})\n`);
      if (!opts.password) {
        process.stderr.write('kendali: generated password (shown once, not stored in the clear):\n');
        process.stdout.write(`${password}\n`);
      }
    });
  user
    .command('list')
    .description('list active users: name, sysadmin, email, full name')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (opts: DataDirOption) => {
      const users = await withActions(opts, async (call) => {
        const all: ListedUser[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const page = (await call('user_list', { limit: PAGE, offset })) as ListedUser[];
          all.push(...page);
          if (page.length < PAGE) return all;
        }
      });
      const width = Math.max(4, ...users.map((u) => u.name.length));
      for (const u of users) {
        const line = [u.name.padEnd(width), u.sysadmin ? 'sysadmin' : '-       ', u.email || '-', u.fullname];
        process.stdout.write(`${line.join('  ').trimEnd()}\n`);
      }
    });
  return user;
}
