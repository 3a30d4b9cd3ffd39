import { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { reportError } from '../fail.js';
import { createProgress } from '../progress.js';

/** `kendali start`: serves the API and the web app until SIGTERM/SIGINT, then shuts down cleanly. */
export function startCommand(): Command {
  return new Command('start')
    .description('serve Kendali (API, web app) on PORT with data in KENDALI_DATA_DIR')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .action(async (opts: { port?: string; dataDir?: string }) => {
      const env = { ...process.env };
      if (opts.port) env.PORT = opts.port;
      if (opts.dataDir) env.KENDALI_DATA_DIR = opts.dataDir;
      const config = loadConfig(env);
      const progress = createProgress('kendali');
      // The HTTP server's code (Fastify, the routes) loads for `start` only, not for every command.
      const { startServer } = await import('../../server/run.js');
      const server = await startServer(
        config,
        (label, done, total) => {
          if (done !== undefined && total !== undefined) progress.update(done, total, label);
          else progress.note(label);
        },
        (text) => {
          progress.stop();
          process.stderr.write(text);
        },
      );
      progress.stop();
      const store = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
      process.stderr.write(
        `Kendali ${server.firstStart ? '(first start) ' : ''}serving at ${server.url} — catalog: ${store}\n`,
      );
      let signalled = false;
      const shutdown = (signal: string): void => {
        if (signalled) {
          process.stderr.write(`kendali: ${signal} again, exiting now\n`);
          process.exit(1);
        }
        signalled = true;
        process.stderr.write(`kendali: ${signal} received, shutting down\n`);
        server.stop().then(
          () => process.exit(0),
          (e: unknown) => process.exit(reportError(e)),
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    });
}
