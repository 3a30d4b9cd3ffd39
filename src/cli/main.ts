import { Command } from 'commander';
import { KENDALI_VERSION } from '../core/paths.js';
import { briefingCommand } from './commands/briefing.js';
import { configCommand } from './commands/config.js';
import { harvestCommand } from './commands/harvest.js';
import { importCommand } from './commands/import.js';
import { mapCommand } from './commands/map.js';
import { orgCommand } from './commands/org.js';
import { searchCommand } from './commands/search.js';
import { startCommand } from './commands/start.js';
import { tokenCommand } from './commands/token.js';
import { userCommand } from './commands/user.js';
import { reportError } from './fail.js';

/** The `kendali` command. Each subcommand lives in ./commands; errors end in one line and a non-zero exit. */
export function buildCli(): Command {
  const program = new Command('kendali')
    .description('Kendali — Satu Data catalog, data integration, Ruang Kendali and Humas')
    .version(KENDALI_VERSION)
    .showHelpAfterError('(kendali --help lists the commands)');
  program.addCommand(startCommand());
  program.addCommand(configCommand());
  program.addCommand(userCommand());
  program.addCommand(tokenCommand());
  program.addCommand(orgCommand());
  program.addCommand(importCommand());
  program.addCommand(harvestCommand());
  program.addCommand(searchCommand());
  program.addCommand(briefingCommand());
  program.addCommand(mapCommand());
  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e);
}
