import { Command } from 'commander';
import { loadConfig, settingsTable } from '../../config/load.js';
import { SETTINGS } from '../../config/schema.js';

/** `kendali config`: the effective configuration (secrets hidden), or `--table` for every setting's doc. */
export function configCommand(): Command {
  return new Command('config')
    .description(
      'print the effective configuration, or with --table every setting with its default and meaning',
    )
    .option('--table', 'print the settings table (Markdown)')
    .action((opts: { table?: boolean }) => {
      if (opts.table) {
        process.stdout.write(`${settingsTable()}\n`);
        return;
      }
      const config = loadConfig();
      for (const s of SETTINGS) {
        const v = config[s.key];
        const shown = v === undefined ? '(unset)' : s.secret ? '***' : String(v);
        process.stdout.write(`${s.env}=${shown}\n`);
      }
    });
}
